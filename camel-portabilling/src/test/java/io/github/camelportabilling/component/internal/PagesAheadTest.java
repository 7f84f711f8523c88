package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.component.PortaBillingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pages fetched ahead against a list server that counts what it receives: the same records as a walk one page at a
 * time, never more calls in flight than allowed, at most N-1 windows past the end of a list whose size the server
 * does not tell, and a window that failed fails the page that needs it.
 */
@Timeout(60)
class PagesAheadTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A stable list in an arbitrary order, served concurrently; counts calls and the most in flight at once. */
    static final class ListServer implements ListPager.PageSource {
        final List<Long> ids;
        final boolean sendTotal;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger highWater = new AtomicInteger();
        volatile java.util.function.IntConsumer onCall = n -> {
        };
        volatile int failAtOffset = -1;

        ListServer(List<Long> ids, boolean sendTotal) {
            this.ids = List.copyOf(ids);
            this.sendTotal = sendTotal;
        }

        @Override
        public ListPager.Page fetch(int offset, int limit, boolean withTotal) {
            int n = calls.incrementAndGet();
            highWater.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                onCall.accept(n);
                if (offset == failAtOffset) {
                    throw new PortaBillingException("database went away", "Customer", "get_customer_list",
                            "Server.Customer.get_customer_list.internal_error", "database went away", 500, null);
                }
                List<Map<String, Object>> page = new ArrayList<>();
                for (int i = Math.min(offset, ids.size()); i < Math.min(ids.size(), offset + limit); i++) {
                    page.add(Map.of("i_customer", ids.get(i)));
                }
                return new ListPager.Page(page, withTotal && sendTotal ? (long) ids.size() : null);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private static List<Long> scrambled(int n) {
        Random random = new Random(3);
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            ids.add(i * 11 + random.nextInt(7) * 1_000_000L);
        }
        Collections.shuffle(ids, random);
        return ids;
    }

    /** Walks the whole list through {@code pages} as the consumer and the iterator do; returns the ids delivered. */
    private static List<Long> walk(ListServer server, int parallel, ExecutorService executor, int pageSize) {
        PagesAhead pages = new PagesAhead(server, parallel, executor, 30_000, "Customer/get_customer_list");
        ListPager pager = new ListPager(pages, "i_customer", pageSize, "Customer/get_customer_list",
                new ListPager.Notices());
        List<Long> seen = new ArrayList<>();
        ListPager.Cursor cursor = ListPager.Cursor.START;
        while (true) {
            ListPager.Result r = pager.fetch(cursor);
            pages.after(pager, r);
            r.records().forEach(rec -> seen.add(((Number) rec.get("i_customer")).longValue()));
            cursor = r.next();
            if (r.last()) {
                return seen;
            }
        }
    }

    @Test
    void aPageFetchedAheadIsHandedOverWithItsCallSlotFreeSoTheNextOneCanBeFetchedAhead() {
        ListServer server = new ListServer(scrambled(2_000), true);
        PagesAhead pages = new PagesAhead(server, 1, executor, 30_000, "Customer/get_customer_list");
        ListPager pager = new ListPager(pages, "i_customer", 5, "Customer/get_customer_list", new ListPager.Notices());
        assertThat(walkWhole(pager, pages, () -> {
        }, () -> {
        })).isEqualTo(2_000);
        assertThat(pages.fetchedAhead()).as("every page after the first was fetched ahead").isGreaterThan(390);
    }

    @Test
    void aPageTheWalkWaitsForSendsTheCallForTheOneAfterItBeforeTheWalkHasTakenIt() {
        ListServer server = new ListServer(scrambled(200), true);
        AtomicInteger aftersCalled = new AtomicInteger();
        List<Integer> sentBeforeAfterOfPageBefore = Collections.synchronizedList(new ArrayList<>());
        server.onCall = n -> {
            // call n is page n; without the walk's after() for page n-1 yet it was sent as page n-1 arrived
            if (n > 2 && aftersCalled.get() < n - 1) {
                sentBeforeAfterOfPageBefore.add(n);
            }
            if (n > 1) {
                sleep(20); // the walk asks for the page fetched ahead before it arrived
            }
        };
        PagesAhead pages = new PagesAhead(server, 1, executor, 30_000, "Customer/get_customer_list");
        ListPager pager = new ListPager(pages, "i_customer", 10, "Customer/get_customer_list", new ListPager.Notices());
        assertThat(walkWhole(pager, pages, aftersCalled::incrementAndGet, () -> {
        })).isEqualTo(200);
        assertThat(server.calls.get()).as("one call per page, none past the end").isEqualTo(20);
        assertThat(pages.dropped()).isZero();
        // pages 3-20 can be sent so; a slow first few calls (a cold JVM) or a walk thread held up misses some
        assertThat(sentBeforeAfterOfPageBefore).as("pages sent as the page before arrived").hasSizeGreaterThan(6);
    }

    @Test
    void aWalkStillBusyWithItsPageHasOnlyTheNextOneFetchedAhead() {
        ListServer server = new ListServer(scrambled(300), true);
        PagesAhead pages = new PagesAhead(server, 1, executor, 30_000, "Customer/get_customer_list");
        ListPager pager = new ListPager(pages, "i_customer", 10, "Customer/get_customer_list", new ListPager.Notices());
        AtomicInteger taken = new AtomicInteger();
        List<Integer> overBound = new ArrayList<>();
        walkWhole(pager, pages, taken::incrementAndGet, () -> {
            sleep(3); // the route works on the page: the one fetched ahead arrives meanwhile
            if (server.calls.get() > taken.get() + 1) {
                overBound.add(taken.get()); // more than the page in use and one ahead
            }
        });
        assertThat(overBound).isEmpty();
        assertThat(server.calls.get()).isEqualTo(taken.get());
    }

    /**
     * Walks the whole list as the consumer does: {@code beforeAfter} runs when a page is taken, {@code whileInUse}
     * after the walk told the pages ahead where it is (while the route would work on the page).
     * @return the records walked
     */
    static int walkWhole(ListPager pager, PagesAhead pages, Runnable beforeAfter, Runnable whileInUse) {
        ListPager.Cursor cursor = ListPager.Cursor.START;
        int walked = 0;
        while (true) {
            ListPager.Result r = pager.fetch(cursor);
            walked += r.records().size();
            beforeAfter.run();
            pages.after(pager, r);
            whileInUse.run();
            cursor = r.next();
            if (r.last()) {
                return walked;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void pagesFetchedAheadDeliverWhatAWalkOnePageAtATimeDelivers() {
        ListServer alone = new ListServer(scrambled(1_000), true);
        ListServer ahead = new ListServer(scrambled(1_000), true);

        List<Long> oneAtATime = walk(alone, 1, null, 50);
        List<Long> fourAhead = walk(ahead, 4, executor, 50);

        assertThat(oneAtATime).isEqualTo(alone.ids);
        assertThat(fourAhead).isEqualTo(oneAtATime);
        // the total tells where the list ends: no window is fetched ahead past it
        assertThat(ahead.calls.get()).isEqualTo(alone.calls.get()).isEqualTo(20);
    }

    @Test
    void withoutATotalAWrongGuessOfTheEndCostsAtMostNMinusOneWindows() {
        for (int parallel : new int[] {2, 4, 8}) {
            ListServer alone = new ListServer(scrambled(1_000), false);
            ListServer ahead = new ListServer(scrambled(1_000), false);

            List<Long> oneAtATime = walk(alone, 1, null, 50);
            List<Long> fetchedAhead = walk(ahead, parallel, executor, 50);

            assertThat(fetchedAhead).isEqualTo(oneAtATime).hasSize(1_000);
            assertThat(ahead.calls.get() - alone.calls.get()).as("windows past the end, parallelPages=" + parallel)
                    .isBetween(0, parallel - 1);
        }
    }

    @Test
    void neverMoreCallsInFlightThanParallelPagesAndAsManyAtOnce() {
        ListServer server = new ListServer(scrambled(2_000), true);
        CountDownLatch fourAhead = new CountDownLatch(4);
        AtomicBoolean allFour = new AtomicBoolean();
        server.onCall = n -> {
            if (n >= 2 && n <= 5) {
                fourAhead.countDown();
                try {
                    if (fourAhead.await(10, TimeUnit.SECONDS)) {
                        allFour.set(true);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        List<Long> ids = walk(server, 4, executor, 50);

        assertThat(ids).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(allFour).as("the four windows after the first page were fetched at once").isTrue();
        assertThat(server.highWater.get()).isEqualTo(4);
    }

    @Test
    void aWindowFetchedAheadThatFailedFailsThePageThatNeedsItAndNoneBefore() {
        ListServer server = new ListServer(scrambled(1_000), true);
        // the window of the sixth page (it starts 8 records before the page)
        server.failAtOffset = 5 * 50 - 8;
        PagesAhead pages = new PagesAhead(server, 4, executor, 30_000, "Customer/get_customer_list");
        ListPager pager = new ListPager(pages, "i_customer", 50, "Customer/get_customer_list", new ListPager.Notices());
        List<Long> seen = new ArrayList<>();
        PagingIterator it = new PagingIterator(pager, pages, pager.fetch(ListPager.Cursor.START), "Customer",
                "get_customer_list");

        assertThatThrownBy(() -> it.forEachRemaining(r -> seen.add(((Number) r.get("i_customer")).longValue())))
                .isInstanceOf(PortaBillingException.class).hasMessageContaining("database went away");
        assertThat(seen).isEqualTo(server.ids.subList(0, 250));
        assertThatThrownBy(it::hasNext).as("failed for good").isInstanceOf(PortaBillingException.class);
    }

    @Test
    void afterAStopNoCallStartsAndTheWaitEndsWithTheCallsInFlight() {
        ListServer server = new ListServer(scrambled(1_000), true);
        CountDownLatch release = new CountDownLatch(1);
        server.onCall = n -> {
            if (n > 1) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        PagesAhead pages = new PagesAhead(server, 4, executor, 30_000, "Customer/get_customer_list");
        ListPager pager = new ListPager(pages, "i_customer", 50, "Customer/get_customer_list", new ListPager.Notices());
        ListPager.Result first = pager.fetch(ListPager.Cursor.START);
        pages.after(pager, first);
        org.awaitility.Awaitility.await().until(() -> server.inFlight.get() == 4);

        pages.stop();
        assertThat(pages.awaitCalls(50)).as("four calls still in the server").isFalse();
        release.countDown();

        assertThat(pages.awaitCalls(10_000)).isTrue();
        assertThat(server.inFlight.get()).isZero();
        int calls = server.calls.get();
        assertThatThrownBy(() -> pager.fetch(first.next())).hasMessageContaining("stopped");
        assertThat(server.calls.get()).isEqualTo(calls);
    }
}
