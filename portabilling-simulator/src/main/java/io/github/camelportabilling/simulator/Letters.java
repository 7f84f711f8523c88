package io.github.camelportabilling.simulator;

/** One-letter strings shared by all records, so status fields cost no allocation when served. */
final class Letters {

    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private Letters() {
    }

    static String of(char c) {
        return c < 128 ? ASCII[c] : String.valueOf(c);
    }
}
