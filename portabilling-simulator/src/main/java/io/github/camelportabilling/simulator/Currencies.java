package io.github.camelportabilling.simulator;

import java.util.concurrent.ConcurrentHashMap;

/** Shares currency code strings between records: a million records hold a handful of distinct codes. */
final class Currencies {

    private static final ConcurrentHashMap<String, String> CODES = new ConcurrentHashMap<>();

    private Currencies() {
    }

    static String intern(String code) {
        if (code == null || code.length() > 8) {
            return code;
        }
        return CODES.computeIfAbsent(code, c -> c);
    }
}
