package io.github.camelportabilling.benchmarks;

import java.time.Duration;

/**
 * Logins and refreshes the server saw while callers kept the component busy across several token lifetimes.
 *
 * @param authFaults calls the server rejected for an expired or unknown token (each costs a re-login and a replay)
 */
record TokenRenewalResult(int callers, Duration lifetime, long calls, long errors, long elapsedNanos, long logins,
                          long refreshes, long authFaults, long p99Nanos, String firstError) {

    double perHundredThousandCalls(long count) {
        return calls == 0 ? Double.NaN : count * 100_000.0 / calls;
    }

    /** How many token lifetimes the run lasted: the number of expiry waves. */
    double lifetimes() {
        return elapsedNanos / (double) lifetime.toNanos();
    }

    /**
     * Renewals (logins and refreshes after the first login) per token lifetime: 1 is one per expiry wave,
     * {@code callers} one per caller.
     */
    double renewalsPerLifetime() {
        return (logins + refreshes - Math.min(1, logins)) / lifetimes();
    }
}
