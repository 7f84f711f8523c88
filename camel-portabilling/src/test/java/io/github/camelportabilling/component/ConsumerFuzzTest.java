package io.github.camelportabilling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.ListOrder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer in full mode over a list that other writers change before every call the consumer makes (records
 * closed anywhere, closed ones re-opened anywhere, new ones added anywhere), with a fixed seed, in key order, id
 * order and a shuffled order. Each cycle is one interleaving; its end is the idle signal. In every cycle each record
 * open for the whole cycle is delivered exactly once, and no record is delivered twice.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConsumerFuzzTest extends SimulatorTestSupport {

    private static final int CYCLES_PER_ORDER = 40;

    /** Options added to the consumer URI: variants run the fuzz with other ways of fetching pages. */
    protected String listOptions() {
        return "";
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    /** The test's own view of the list and of the cycle in progress; the simulator thread and the route share it. */
    private static final class Model {
        final Random random = new Random(7_331);
        final long customer;
        final Set<Long> open = new HashSet<>();
        final List<Long> closed = new ArrayList<>();
        Set<Long> presentAtStart = new HashSet<>();
        Set<Long> changedDuringCycle = new HashSet<>();
        List<Long> deliveredInCycle = new ArrayList<>();
        int cycles;
        long records;
        long changes;
        int skips;
        int duplicates;

        Model(long customer) {
            this.customer = customer;
        }

        synchronized void beforeCall(boolean firstPageOfCycle, int kept) {
            if (firstPageOfCycle) {
                presentAtStart = new HashSet<>(open);
                changedDuringCycle = new HashSet<>();
                deliveredInCycle = new ArrayList<>();
                return;
            }
            List<Long> openNow = new ArrayList<>(open);
            int closes = random.nextInt(kept);
            for (int i = 0; i < closes && !openNow.isEmpty(); i++) {
                long id = openNow.remove(random.nextInt(openNow.size()));
                simulator.updateAccount(id, Map.of("bill_status", "C"));
                open.remove(id);
                closed.add(id);
                changedDuringCycle.add(id);
                changes++;
            }
            int reopens = random.nextInt(3);
            for (int i = 0; i < reopens && !closed.isEmpty(); i++) {
                long id = closed.remove(random.nextInt(closed.size()));
                simulator.updateAccount(id, Map.of("bill_status", "O"));
                open.add(id);
                changedDuringCycle.add(id);
                changes++;
            }
            int adds = random.nextInt(4);
            for (int i = 0; i < adds; i++) {
                long id = newAccount(customer, "f" + (10_000_000 + random.nextInt(90_000_000)) + "-" + changes);
                open.add(id);
                changes++;
            }
        }

        synchronized void delivered(long id) {
            deliveredInCycle.add(id);
        }

        synchronized void cycleEnded() {
            Set<Long> got = new HashSet<>(deliveredInCycle);
            duplicates += deliveredInCycle.size() - got.size();
            for (Long id : presentAtStart) {
                if (!changedDuringCycle.contains(id) && !got.contains(id)) {
                    skips++;
                }
            }
            records += deliveredInCycle.size();
            cycles++;
        }
    }

    @Test
    void fuzzEveryRecordOpenForAWholeCycleIsDeliveredExactlyOnceInAnyOrder() throws Exception {
        int totalCycles = 0;
        long totalRecords = 0;
        long totalChanges = 0;
        int totalSkips = 0;
        int totalDuplicates = 0;
        int[] pageSizes = {20, 30, 50};
        ListOrder[] orders = {ListOrder.KEY, ListOrder.NATURAL, ListOrder.shuffled(5)};
        for (int o = 0; o < orders.length; o++) {
            simulator.setListOrder(orders[o]);
            long customer = newCustomer("Fuzz Co " + o + " " + System.nanoTime());
            Model model = new Model(customer);
            Random seeding = new Random(o);
            for (int i = 0; i < 300; i++) {
                model.open.add(newAccount(customer, "f" + (10_000_000 + seeding.nextInt(90_000_000)) + "-s" + i));
            }
            int pageSize = pageSizes[o];
            int kept = Math.min(8, Math.max(2, pageSize / 4));
            simulator.clearHooks();
            simulator.onCall("Account/get_account_list",
                    (n, params) -> model.beforeCall(params.containsKey("get_total") && Integer.valueOf(0).equals(params.get("offset")), kept));
            String routeId = "fuzz" + o;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("portabilling:Account/account?filter.i_customer=" + customer + "&filter.bill_status=O"
                         + "&pageSize=" + pageSize + "&delay=1&sendEmptyMessageWhenIdle=true" + listOptions())
                            .routeId(routeId)
                            .process(e -> {
                                if (e.getMessage().getBody() == null) {
                                    model.cycleEnded();
                                } else {
                                    model.delivered(e.getMessage().getHeader(PortaBillingConstants.ID, Long.class));
                                }
                            });
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                synchronized (model) {
                    return model.cycles >= CYCLES_PER_ORDER;
                }
            });
            context.getRouteController().stopRoute(routeId);
            simulator.clearHooks();
            synchronized (model) {
                System.out.printf("consumer fuzz, %s order, pages of %d: %d cycles, %d records delivered, %d changes:"
                                  + " %d skips, %d duplicates%n", orders[o], pageSize, model.cycles, model.records,
                        model.changes, model.skips, model.duplicates);
                totalCycles += model.cycles;
                totalRecords += model.records;
                totalChanges += model.changes;
                totalSkips += model.skips;
                totalDuplicates += model.duplicates;
            }
        }
        System.out.printf("consumer fuzz: %d interleavings, %d records delivered, %d changes: %d skips, %d duplicates%n",
                totalCycles, totalRecords, totalChanges, totalSkips, totalDuplicates);
        assertThat(totalSkips).as("records open for a whole cycle and not delivered in it").isZero();
        assertThat(totalDuplicates).as("records delivered twice in one cycle").isZero();
        assertThat(totalCycles).isGreaterThanOrEqualTo(3 * CYCLES_PER_ORDER);
        assertThat(totalChanges).isGreaterThan(1_000);
    }
}
