package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server whose clock differs from ours, answering without {@code expires_in}: the token's lifetime is the JWT's
 * {@code exp - iat} from the moment the answer arrived, so neither a clock behind (every token looks expired) nor
 * one ahead (tokens look longer-lived than they are) changes how often the session renews.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClockSkewTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    @AfterEach
    void restoreLifetime() {
        simulator.setTokenLifetime(Duration.ofSeconds(172_800));
    }

    @Test
    void aServerClockTwentyMinutesBehindCostsNoRefresh() {
        long account = newAccount(newCustomer("Skew Co"), "skew-" + System.nanoTime());
        simulator.setClockOffset(Duration.ofMinutes(-20));
        simulator.setExpiresIn(false);
        simulator.setTokenLifetime(Duration.ofMinutes(15));

        for (int i = 0; i < 50; i++) {
            assertThat(template.send(GET, e -> e.getMessage().setBody(account)).getException()).isNull();
        }

        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(simulator.refreshCount()).as("refreshes for 50 calls").isZero();
        System.out.printf("[figure] 50 calls, server clock 20 min behind, no expires_in: %d logins, %d refreshes%n",
                simulator.loginCount(), simulator.refreshCount());
    }

    @Test
    void aServerClockTwentyMinutesAheadStillRenewsBeforeTheTokenDies() throws Exception {
        long account = newAccount(newCustomer("Skew Ahead Co"), "skew-ahead-" + System.nanoTime());
        simulator.setClockOffset(Duration.ofMinutes(20));
        simulator.setExpiresIn(false);
        simulator.setTokenLifetime(Duration.ofSeconds(2));

        long end = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < end) {
            assertThat(template.send(GET, e -> e.getMessage().setBody(account)).getException()).isNull();
            Thread.sleep(20);
        }

        assertThat(simulator.refreshCount()).as("renewed ahead of the real 2 s expiry").isPositive();
        assertThat(simulator.requests()).as("calls the server rejected with an expired token")
                .filteredOn(r -> r.status() == 500).isEmpty();
    }
}
