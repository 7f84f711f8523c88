package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Never hang a caller: a hung login, a dripping answer, an exhausted pool and a hung logout at shutdown each end
 * within their bound. The proofs are what the simulator received and what it still holds when the callers are back
 * (a hung call the client gave up on is still in flight at the simulator), not timings.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeadlinesTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    private long anAccount() {
        return newAccount(newCustomer("Deadline Co"), "deadline-" + System.nanoTime());
    }

    @Test
    void eightCallersOnAHungLoginShareOneAttemptAndItsFailure() throws Exception {
        long account = anAccount();
        simulator.setLoginDelay(Duration.ofSeconds(6));
        String uri = GET + "&responseTimeout=1000";
        ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();

        List<Exception> failures = inParallel(8, 1, () -> {
            long start = System.nanoTime();
            Exception e = template.send(uri, x -> x.getMessage().setBody(account)).getException();
            waits.add((System.nanoTime() - start) / 1_000_000);
            return e;
        });

        // every caller is back while the simulator still holds the one login it received
        assertThat(simulator.inFlight()).as("the hung login, still held by the simulator").isEqualTo(1);
        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(failures).hasSize(8).allSatisfy(e -> assertThat(e).isInstanceOf(PortaBillingTimeoutException.class)
                .hasMessageContaining("Session/login").hasMessageContaining("responseTimeout=1000"));
        assertThat(simulator.callCount("Account/get_account_info")).isZero();
        System.out.printf("[figure] longest caller wait on a hung login with responseTimeout=1000: %d ms (8 callers,"
                          + " 1 login attempt)%n", waits.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    @Test
    void aCallerWaitingForALoginInProgressCanBeInterrupted() throws Exception {
        long account = anAccount();
        simulator.setLoginDelay(Duration.ofSeconds(5));
        String uri = GET + "&responseTimeout=4000";
        Thread leader = new Thread(() -> template.send(uri, x -> x.getMessage().setBody(account)));
        leader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.inFlight() == 1);
        AtomicReference<Exception> waiterFailure = new AtomicReference<>();
        Thread waiter = new Thread(() -> waiterFailure.set(
                template.send(uri, x -> x.getMessage().setBody(account)).getException()));
        waiter.start();
        Thread.sleep(200);

        waiter.interrupt();
        waiter.join(10_000);

        assertThat(waiter.isAlive()).isFalse();
        assertThat(simulator.inFlight()).as("the login the waiter waited for is still in progress").isEqualTo(1);
        assertThat(waiterFailure.get()).isInstanceOf(PortaBillingException.class).hasMessageContaining("interrupted")
                .hasRootCauseInstanceOf(InterruptedException.class);
        leader.join(10_000);
        assertThat(simulator.loginCount()).isEqualTo(1);
    }

    @Test
    void aDrippingAnswerEndsAtTheResponseTimeout() {
        long account = anAccount();
        String uri = GET + "&responseTimeout=1000";
        assertThat(template.send(uri, x -> x.getMessage().setBody(account)).getException()).isNull();
        // about 600 bytes, 5 every 400 ms: some 48 s, while no read waits longer than 400 ms
        simulator.injectFault("Account/get_account_info", 1, Fault.slowBody(5, Duration.ofMillis(400)));

        Exception e = template.send(uri, x -> x.getMessage().setBody(account)).getException();

        assertThat(e).isInstanceOf(PortaBillingTimeoutException.class)
                .hasMessageContaining("Account/get_account_info").hasMessageContaining("responseTimeout=1000")
                .hasMessageContaining("last byte");
        assertThat(simulator.callCount("Account/get_account_info")).as("not retried").isEqualTo(2);
    }

    @Test
    void aPoolWaitThatTimesOutIsNotRetriedAndSaysThePoolIsExhausted() throws Exception {
        long account = anAccount();
        String uri = GET + "&maxConnections=2&connectTimeout=300&responseTimeout=5000";
        assertThat(template.send(uri, x -> x.getMessage().setBody(account)).getException()).isNull();
        simulator.injectFault("Account/get_account_info", 100, Fault.delay(Duration.ofSeconds(6)));
        simulator.resetCounters();

        List<Exception> failures = inParallel(6, 1, () -> template.send(uri, x -> x.getMessage().setBody(account))
                .getException());

        assertThat(failures).hasSize(6).allSatisfy(e -> assertThat(e).isInstanceOf(PortaBillingTimeoutException.class));
        assertThat(failures).filteredOn(e -> e.getMessage().contains("pool is exhausted")).hasSize(4)
                .allSatisfy(e -> assertThat(e).hasMessageContaining("maxConnections=2"));
        assertThat(simulator.callCount("Account/get_account_info")).as("only the calls that got a connection")
                .isEqualTo(2);
        PortaBillingSession session = context.getComponent("portabilling", PortaBillingComponent.class).getSessions()
                .iterator().next();
        assertThat(session.getRetries()).isZero();
    }

    @Test
    void stoppingTwoSessionsOnAHungServerWaitsForOneShortLogoutDeadline() throws Exception {
        long account = anAccount();
        // password= clears the component's password (also before endpoint credentials replaced the component's)
        String asApiUser = GET + "&login=" + PortaBillingSimulator.DEMO_TOKEN_LOGIN + "&password=&token="
                           + PortaBillingSimulator.DEMO_API_TOKEN;
        assertThat(template.send(GET, x -> x.getMessage().setBody(account)).getException()).isNull();
        assertThat(template.send(asApiUser, x -> x.getMessage().setBody(account)).getException()).isNull();
        assertThat(context.getComponent("portabilling", PortaBillingComponent.class).getSessions()).hasSize(2);
        // both logouts hang for 8 s: shorter than responseTimeout (30 s), far longer than the logout deadline
        simulator.injectFault("Session/logout", 2, Fault.delay(Duration.ofSeconds(8)));
        context.getShutdownStrategy().setTimeout(5);

        long start = System.nanoTime();
        context.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(simulator.callCount("Session/logout")).as("both sessions logged out").isEqualTo(2);
        assertThat(simulator.inFlight()).as("both logouts still held by the simulator: stop did not wait for them")
                .isEqualTo(2);
        System.out.printf("[figure] stop with two sessions on a hung server (logouts hanging 8 s): %d ms%n", stopMillis);
    }

    @Test
    void aCallWhoseDeadlinePassesDuringRetriesEndsWithTheDeadline() {
        long account = anAccount();
        String uri = GET + "&callTimeout=1500&maxRetries=10";
        assertThat(template.send(uri, x -> x.getMessage().setBody(account)).getException()).isNull();
        simulator.injectFault("Account/get_account_info", 100, Fault.httpStatus(503, 1));
        simulator.resetCounters();

        Exception e = template.send(uri, x -> x.getMessage().setBody(account)).getException();

        assertThat(e).isInstanceOf(PortaBillingException.class).hasMessageContaining("HTTP 503");
        // Retry-After 1 s: one retry fits in 1.5 s, the second pause would pass the deadline
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(2);
    }
}
