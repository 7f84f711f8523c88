package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pagePerExchange=true: one exchange per page whose body is the page's records, delivered at least once per page (a
 * failed page is offered again whole, then skipped or the route stops), in incremental mode only the new records.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PagePerExchangeTest extends SimulatorTestSupport {

    /** The bodies as they arrived, and their headers. */
    private final List<List<Map<String, Object>>> pages = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> headers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger idle = new AtomicInteger();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private long customer;

    private List<Long> customerWithAccounts(int n) {
        customer = newCustomer("Page Co " + System.nanoTime());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(newAccount(customer, String.format("p%d-%04d", customer, i)));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private void consume(String uri, org.apache.camel.Processor before) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("sync").process(e -> {
                    if (e.getMessage().getBody() == null) {
                        idle.incrementAndGet();
                        return;
                    }
                    if (before != null) {
                        before.process(e);
                    }
                    pages.add(e.getMessage().getBody(List.class));
                    headers.add(Map.copyOf(e.getMessage().getHeaders()));
                });
            }
        });
        context.start();
    }

    private PortaBillingConsumer syncConsumer() {
        return (PortaBillingConsumer) context.getRoute("sync").getConsumer();
    }

    private List<Long> deliveredIds() {
        List<Long> ids = new ArrayList<>();
        synchronized (pages) {
            for (List<Map<String, Object>> page : pages) {
                page.forEach(r -> ids.add(((Number) r.get("i_account")).longValue()));
            }
        }
        return ids;
    }

    @Test
    void eachPageIsOneExchangeWithItsRecordsAsTheBody() throws Exception {
        List<Long> accounts = customerWithAccounts(1_000);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=100"
                + "&delay=3600000&pagePerExchange=true&sendEmptyMessageWhenIdle=true", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1 && idle.get() == 1);

        assertThat(pages).hasSize(10).allSatisfy(page -> assertThat(page).hasSize(100));
        assertThat(deliveredIds()).isEqualTo(accounts);
        Map<String, Object> second = headers.get(1);
        assertThat(second).containsEntry(PortaBillingConstants.TOTAL, 1_000L)
                .doesNotContainKey(PortaBillingConstants.ID)
                .containsEntry(PortaBillingConstants.IDS, accounts.subList(100, 200));
        // the window of the second page starts at its landmarks, 8 records before it
        assertThat(second.get(PortaBillingConstants.PAGE_OFFSET)).isEqualTo(92);
        assertThat(syncConsumer().getDelivered()).isEqualTo(1_000);
    }

    @Test
    void aFailedPageIsOfferedAgainWholeThenSkippedAfterMaxPageAttempts() throws Exception {
        List<Long> accounts = customerWithAccounts(300);
        long poisoned = accounts.get(150);
        AtomicInteger offersOfThePoisonedPage = new AtomicInteger();

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=100&delay=20"
                + "&pagePerExchange=true&maxPageAttempts=2", e -> {
                    @SuppressWarnings("unchecked")
                    List<Long> ids = e.getMessage().getHeader(PortaBillingConstants.IDS, List.class);
                    if (ids.contains(poisoned) && syncConsumer().getCycles() == 0) {
                        offersOfThePoisonedPage.incrementAndGet();
                        throw new IllegalStateException("the warehouse refuses a batch with " + poisoned);
                    }
                });
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);
        context.getRouteController().stopRoute("sync");

        assertThat(offersOfThePoisonedPage.get()).isEqualTo(2);
        assertThat(syncConsumer().getSkipped()).isEqualTo(100);
        List<Long> firstCycle = deliveredIds().subList(0, 200);
        assertThat(firstCycle).isEqualTo(concat(accounts.subList(0, 100), accounts.subList(200, 300)));
    }

    @Test
    void aPageThatFailsOnceIsDeliveredWholeTheSecondTime() throws Exception {
        List<Long> accounts = customerWithAccounts(250);
        AtomicInteger failures = new AtomicInteger();

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=100&delay=20"
                + "&pagePerExchange=true", e -> {
                    if (pages.size() == 1 && failures.getAndIncrement() == 0) {
                        throw new IllegalStateException("the warehouse is down for a moment");
                    }
                });
        await().atMost(Duration.ofSeconds(60)).until(() -> syncConsumer().getCycles() >= 1);
        context.getRouteController().stopRoute("sync");

        // at least once per page: nothing lost, nothing repeated but the page that failed (and it failed before
        // any of its records was taken)
        assertThat(failures.get()).isGreaterThanOrEqualTo(1);
        assertThat(deliveredIds().subList(0, 250)).isEqualTo(accounts);
        assertThat(new HashSet<>(deliveredIds().subList(0, 250))).hasSize(250);
    }

    @Test
    void incrementalModeSendsOnlyTheNewRecordsOfEachPage() throws Exception {
        List<Long> accounts = customerWithAccounts(120);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=50&delay=100"
                + "&mode=incremental&pagePerExchange=true", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredIds().size() >= 120);
        long cycles = syncConsumer().getCycles();
        // sorts into the middle of the list by id
        long added = newAccount(customer, String.format("p%d-0060x", customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredIds().size() >= 121);
        await().atMost(Duration.ofSeconds(30)).until(() -> syncConsumer().getCycles() >= cycles + 2);

        assertThat(deliveredIds()).hasSize(121).doesNotHaveDuplicates().endsWith(added);
        assertThat(pages.get(pages.size() - 1)).hasSize(1);
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
