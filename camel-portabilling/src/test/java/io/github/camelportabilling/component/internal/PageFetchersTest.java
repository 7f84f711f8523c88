package io.github.camelportabilling.component.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages fetched ahead on the pool Camel's executor service manager makes for a consumer or a producer: every page
 * after the first is fetched ahead, whatever the pool's thread is still doing when the next one is asked for.
 */
@Timeout(60)
class PageFetchersTest {

    private final CamelContext camel = new DefaultCamelContext();

    @BeforeEach
    void start() {
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void everyPageAfterTheFirstIsFetchedAheadOnTheCamelPoolNotByTheWalk() throws Exception {
        for (int parallel : new int[] {1, 4}) {
            PageFetchers fetchers = new PageFetchers(camel, this, true, parallel);
            PagesAheadTest.ListServer server = new PagesAheadTest.ListServer(
                    LongStream.rangeClosed(1, 2_000).boxed().toList(), true);
            Map<String, AtomicInteger> callsByThread = new ConcurrentHashMap<>();
            PagesAhead pages = fetchers.walk((offset, limit, withTotal) -> {
                String pool = Thread.currentThread().getName().contains("PortaBillingPages") ? "fetch pool" : "walk";
                callsByThread.computeIfAbsent(pool, k -> new AtomicInteger()).incrementAndGet();
                return server.fetch(offset, limit, withTotal);
            }, 30_000, "Customer/get_customer_list");
            ListPager pager = new ListPager(pages, "i_customer", 5, "Customer/get_customer_list",
                    new ListPager.Notices());
            int walked = PagesAheadTest.walkWhole(pager, pages, () -> {
            }, () -> {
            });
            assertThat(fetchers.stop(pages)).isTrue();
            assertThat(walked).isEqualTo(2_000);
            // before: Camel's pool handed a task over with no queue, and rejected it while its one thread was still
            // completing the page before (a quarter of the pages at 100 ms per page)
            assertThat(callsByThread.get("walk")).as("calls the walk made itself, parallelPages=" + parallel)
                    .hasValue(1);
            assertThat(pages.dropped()).isZero();
        }
    }
}
