package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proxies failing, answers lost, servers hung, standby sites and broken answers: what is safe to retry is retried,
 * what may have been executed is never replayed, and every failure is a typed error naming the call.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TransientFailuresTest extends SimulatorTestSupport {

    private static final String ACCOUNTS = "portabilling:Account/account";

    private Exception send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body)).getException();
    }

    @Test
    void tenPercentOfGatewayErrorsAndDroppedConnectionsCostNoGetOrList() throws Exception {
        long customer = newCustomer("Flaky Co");
        long account = newAccount(customer, "flaky-" + System.nanoTime());
        simulator.injectFaultRandomly("*", 0.10, 2026, Fault.httpStatus(502), Fault.httpStatus(503),
                Fault.dropBeforeCommit());
        String get = ACCOUNTS + "?operation=get&maxRetries=6&retryBackoff=1";
        String list = ACCOUNTS + "?operation=list&maxRetries=6&retryBackoff=1&filter.i_customer=" + customer;

        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Exception> failures = inParallel(8, 250, () -> {
            boolean isGet = n.incrementAndGet() % 2 == 0;
            return template.send(isGet ? get : list, e -> e.getMessage().setBody(isGet ? account : null)).getException();
        });

        assertThat(failures).isEmpty();
        List<RecordedRequest> requests = simulator.requests();
        long injected = requests.stream().filter(r -> r.status() == 502 || r.status() == 503 || r.status() == 0).count();
        assertThat(injected).as("faults the simulator injected").isGreaterThan(100);
        PortaBillingSession session = context.getComponent("portabilling", PortaBillingComponent.class)
                .getSessions().iterator().next();
        assertThat(session.getStats().retries()).isEqualTo(injected);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsAnErrorAndIsNeverReplayed() {
        long customer = newCustomer("Lost Answers Co");
        simulator.injectFault("Account/add_account", 1_000, Fault.dropAfterCommit());
        List<String> ids = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < 1_000; i++) {
            String id = "lost-" + customer + "-" + i;
            ids.add(id);
            Exception e = send(ACCOUNTS + "?operation=create", accountFields(customer, id));
            if (e instanceof PortaBillingException pe && pe.getMessage().contains("not replayed")) {
                errors++;
            }
        }

        assertThat(errors).isEqualTo(1_000);
        assertThat(simulator.callCount("Account/add_account")).isEqualTo(1_000);
        Exchange listed = template.send(ACCOUNTS + "?operation=list&pageSize=2000&filter.i_customer=" + customer,
                e -> e.getMessage().setBody(null));
        List<Map<String, Object>> held = listed.getMessage().getBody(List.class);
        assertThat(held).hasSize(1_000);
        assertThat(held).extracting(m -> m.get("id")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aHungServerEndsEachCallAtTheResponseTimeoutWithATypedError() throws Exception {
        long account = newAccount(newCustomer("Hung Co"), "hung-" + System.nanoTime());
        simulator.injectFault("Account/get_account_info", 1_000, Fault.delay(Duration.ofSeconds(3)));
        String uri = ACCOUNTS + "?operation=get&responseTimeout=400&connectTimeout=400&maxConnections=4";

        List<Exception> errors = inParallel(12, 1, () -> send(uri, account));

        assertThat(errors).hasSize(12).allSatisfy(e -> {
            assertThat(e).isInstanceOf(PortaBillingTimeoutException.class);
            assertThat(e.getMessage()).contains("Account/get_account_info");
        });
        assertThat(errors).anyMatch(e -> e.getMessage().contains("responseTimeout=400"));
        // read timeouts are not retried: the server is hung, asking again would only double the wait
        assertThat(simulator.callCount("Account/get_account_info")).isLessThanOrEqualTo(12);
    }

    @Test
    void theCapOnCallsInFlightHoldsAgainstASlowServer() throws Exception {
        long account = newAccount(newCustomer("Slow Co"), "slow-" + System.nanoTime());
        String uri = ACCOUNTS + "?operation=get&maxConnections=4";
        assertThat(send(uri, account)).isNull();
        simulator.injectFault("Account/get_account_info", 1_000, Fault.delay(Duration.ofMillis(150)));
        simulator.resetCounters();

        List<Exception> errors = inParallel(24, 1, () -> send(uri, account));

        assertThat(errors).isEmpty();
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(24);
        assertThat(simulator.inFlightHighWaterMark()).isBetween(2, 4);
    }

    @Test
    void aReadOnlyStandbySiteRefusesWritesWithItsFaultAndReadsGoOn() {
        long customer = newCustomer("Standby Co");
        long existing = newAccount(customer, "standby-" + System.nanoTime());
        simulator.setReadOnly(true);

        Exception write = send(ACCOUNTS + "?operation=create", accountFields(customer, "ro-" + System.nanoTime()));
        Exception update = send(ACCOUNTS + "?operation=update", Map.of("i_account", existing, "email", "x@y.z"));
        Exception read = send(ACCOUNTS + "?operation=get", existing);

        assertThat(write).isInstanceOf(PortaBillingException.class);
        assertThat(((PortaBillingException) write).getFaultCode()).isEqualTo("read_only_mode");
        assertThat(((PortaBillingException) update).getFaultCode()).isEqualTo("read_only_mode");
        assertThat(read).isNull();
        assertThat(simulator.callCount("Account/add_account")).isEqualTo(1);
    }

    @Test
    void malformedAnswersAreTypedErrorsNamingTheCall() {
        long customer = newCustomer("Malformed Co");
        long account = newAccount(customer, "malformed-" + System.nanoTime());
        Map<String, Fault> faults = new LinkedHashMap<>();
        faults.put("an HTML 502 page", Fault.htmlErrorPage(502));
        faults.put("truncated JSON", Fault.truncatedJson());
        faults.put("an empty body", Fault.emptyBody(200));
        faults.put("a JSON array", Fault.jsonArray());
        faults.put("wrong types", Fault.wrongTypes());
        faults.put("an empty 500", Fault.emptyBody(500));
        for (Map.Entry<String, Fault> fault : faults.entrySet()) {
            for (String op : List.of("get", "list", "update")) {
                String method = switch (op) {
                    case "get" -> "get_account_info";
                    case "list" -> "get_account_list";
                    default -> "update_account";
                };
                simulator.injectFault("Account/" + method, 10, fault.getValue());
                Object body = switch (op) {
                    case "get" -> account;
                    case "list" -> Map.of("i_customer", customer);
                    default -> Map.of("i_account", account, "email", "m@example.com");
                };
                Exception e = send(ACCOUNTS + "?operation=" + op + "&maxRetries=1&retryBackoff=1", body);
                simulator.clearFaults();
                assertThat(e).as(fault.getKey() + " on " + op).isInstanceOf(PortaBillingException.class)
                        .hasMessageContaining("Account/" + method)
                        .isNotInstanceOf(NullPointerException.class);
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    assertThat(cause).as(fault.getKey() + " on " + op).isNotInstanceOf(NullPointerException.class);
                }
            }
        }
    }

    @Test
    void retryAfterIsHonouredUpToTheCeiling() {
        long account = newAccount(newCustomer("Retry After Co"), "ra-" + System.nanoTime());
        simulator.injectFault("Account/get_account_info", 1, Fault.httpStatus(503, 1));

        assertThat(send(ACCOUNTS + "?operation=get", account)).isNull();
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(2);

        simulator.injectFault("Account/get_account_info", 1, Fault.tooManyRequests(60));
        Exception tooLong = send(ACCOUNTS + "?operation=get&maxRetryAfter=5000", account);
        assertThat(tooLong).isInstanceOf(PortaBillingException.class).hasMessageContaining("HTTP 429");
        assertThat(((PortaBillingException) tooLong).getHttpStatus()).isEqualTo(429);
    }

    @Test
    void aCreateRejectedBeforeExecutionIsRetriedAndCreatesOneRecord() {
        long customer = newCustomer("429 Co");
        simulator.injectFault("Account/add_account", 2, Fault.tooManyRequests(0));
        String id = "retried-" + System.nanoTime();

        assertThat(send(ACCOUNTS + "?operation=create", accountFields(customer, id))).isNull();

        assertThat(simulator.callCount("Account/add_account")).isEqualTo(3);
        Exchange got = template.send(ACCOUNTS + "?operation=get", e -> e.getMessage().setBody(Map.of("id", id)));
        assertThat(got.getMessage().getHeader(PortaBillingConstants.FOUND)).isEqualTo(true);
    }
}
