package io.github.camelportabilling.component.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The threads a consumer or a producer fetches pages ahead on ({@code prefetch}, {@code parallelPages}): one bounded
 * pool from Camel's {@link ExecutorServiceManager} per consumer or producer, created when it starts and shut down
 * when it stops; none when nothing is fetched ahead. Its threads end when idle for a minute, so a producer whose
 * {@code streamList} is rarely used holds none.
 */
public final class PageFetchers {

    private final ExecutorServiceManager manager;
    private final int parallel;
    private final ExecutorService executor;

    /**
     * @param owner names the pool in Camel's thread names and JMX
     */
    public PageFetchers(CamelContext context, Object owner, boolean prefetch, int parallel) {
        this.manager = context.getExecutorServiceManager();
        this.parallel = parallel;
        if (prefetch) {
            ThreadPoolProfile profile = new ThreadPoolProfile("PortaBillingPages");
            profile.setPoolSize(parallel);
            profile.setMaxPoolSize(parallel);
            profile.setKeepAliveTime(60L);
            profile.setTimeUnit(TimeUnit.SECONDS);
            // a queue, not Camel's direct hand-over (maxQueueSize <= 0): a fetch ahead is submitted while the thread
            // of the one before is still completing it, and a hand-over with no thread free rejects it (a quarter of
            // the pages went unfetched ahead so). Tasks waiting are few: each holds a call permit, or was dropped.
            profile.setMaxQueueSize(Integer.MAX_VALUE);
            profile.setAllowCoreThreadTimeOut(true);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            this.executor = manager.newThreadPool(owner, "PortaBillingPages", profile);
        } else {
            this.executor = null;
        }
    }

    /** The calls of one walk of a list: at most {@code parallelPages} in flight, pages fetched ahead on this pool. */
    public PagesAhead walk(ListPager.PageSource source, long maxWaitMillis, String what) {
        return new PagesAhead(source, parallel, executor, maxWaitMillis, what);
    }

    /** For the start log line: how pages are fetched. */
    public String describe() {
        return parallel > 1 ? parallel + " fetched in parallel"
                : executor != null ? "the next one fetched while one is processed" : "one at a time";
    }

    /**
     * A consumer's stop: no page is fetched ahead any more and the threads fetching one are interrupted; waits until
     * none of the walk's calls is in flight (each ends within its deadline), at most the executor manager's shutdown
     * await. Returns false when some still are.
     */
    public boolean stop(PagesAhead walk) throws InterruptedException {
        long wait = manager.getShutdownAwaitTermination();
        walk.stop();
        if (executor != null) {
            manager.shutdownNow(executor);
        }
        if (!walk.awaitCalls(wait)) {
            return false;
        }
        return executor == null || manager.awaitTermination(executor, wait);
    }

    /**
     * A producer's stop: no new page is fetched ahead; those already asked for by iterators still in use are fetched
     * (their iterators wait for them), then the threads end.
     */
    public void stop() {
        if (executor != null) {
            manager.shutdown(executor);
        }
    }
}
