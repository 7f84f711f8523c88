package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * State keys and what is kept in the state repository: two servers sharing one repository never share a position,
 * and state saved by version 0.1.0 (key without the server, value offset:N,lastId:ID) is taken over once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsumerStateTest extends SimulatorTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    /** A memory state repository that tells which keys were written. */
    static final class Positions extends MemoryStateRepository {
        final Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void setState(String key, String value) {
            keys.add(key);
            super.setState(key, value);
        }
    }

    /** Runs one incremental cycle of {@code uri} against the server in a context of its own; returns the ids. */
    private static List<Long> oneCycle(PortaBillingSimulator server, Positions repository, String uri)
            throws Exception {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            PortaBillingComponent component = new PortaBillingComponent();
            PortaBillingConfiguration c = component.getConfiguration();
            c.setHost(server.host());
            c.setPort(server.port());
            c.setUseHttps(false);
            c.setLogin(PortaBillingSimulator.DEMO_LOGIN);
            c.setPassword(PortaBillingSimulator.DEMO_PASSWORD);
            camel.addComponent("portabilling", component);
            camel.getRegistry().bind("positions", repository);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("sync")
                            .process(e -> ids.add(e.getMessage().getHeader(PortaBillingConstants.ID, Long.class)));
                }
            });
            camel.start();
            PortaBillingConsumer consumer = (PortaBillingConsumer) camel.getRoute("sync").getConsumer();
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getCycles() >= 1);
        } finally {
            camel.stop();
        }
        return ids;
    }

    private static List<Long> accounts(PortaBillingSimulator server, long customer, int n, String prefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(server.addAccount(accountFields(customer, prefix + i + "-" + System.nanoTime())));
        }
        return ids;
    }

    @Test
    void twoServersSharingOneStateRepositoryKeepTheirOwnPositions() throws Exception {
        Positions repository = new Positions();
        String uri = "portabilling:Account/account?mode=incremental&filter.bill_status=O&pageSize=20&delay=3600000"
                     + "&stateRepository=#positions";
        try (PortaBillingSimulator other = PortaBillingSimulator.builder().start()) {
            // both servers number accounts from the same first i_account, as separate installations do
            List<Long> first = accounts(simulator, newCustomer("Server A Co"), 50, "a");
            long otherCustomer = other.addCustomer(java.util.Map.of("name", "Server B Co", "iso_4217", "USD"));
            List<Long> second = accounts(other, otherCustomer, 30, "b");

            List<Long> fromFirst = oneCycle(simulator, repository, uri);
            List<Long> fromSecond = oneCycle(other, repository, uri);

            assertThat(new HashSet<>(fromFirst)).containsAll(first);
            assertThat(fromSecond).as("the second server's records, none taken for delivered by the first's state")
                    .containsExactlyInAnyOrderElementsOf(second);
            assertThat(repository.keys).hasSize(2);
            assertThat(repository.keys).anySatisfy(k -> assertThat(k).contains(":" + simulator.port()))
                    .anySatisfy(k -> assertThat(k).contains(":" + other.port()));
        }
    }

    @Test
    void stateSavedUnderTheFormerKeyIsTakenOverOnceAndItsWatermarkKept() throws Exception {
        String tag = "mig" + System.nanoTime();
        long customer = newCustomer("Migration Co " + tag);
        List<Long> old = accounts(simulator, customer, 10, tag + "-a");
        List<Long> later = accounts(simulator, customer, 5, tag + "-b");
        String uri = "portabilling:Account/account?mode=incremental&filter.id=" + tag + "%25"
                     + "&pageSize=4&delay=3600000&stateRepository=#positions";
        String formerKey = "portabilling:Account/account|get_account_list|incremental|id:" + tag + "%";
        Positions repository = new Positions();
        // version 0.1.0 saved its position as offset and highest id delivered, under a key without the server
        repository.setState(formerKey, "offset:10,lastId:" + old.get(old.size() - 1));

        List<Long> delivered = oneCycle(simulator, repository, uri);

        assertThat(delivered).containsExactlyInAnyOrderElementsOf(later);
        assertThat(repository.getState(formerKey)).startsWith("migrated:");
        String newKey = repository.keys.stream().filter(k -> !k.equals(formerKey)).findFirst()
                .orElseThrow();
        assertThat(newKey).contains("server:http://127.0.0.1:" + simulator.port()).contains("realm:admin")
                .contains("login:demo");
        assertThat(repository.getState(newKey)).startsWith("v2;");

        // the same list on another server, started later, finds the former key taken: it starts from scratch
        try (PortaBillingSimulator other = PortaBillingSimulator.builder().start()) {
            long otherCustomer = other.addCustomer(java.util.Map.of("name", "Other Co", "iso_4217", "USD"));
            List<Long> theirs = accounts(other, otherCustomer, 3, tag + "-c");
            assertThat(oneCycle(other, repository, uri)).containsExactlyInAnyOrderElementsOf(theirs);
        }
    }
}
