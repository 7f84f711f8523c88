package io.github.camelportabilling.component;

/**
 * The PortaBilling realm a login belongs to. Each realm is served on its own port; the constants are spelled as the
 * URI values, so no mapping table exists.
 */
public enum PortaBillingRealm {
    admin(443),
    reseller(8442),
    customer(8444),
    account(8445);

    private final int defaultPort;

    PortaBillingRealm(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
