package io.github.camelportabilling.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the calls ask for: gets spread over the seeded accounts, creates with an {@code id} never used before (the
 * simulator rejects a duplicate account id, which would turn the create benchmark into a fault benchmark).
 */
final class AccountRequests {

    /** The simulator numbers accounts from here. */
    static final long FIRST_ACCOUNT = 100_001;

    private final int seededAccounts;
    private final String idPrefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private final AtomicLong nextId = new AtomicLong();

    AccountRequests(int seededAccounts) {
        this.seededAccounts = seededAccounts;
    }

    /** An existing {@code i_account}; callers walk the accounts in different orders. */
    long accountToGet(int caller, long n) {
        return FIRST_ACCOUNT + Math.floorMod(caller * 7_919L + n * 31L, seededAccounts);
    }

    /** A flat account record for add_account, with a fresh {@code id}; the seeded customer 1 owns it. */
    Map<String, Object> newAccount() {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", idPrefix + nextId.incrementAndGet());
        account.put("i_customer", 1);
        account.put("i_product", 1);
        account.put("billing_model", 1);
        return account;
    }
}
