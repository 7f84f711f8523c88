package io.github.camelportabilling.benchmarks;

/** The producer operations measured: a read of an existing account and a create of a new one. */
enum ProducerOp {
    GET("get", "Account/get_account_info"),
    CREATE("create", "Account/add_account");

    final String label;
    final String serviceMethod;

    ProducerOp(String label, String serviceMethod) {
        this.label = label;
        this.serviceMethod = serviceMethod;
    }
}
