package io.github.camelportabilling.component.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelportabilling.component.PortaBillingException;

/**
 * The calls of one list walk (a consumer's, or one {@code streamList} iterator's), between the pager and the server:
 * <ul>
 * <li><b>At most {@code parallel} calls in flight</b>, the walk's own included: each call holds a permit from its
 * start to its end, so the bound holds by construction, and {@link #awaitCalls} can wait until every call ended.</li>
 * <li><b>Windows fetched ahead</b> (with an executor): after each page, the first windows of the next pages
 * ({@link ListPager#windowsAhead}) are fetched in the background while the page is in use. When the walk is already
 * waiting for a window fetched ahead (it has no page in use), the window predicted after the last one planned is
 * fetched as soon as that window arrives, before the walk has even taken it: a fast walk then never waits for its own
 * bookkeeping between two calls, and memory still holds no more pages. Only when the first page's total is known, so
 * that nothing is fetched past the list's end for it. The pager asks for its
 * windows through {@link #fetch} as usual and gets one fetched ahead when it is the very window it asks for; it then
 * checks the boundary in it by identity exactly as in a window fetched just now, so a window fetched ahead changes
 * when a page is read, never which records are delivered. A window the walk no longer asks for (the list moved, a
 * page failed) is dropped unused.</li>
 * </ul>
 * Nothing here moves a cursor: fetching ahead only reads. Each window fetched ahead is held until used or dropped, so
 * the walk holds at most {@code parallel} windows beside the page in use.
 */
public final class PagesAhead implements ListPager.PageSource {

    private final ListPager.PageSource source;
    private final int parallel;
    private final Executor executor;
    private final long maxWaitMillis;
    private final String what;
    private final Semaphore permits;
    /** Windows fetched (or being fetched) ahead, in the order they were asked for. */
    private final Map<ListPager.Window, Ahead> ahead = new LinkedHashMap<>();
    /** Every window fetched ahead whose task has not ended, those taken by the walk included. */
    private final Set<Ahead> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private long fetchedAhead;
    private long dropped;

    /**
     * @param source        the server calls
     * @param parallel      the most calls in flight at once, and the most windows fetched ahead
     * @param executor      where windows are fetched ahead; null for none (then only the bound applies)
     * @param maxWaitMillis how long a call waits for a permit at most (calls in flight end within their deadline)
     * @param what          names the list in messages, e.g. {@code Account/get_account_list}
     */
    public PagesAhead(ListPager.PageSource source, int parallel, Executor executor, long maxWaitMillis, String what) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        }
        this.source = source;
        this.parallel = parallel;
        this.executor = executor;
        this.maxWaitMillis = maxWaitMillis;
        this.what = what;
        this.permits = new Semaphore(parallel);
    }

    /** A window fetched ahead: whoever claims it first (its task, or a drop before it ran) owns the permit. */
    private final class Ahead {
        final CompletableFuture<ListPager.Page> page = new CompletableFuture<>();
        final AtomicBoolean claimed = new AtomicBoolean();
        /** The window predicted after the last one planned, fetched when this one arrives while the walk waits. */
        volatile ListPager.Window successor;
        /** The walk waits for this window: it holds no page, so one more can be fetched. */
        volatile boolean awaited;

        void run(ListPager.Window w) {
            if (!claimed.compareAndSet(false, true)) {
                return; // dropped before it started: the drop released the permit
            }
            ListPager.Page fetched = null;
            Throwable failure = null;
            try {
                fetched = closed ? null : source.fetch(w.offset(), w.limit(), w.withTotal());
            } catch (Throwable t) {
                failure = t;
            } finally {
                // the call has ended: its permit is free before the walk can take the page, or the walk would find
                // no permit to fetch the next page ahead with (the thread woken by complete() often runs first)
                live.remove(this);
                permits.release();
            }
            ListPager.Window next = successor;
            if (failure == null && fetched != null && awaited && next != null) {
                fetchAhead(next); // before complete(): the next call starts while the walk takes this page
            }
            if (failure != null) {
                page.completeExceptionally(failure);
            } else {
                page.complete(fetched);
            }
        }

        /**
         * Dropped unused: a fetch that has not started never starts (and reads as null to a walk waiting for it); one
         * that has runs to its end, unread.
         */
        void drop() {
            if (claimed.compareAndSet(false, true)) {
                live.remove(this);
                page.complete(null);
                permits.release();
            }
        }
    }

    /** The window: the one fetched ahead if it is this very window, else a call now. */
    @Override
    public ListPager.Page fetch(int offset, int limit, boolean withTotal) {
        Ahead fetched;
        synchronized (this) {
            fetched = ahead.remove(new ListPager.Window(offset, limit, withTotal));
        }
        if (fetched != null) {
            fetched.awaited = true;
            ListPager.Page page = await(fetched);
            if (page != null) {
                return page;
            }
        }
        acquire();
        try {
            if (closed) {
                throw stopped();
            }
            return source.fetch(offset, limit, withTotal);
        } finally {
            permits.release();
        }
    }

    /**
     * The walk took {@code page} from {@code pager}: fetch ahead the first windows of the pages after it, and drop
     * those fetched ahead that it will not ask for. Nothing is fetched ahead after the last page of a walk.
     */
    public synchronized void after(ListPager pager, ListPager.Result page) {
        if (executor == null || closed) {
            return;
        }
        if (page.last()) {
            discard();
            return;
        }
        List<ListPager.Window> plan = pager.windowsAhead(page.next(), parallel + 1);
        ListPager.Window successor = null;
        if (plan.size() > parallel) {
            successor = page.next().total() != null ? plan.get(parallel) : null;
            plan = plan.subList(0, parallel);
        }
        for (Iterator<Map.Entry<ListPager.Window, Ahead>> it = ahead.entrySet().iterator(); it.hasNext();) {
            Map.Entry<ListPager.Window, Ahead> e = it.next();
            if (!plan.contains(e.getKey())) {
                e.getValue().drop();
                it.remove();
                dropped++;
            }
        }
        for (ListPager.Window w : plan) {
            if (!fetchAhead(w)) {
                return;
            }
        }
        Ahead first = plan.isEmpty() ? null : ahead.get(plan.get(0));
        if (first != null) {
            first.successor = successor;
        }
    }

    /**
     * Fetches {@code w} ahead unless it already is or no call slot is free; false when the owner is stopping (no more
     * windows ahead then).
     */
    private synchronized boolean fetchAhead(ListPager.Window w) {
        if (closed) {
            return false;
        }
        if (ahead.containsKey(w) || !permits.tryAcquire()) {
            return true;
        }
        Ahead a = new Ahead();
        live.add(a);
        try {
            executor.execute(() -> a.run(w));
        } catch (RejectedExecutionException e) {
            a.drop();
            return false;
        }
        ahead.put(w, a);
        fetchedAhead++;
        return true;
    }

    /** Drops every window fetched ahead (after a failed page, at the end of a walk). */
    public synchronized void discard() {
        for (Ahead a : ahead.values()) {
            a.drop();
            dropped++;
        }
        ahead.clear();
    }

    /** No call starts any more, and nothing is fetched ahead; calls in flight run to their end. */
    public void stop() {
        closed = true;
        discard();
        // windows taken by a walk that waits for them but not started yet (an executor shut down drops its queue)
        live.forEach(Ahead::drop);
    }

    /** After {@link #stop}: waits up to {@code waitMillis} until every call of the walk ended; whether they all did. */
    public boolean awaitCalls(long waitMillis) {
        try {
            if (!permits.tryAcquire(parallel, waitMillis, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        permits.release(parallel);
        return true;
    }

    /** Calls of this walk in flight now. */
    public int inFlight() {
        return Math.max(0, parallel - permits.availablePermits());
    }

    /** Windows fetched ahead so far, and those dropped unused (for logs and tests). */
    public synchronized long fetchedAhead() {
        return fetchedAhead;
    }

    public synchronized long dropped() {
        return dropped;
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new PortaBillingException("PortaBilling " + what + ": no call slot free within " + maxWaitMillis
                                                + " ms (" + parallel + " calls of this list in flight)",
                        null, null, null, null, 0, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    /** The page fetched ahead, or null when it was dropped (closed) and must be fetched now. */
    private ListPager.Page await(Ahead fetched) {
        try {
            return fetched.page.get(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            fetched.drop();
            Thread.currentThread().interrupt();
            throw interrupted(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new PortaBillingException("PortaBilling " + what + ": " + e.getCause(), null, null, null, null, 0,
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new PortaBillingException("PortaBilling " + what + ": a page fetched ahead did not arrive within "
                                            + maxWaitMillis + " ms", null, null, null, null, 0, e);
        }
    }

    private PortaBillingException stopped() {
        return new PortaBillingException("PortaBilling " + what + ": the walk of the list is stopped", null, null, null,
                null, 0, null);
    }

    private PortaBillingException interrupted(InterruptedException e) {
        return new PortaBillingException("PortaBilling " + what + ": interrupted while waiting for a page", null, null,
                null, null, 0, e);
    }
}
