package io.github.camelportabilling.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelportabilling.simulator.ListOrder;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Component tests against a simulator over real HTTP on loopback. The component is configured for the simulator with
 * the demo login; tests assert on what the simulator received and answered.
 */
public abstract class SimulatorTestSupport extends CamelTestSupport {

    protected static PortaBillingSimulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = PortaBillingSimulator.builder().start();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @BeforeEach
    void resetSimulator() {
        // answers a previous test delayed would still count as in flight
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> simulator.inFlight() == 0);
        simulator.clearFaults();
        simulator.resetServerConditions();
        simulator.clearHooks();
        simulator.setReadOnly(false);
        simulator.resetCounters();
        simulator.clearRequests();
        simulator.setListOrder(listOrder());
        simulator.setPageCap(0);
    }

    /** The order the simulator serves lists in for this class's tests; suites run under several. */
    protected ListOrder listOrder() {
        return ListOrder.NATURAL;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PortaBillingComponent component = new PortaBillingComponent();
        configure(component.getConfiguration());
        context.addComponent("portabilling", component);
        return context;
    }

    /** Points the component at the simulator with the demo login; override to change. */
    protected void configure(PortaBillingConfiguration configuration) {
        configuration.setHost(simulator.host());
        configuration.setPort(simulator.port());
        configuration.setUseHttps(false);
        configuration.setLogin(PortaBillingSimulator.DEMO_LOGIN);
        configuration.setPassword(PortaBillingSimulator.DEMO_PASSWORD);
    }

    /** A customer created directly in the simulator. */
    protected static long newCustomer(String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("iso_4217", "USD");
        return simulator.addCustomer(fields);
    }

    /** The mandatory fields of an account, as add_account needs them. */
    protected static Map<String, Object> accountFields(long iCustomer, String id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("billing_model", 1);
        fields.put("i_product", 7);
        fields.put("i_customer", iCustomer);
        return fields;
    }

    /** An account created directly in the simulator. */
    protected static long newAccount(long iCustomer, String id) {
        return simulator.addAccount(accountFields(iCustomer, id));
    }

    /**
     * Runs {@code callers} threads released together, each making {@code callsEach} calls; returns the failures (a
     * call answers its exception, or null when it succeeded).
     */
    protected static List<Exception> inParallel(int callers, int callsEach, Callable<Exception> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier start = new CyclicBarrier(callers);
            List<Future<List<Exception>>> futures = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Exception> failures = new ArrayList<>();
                    for (int i = 0; i < callsEach; i++) {
                        Exception e = call.call();
                        if (e != null) {
                            failures.add(e);
                        }
                    }
                    return failures;
                }));
            }
            List<Exception> failures = new ArrayList<>();
            for (Future<List<Exception>> f : futures) {
                failures.addAll(f.get());
            }
            return failures;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The i_customer ids of a list page as the component got it, over customers added with names that sort opposite to
     * their ids: what a suite's list order really is at the server.
     */
    protected List<Long> customerIdsAsListed(String tag) {
        startContextIfNeeded();
        for (int i = 0; i < 12; i++) {
            newCustomer(tag + " " + (char) ('z' - i));
        }
        List<Map<String, Object>> page = template.requestBody("portabilling:Customer/customer?operation=list&pageSize=50"
                                                              + "&filter.name=" + tag.replace(" ", "+") + "%25", null, List.class);
        List<Long> ids = new ArrayList<>();
        page.forEach(r -> ids.add(((Number) r.get("i_customer")).longValue()));
        return ids;
    }

    /**
     * A consumer with the suite's list options over 60 records on a server that takes 50 ms per call: more than one and
     * at most {@code max} list calls were in flight at the server at once.
     */
    protected void assertPagesFetchedInParallel(String listOptions, int max) throws Exception {
        String tag = "Parallel " + System.nanoTime();
        for (int i = 0; i < 60; i++) {
            newCustomer(tag + " " + i);
        }
        simulator.setLatency(java.time.Duration.ofMillis(50), java.time.Duration.ZERO);
        org.apache.camel.component.mock.MockEndpoint got = getMockEndpoint("mock:parallel");
        got.expectedMessageCount(60);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("portabilling:Customer/customer?pageSize=5&delay=1h&initialDelay=0&filter.name="
                     + tag.replace(" ", "+") + "%25" + listOptions).routeId("parallel-check").to("mock:parallel");
            }
        });
        simulator.resetCounters();
        startContextIfNeeded();
        got.assertIsSatisfied(60_000);
        context.getRouteController().stopRoute("parallel-check");
        simulator.setLatency(java.time.Duration.ZERO, java.time.Duration.ZERO);
        org.assertj.core.api.Assertions.assertThat(simulator.inFlightHighWaterMark()).isBetween(2, max);
    }

    /** Suites that add their routes themselves start the context in the test (isUseRouteBuilder false). */
    private void startContextIfNeeded() {
        if (!context.isStarted()) {
            context.start();
        }
    }
}
