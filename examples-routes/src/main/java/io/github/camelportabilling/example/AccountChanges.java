package io.github.camelportabilling.example;

import java.util.Map;

/** The update_account params of the lifecycle route. */
public final class AccountChanges {

    private AccountChanges() {
    }

    /** Blocks the account (no calls), the usual step before closing it. */
    public static Map<String, Object> block(long iAccount) {
        return Map.of("i_account", iAccount, "blocked", "Y");
    }
}
