package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions under concurrent load: short token lifetimes and sessions dropped by the server mid-run must cost no
 * exchange.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SessionUnderLoadTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get&maxConnections=16";

    @AfterEach
    void restoreLifetime() {
        simulator.setTokenLifetime(Duration.ofSeconds(172800));
    }

    /** {@code threads} callers released together making {@code total} gets in all; returns the failures. */
    private List<Exception> run(int threads, int total, long account) throws Exception {
        return inParallel(threads, total / threads,
                () -> template.send(GET, e -> e.getMessage().setBody(account)).getException());
    }

    @Test
    void twentyThousandCallsOnSixteenThreadsWithAOneSecondTokenLifetimeAllSucceed() throws Exception {
        long account = newAccount(newCustomer("Load Co"), "load-" + System.nanoTime());
        simulator.setTokenLifetime(Duration.ofSeconds(1));
        long startMillis = System.currentTimeMillis();

        List<Exception> failures = run(16, 20_000, account);

        long seconds = (System.currentTimeMillis() - startMillis) / 1000;
        assertThat(failures).isEmpty();
        // a token picked just before its expiry can reach a busy server just after it: that call is replayed once
        PortaBillingSessionStats stats = context.getComponent("portabilling", PortaBillingComponent.class)
                .getSessions().iterator().next().getStats();
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(20_000 + stats.authFaults());
        assertThat(stats.authFaults()).isLessThan(200);
        // renewals: about one per token lifetime, not one per caller
        long renewals = simulator.loginCount() + simulator.refreshCount();
        assertThat(renewals).isPositive().isLessThanOrEqualTo(2 * (seconds + 2));
    }

    @Test
    void sessionsRevokedThreeTimesMidRunCostNoExchangeAndThreeLogins() throws Exception {
        long account = newAccount(newCustomer("Revoke Co"), "revoke-" + System.nanoTime());
        simulator.onCall("Account/get_account_info", (n, params) -> {
            if (n == 2_000 || n == 4_000 || n == 6_000) {
                simulator.revokeAllSessions();
            }
        });

        List<Exception> failures = run(16, 8_000, account);

        assertThat(failures).isEmpty();
        // the first login, then exactly one per revocation
        assertThat(simulator.loginCount()).isEqualTo(4);
        PortaBillingSession session = context.getComponent("portabilling", PortaBillingComponent.class)
                .getSessions().iterator().next();
        assertThat(session.getStats().logins()).isEqualTo(4);
        assertThat(session.getStats().authFaults()).isPositive();
        assertThat(session.getStats().failedCalls()).isZero();
    }
}
