package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Servers that page differently from the documented way, and the idle signal: a method that ignores limit/offset, a
 * non-paged list method (Account/get_subscriptions), a server that caps pages below the limit, lists whose size is
 * or is not a multiple of the page size.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ListServersTest extends SimulatorTestSupport {

    private final List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger empties = new AtomicInteger();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @AfterEach
    void pageNormally() {
        simulator.setPagingIgnored("Account/get_account_list", false);
        simulator.setPageCap(0);
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("sync").process(e -> {
                    if (e.getMessage().getBody() == null) {
                        empties.incrementAndGet();
                    } else {
                        delivered.add(e.getMessage().getHeader(PortaBillingConstants.ID, Long.class));
                    }
                });
            }
        });
        context.start();
    }

    private PortaBillingConsumer syncConsumer() {
        return (PortaBillingConsumer) context.getRoute("sync").getConsumer();
    }

    private static long customerWithAccounts(int n) {
        long customer = newCustomer("Paging Co " + System.nanoTime());
        for (int i = 0; i < n; i++) {
            newAccount(customer, "p" + customer + "-" + i);
        }
        return customer;
    }

    private static List<RecordedRequest> listCalls(String serviceMethod) {
        return simulator.requests().stream().filter(r -> serviceMethod.equals(r.serviceMethod())).toList();
    }

    @Test
    void aMethodThatIgnoresLimitAndOffsetEndsEachCycleAfterOneCall() throws Exception {
        long customer = customerWithAccounts(250);
        simulator.setPagingIgnored("Account/get_account_list", true);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=20&delay=50");
        await().atMost(Duration.ofSeconds(20)).until(() -> syncConsumer().getCycles() >= 3);
        context.getRouteController().stopRoute("sync");

        long cycles = syncConsumer().getCycles();
        // each cycle: the whole answer once, then the cycle ends; one call per cycle (one more if a cycle was starting)
        assertThat(delivered.size()).isBetween((int) cycles * 250, (int) (cycles + 1) * 250);
        assertThat(new HashSet<>(delivered)).hasSize(250);
        assertThat(simulator.callCount("Account/get_account_list")).isBetween(cycles, cycles + 1);
    }

    @Test
    void getSubscriptionsIsNotPagedAndIsDeliveredOncePerCycle() throws Exception {
        long customer = newCustomer("Subscriber Co " + System.nanoTime());
        long account = newAccount(customer, "sub-" + System.nanoTime());
        for (int i = 0; i < 7; i++) {
            simulator.addSubscription(account, Map.of("i_subscription", 100 + i, "name", "Plan " + i));
        }

        consume("portabilling:Account/subscription?method=get_subscriptions&responseKey=subscriptions"
                + "&idKey=i_account_subscription&filter.i_account=" + account + "&pageSize=3&delay=50");
        await().atMost(Duration.ofSeconds(20)).until(() -> syncConsumer().getCycles() >= 2);
        context.getRouteController().stopRoute("sync");

        long cycles = syncConsumer().getCycles();
        assertThat(delivered.size()).isBetween((int) cycles * 7, (int) (cycles + 1) * 7);
        assertThat(new HashSet<>(delivered)).hasSize(7);
        assertThat(simulator.callCount("Account/get_subscriptions")).isBetween(cycles, cycles + 1);
    }

    @Test
    void aServerThatCapsPagesBelowTheLimitHasEveryRecordWalked() throws Exception {
        long customer = customerWithAccounts(500);
        simulator.setPageCap(37);

        consume("portabilling:Account/account?filter.i_customer=" + customer + "&pageSize=100&delay=3600000");
        await().atMost(Duration.ofSeconds(30)).until(() -> syncConsumer().getCycles() >= 1);

        assertThat(delivered).hasSize(500).doesNotHaveDuplicates();
        // 37 per call less the landmarks: at most 2 * ceil(500 / 21) + 20 calls (the documented bound)
        assertThat(simulator.callCount("Account/get_account_list")).isLessThanOrEqualTo(2 * 24 + 20);
    }

    @Test
    void streamListWalksEveryRecordOfACappedServerAndANonPagedMethodInOneCall() {
        context.start();
        long customer = customerWithAccounts(300);
        simulator.setPageCap(45);
        Iterator<?> capped = template.requestBody("portabilling:Account/account?operation=list&streamList=true"
                                                  + "&pageSize=100&filter.i_customer=" + customer,
                null, Iterator.class);
        List<Object> walked = new ArrayList<>();
        capped.forEachRemaining(walked::add);
        assertThat(walked).hasSize(300).doesNotHaveDuplicates();

        simulator.setPageCap(0);
        simulator.setPagingIgnored("Account/get_account_list", true);
        simulator.resetCounters();
        Iterator<?> unpaged = template.requestBody("portabilling:Account/account?operation=list&streamList=true"
                                                   + "&pageSize=10&filter.i_customer=" + customer,
                null, Iterator.class);
        List<Object> all = new ArrayList<>();
        unpaged.forEachRemaining(all::add);
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
        assertThat(simulator.callCount("Account/get_account_list")).isEqualTo(1);
    }

    @Test
    void fullModeSendsOneEmptyExchangePerCycleWhenTheListIsAMultipleOfThePageSize() throws Exception {
        idleSignalInFullMode(40);
    }

    @Test
    void fullModeSendsOneEmptyExchangePerCycleWhenTheListIsNotAMultipleOfThePageSize() throws Exception {
        idleSignalInFullMode(45);
    }

    private void idleSignalInFullMode(int size) throws Exception {
        long customer = customerWithAccounts(size);

        consume("portabilling:Account/account?filter.i_customer=" + customer
                + "&pageSize=20&delay=30&sendEmptyMessageWhenIdle=true");
        await().atMost(Duration.ofSeconds(20)).until(() -> syncConsumer().getCycles() >= 4);
        context.getRouteController().stopRoute("sync");

        long cycles = syncConsumer().getCycles();
        await().atMost(Duration.ofSeconds(5)).until(() -> empties.get() >= cycles);
        assertThat(empties.get()).as("one empty exchange per cycle").isEqualTo((int) cycles);
        // every record once per cycle; the route may have stopped inside the next cycle (with pages fetched ahead,
        // more than one page into it), never at its end, which would have counted it
        assertThat(delivered.size()).isBetween((int) cycles * size, (int) cycles * size + size - 1);
        assertThat(new HashSet<>(delivered)).hasSize(size);
    }

    @Test
    void incrementalModeSendsOneEmptyExchangePerPollWithNothingNew() throws Exception {
        for (int size : new int[] {40, 45}) {
            long customer = customerWithAccounts(size);
            empties.set(0);
            delivered.clear();
            simulator.resetCounters();
            simulator.clearRequests();
            consume("portabilling:Account/account?mode=incremental&filter.i_customer=" + customer
                    + "&pageSize=20&delay=30&sendEmptyMessageWhenIdle=true");
            await().atMost(Duration.ofSeconds(20)).until(() -> syncConsumer().getCycles() >= 4);
            context.getRouteController().stopRoute("sync");

            long cycles = syncConsumer().getCycles();
            // the first cycle ends on a page with new records; every later one finds nothing new
            await().atMost(Duration.ofSeconds(5)).until(() -> empties.get() >= cycles - 1);
            assertThat(empties.get()).as("list of " + size).isEqualTo((int) cycles - 1);
            assertThat(delivered).hasSize(size).doesNotHaveDuplicates();
            // the total is asked on each cycle's first page only (and once before the first cycle, to find the
            // list's last page)
            List<RecordedRequest> calls = listCalls("Account/get_account_list");
            assertThat(calls.stream().filter(r -> r.params().containsKey("get_total")).count())
                    .isBetween(cycles + 1, cycles + 2);
            context.removeRoute("sync");
        }
    }

    @Test
    void aConsumerWithDefaultOptionsPausesAMinuteBetweenCycles() throws Exception {
        customerWithAccounts(3);
        consume("portabilling:Customer/customer");
        PortaBillingConsumer consumer = syncConsumer();
        assertThat(consumer.getDelay()).isEqualTo(60_000L);
        assertThat(((PortaBillingEndpoint) consumer.getEndpoint()).getDelay()).isEqualTo(60_000L);
        // the delay option still wins, in any of Camel's notations
        PortaBillingEndpoint custom = context.getEndpoint("portabilling:Customer/customer?delay=5s", PortaBillingEndpoint.class);
        assertThat(custom.getDelay()).isEqualTo(5_000L);
    }

    @Test
    void aOnePageListEndsEachCycleWithOneEmptyExchange() throws Exception {
        long customer = customerWithAccounts(2);
        consume("portabilling:Account/account?filter.i_customer=" + customer
                + "&delay=3600000&sendEmptyMessageWhenIdle=true");
        await().atMost(Duration.ofSeconds(20)).until(() -> empties.get() == 1);
        assertThat(delivered).hasSize(2);
        assertThat(simulator.callCount("Account/get_account_list")).isEqualTo(1);
    }
}
