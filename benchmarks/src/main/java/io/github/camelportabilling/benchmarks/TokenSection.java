package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;

/** The token-renewal part of the report. */
final class TokenSection {

    private final TokenRenewalResult r;

    TokenSection(TokenRenewalResult r) {
        this.r = r;
    }

    void print(PrintStream out) {
        out.printf("component get, %d callers, token lifetime %.1f s, %.1f s = %.1f lifetimes%n", r.callers(),
                r.lifetime().toMillis() / 1e3, r.elapsedNanos() / 1e9, r.lifetimes());
        out.printf("  calls %,d, errors %d, logins %d, refreshes %d, calls rejected for the token %d, p99 %.3f ms%n",
                r.calls(), r.errors(), r.logins(), r.refreshes(), r.authFaults(), r.p99Nanos() / 1e6);
        out.printf("  per 100,000 calls: %.2f logins, %.2f refreshes; %.2f renewals per token lifetime after"
                   + " the first login (1 = one per expiry wave, %d = one per caller)%n",
                r.perHundredThousandCalls(r.logins()), r.perHundredThousandCalls(r.refreshes()),
                r.renewalsPerLifetime(), r.callers());
        if (r.firstError() != null) {
            out.println("  first error: " + r.firstError());
        }
    }
}
