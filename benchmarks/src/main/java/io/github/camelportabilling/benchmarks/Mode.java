package io.github.camelportabilling.benchmarks;

/** The four ways to make a producer call that the benchmark compares. */
enum Mode {
    COMPONENT("component"),
    RAW("raw HttpClient5+Jackson"),
    NAIVE("naive http route"),
    TUNED("tuned http route");

    final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The name used on the command line ({@code --focus component:get:16}). */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
