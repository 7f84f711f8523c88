package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a list page by page with limit/offset, correct for any stable order the server lists in, and bounded whatever
 * the server answers.
 * <p>
 * <b>Boundary by identity.</b> Offsets alone skip records when earlier ones leave the list and repeat records when
 * earlier ones enter. So each page is fetched as a window that starts a few records before the cursor (the last ids
 * walked) and reaches a few records past the page (ids held back as landmarks for the next page), and
 * {@link PageBoundary} finds where the walk continues by the identity of those records. The shift seen at one
 * boundary predicts the next window (a route that closes each record it gets shifts the list by a page each time).
 * When no landmark is in the window, windows further left and right are probed (at most {@value #PROBES}); when that
 * fails too the walk continues from the leftmost window probed with a WARN that says so: records may repeat there,
 * and none is skipped unless more records than that left the list at once.
 * <p>
 * <b>Servers that page differently.</b> A window longer than the limit asked means the method is not paged: its
 * answer is delivered once and the walk ends (said once in the log). A short window while the first page's total says
 * more records remain means the server caps pages: the walk goes on with requests of the cap's size.
 * <p>
 * <b>Bounded.</b> A walk makes at most {@code 2 * ceil(T / s) + 20} calls, T being the total the first page answered
 * ({@value #NO_TOTAL} when the server sent none) and s the records per page in effect; it then ends with a WARN
 * ({@link End#GAVE_UP}), as it does after {@value #MAX_MISSES} boundaries it could not find.
 * <p>
 * {@link #fetch} moves nothing: the caller keeps the cursor and advances it when it is done with the page (possibly
 * only part of it, see {@link Result#cursorAfter}), which is how the consumer offers a failed record again.
 */
public final class ListPager {

    private static final Logger LOG = LoggerFactory.getLogger(ListPager.class);

    /** Windows probed left and right of the cursor when no landmark is where it was expected. */
    static final int PROBES = 4;
    /** Boundaries not found in a walk before it gives up. */
    static final int MAX_MISSES = 3;
    /** The list size a walk's call bound assumes when the server sends no total. */
    static final long NO_TOTAL = 1_000_000;
    private static final int MAX_LANDMARKS = 8;

    /** Fetches one window of the list; the total is asked for ({@code get_total}) only when {@code withTotal}. */
    @FunctionalInterface
    public interface PageSource {
        Page fetch(int offset, int limit, boolean withTotal);
    }

    /** One window as the server answered it; {@code total} is null unless the server sent it. */
    public record Page(List<Map<String, Object>> records, Long total) {
    }

    /** One call of a walk: the window it asks for. */
    public record Window(int offset, int limit, boolean withTotal) {
    }

    /** How a walk went on after a page. */
    public enum End {
        /** more pages follow */
        MORE,
        /** the end of the list */
        LIST_END,
        /** the method is not paged: its whole answer was delivered */
        NOT_PAGED,
        /** the walk stopped early (call bound reached, or the boundary was lost too often); a WARN says why */
        GAVE_UP
    }

    /**
     * Where a walk is. {@code walked}: the last ids passed, oldest first; {@code ahead}: the ids seen right after them
     * and not passed yet; {@code total}: the total last answered; {@code cap}: the most records the server served per
     * call on the first page (0 = no cap seen); {@code calls}: calls made so far in this walk (0 = the walk has not
     * started); {@code misses}: boundaries that could not be found; {@code drift}: how far the list moved at the last
     * boundary; {@code recount}: whether the next call asks for the total again (a short page the old total could not
     * explain).
     */
    public record Cursor(int offset, List<Long> walked, List<Long> ahead, Long total, int cap, int calls, int misses,
                         int drift, boolean recount) {

        public static final Cursor START = new Cursor(0, List.of(), List.of(), null, 0, 0, 0, 0, false);

        public Cursor {
            walked = List.copyOf(walked);
            ahead = List.copyOf(ahead);
        }

        /** A walk that starts at {@code offset} (no boundary check before its first page). */
        public static Cursor startAt(int offset) {
            return new Cursor(offset, List.of(), List.of(), null, 0, 0, 0, 0, false);
        }

        public boolean atStart() {
            return calls == 0;
        }

        Cursor called(int n, Long knownTotal) {
            return new Cursor(offset, walked, ahead, knownTotal, cap, calls + n, misses, drift, false);
        }

        Cursor missed() {
            return new Cursor(offset, walked, ahead, total, cap, calls, misses + 1, 0, recount);
        }

        Cursor with(int newCap, int newDrift, boolean newRecount) {
            return new Cursor(offset, walked, ahead, total, newCap, calls, misses, newDrift, newRecount);
        }
    }

    /**
     * One page of the walk.
     *
     * @param records the records not passed before, in list order
     * @param next    the cursor after all of them
     * @param end     whether and how the walk ended with this page
     * @param offset  the offset of the call the records came from
     * @param total   the first page's total, when the server sent one
     * @param fetches how many calls this page took
     */
    public record Result(List<Map<String, Object>> records, Cursor next, End end, int offset, Long total, int fetches,
                         PageWindow.Delivery delivery) {

        public boolean last() {
            return end != End.MORE;
        }

        /** The cursor after only the first {@code n} records of this page (the rest is offered again). */
        public Cursor cursorAfter(int n) {
            return n >= records.size() || delivery == null ? next : delivery.cursorAt(n, next);
        }

        Result fetched(int calls) {
            return new Result(records, next, end, offset, total, calls, delivery);
        }
    }

    /** Things said once per endpoint rather than once per page. */
    public static final class Notices {
        final AtomicBoolean notPaged = new AtomicBoolean();
        final AtomicBoolean noTotal = new AtomicBoolean();
        final AtomicBoolean noIds = new AtomicBoolean();
        final AtomicBoolean capped = new AtomicBoolean();
        /** Set when the server's API description says the method takes no limit/offset. */
        final AtomicBoolean notPagedByDescription = new AtomicBoolean();

        /** The method is not paged, as the server's API description says: its first answer is the whole list. */
        public void notPagedByDescription() {
            notPagedByDescription.set(true);
            notPaged.set(true); // said already, by the caller
        }
    }

    private final PageSource source;
    private final String idKey;
    private final int pageSize;
    private final String what;
    private final Notices notices;

    /**
     * @param what names the list in log lines, e.g. {@code Account/get_account_list}
     */
    public ListPager(PageSource source, String idKey, int pageSize, String what, Notices notices) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be > 0, got " + pageSize);
        }
        this.source = source;
        this.idKey = idKey;
        this.pageSize = pageSize;
        this.what = what;
        this.notices = notices;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The geometry of the next requests: landmarks kept before and after the page, records per page and per call. */
    private record Shape(int walked, int size, int ahead, int perCall) {
        int limit(int overlap) {
            return overlap + size + ahead;
        }
    }

    private Shape shape(Cursor c) {
        int kept = Math.min(MAX_LANDMARKS, Math.max(2, pageSize / 4));
        if (c.cap() <= 0) {
            return new Shape(kept, pageSize, kept, pageSize);
        }
        // a server that serves at most cap records per call: requests of the cap's size, whose landmarks leave room
        // for new records (so a full window means more may follow, as without a cap)
        int walked = Math.min(kept, c.cap() / 2);
        int ahead = Math.min(kept, Math.max(0, (c.cap() - walked - 1) / 2));
        int size = Math.max(1, Math.min(pageSize, c.cap() - walked - ahead));
        return new Shape(walked, size, ahead, size);
    }

    /** How many records before the cursor a window starts (the walked landmarks it overlaps). */
    private static int overlap(Cursor c, Shape shape) {
        boolean anchored = !c.walked().isEmpty() || !c.ahead().isEmpty();
        return c.atStart() || !anchored ? 0 : Math.min(shape.walked(), c.offset());
    }

    /** The call {@link #fetch} starts the page after {@code c} with. */
    private Window firstWindow(Cursor c) {
        Shape shape = shape(c);
        int overlap = overlap(c, shape);
        return new Window(Math.max(0, c.offset() - overlap + c.drift()), shape.limit(overlap),
                c.atStart() || c.recount());
    }

    /**
     * The first calls of the next {@code pages} pages after {@code c}, as this walk will make them if the list goes on
     * moving as it did at the last boundary (mostly: not at all), for a caller that fetches them ahead. The first is
     * exactly the call {@link #fetch} starts with; pages that would start at or past the total the walk knows, or
     * beyond the call bound, are left out.
     */
    public List<Window> windowsAhead(Cursor c, int pages) {
        List<Window> windows = new ArrayList<>(pages);
        Shape shape = shape(c);
        long bound = callBound(c);
        int offset = c.offset();
        for (int j = 0; j < pages && c.calls() + j < bound; j++) {
            if (j == 0) {
                windows.add(firstWindow(c));
            } else if (c.total() == null || offset < c.total()) {
                int overlap = Math.min(shape.walked(), offset);
                windows.add(new Window(Math.max(0, offset - overlap + c.drift()), shape.limit(overlap), false));
            } else {
                break;
            }
            offset += shape.size() + c.drift();
        }
        return windows;
    }

    /** The most calls a walk may make, for the cursor's total and page size. */
    public long callBound(Cursor c) {
        long total = c.total() != null ? c.total() : NO_TOTAL;
        int perCall = shape(c).perCall();
        return 2 * ((total + perCall - 1) / perCall) + 20;
    }

    /** The next page of records not passed before after {@code cursor}; empty only when the walk ended. */
    public Result fetch(Cursor cursor) {
        Cursor c = cursor;
        int calls = 0;
        while (true) {
            if (c.calls() >= callBound(c)) {
                LOG.warn("{}: {} calls made in this walk, the bound for {} records in pages of {}: the walk ends early"
                         + " at offset {}; the next walk starts over", what, c.calls(),
                        c.total() != null ? c.total() : "(no total sent, assumed " + NO_TOTAL + ")", shape(c).perCall(),
                        c.offset());
                return new Result(List.of(), c, End.GAVE_UP, c.offset(), c.total(), calls, null);
            }
            Result r = step(c);
            calls += r.next().calls() - c.calls();
            if (!r.records().isEmpty() || r.last()) {
                return r.fetched(calls);
            }
            // a window of records passed before (records entered before the cursor): go on until something is new
            c = r.next();
        }
    }

    /** One window, plus probes when the boundary is not where it was expected. */
    private Result step(Cursor c) {
        Shape shape = shape(c);
        boolean anchored = !c.walked().isEmpty() || !c.ahead().isEmpty();
        if (!c.atStart() && !anchored && notices.noIds.compareAndSet(false, true)) {
            LOG.warn("{}: its records have no {}: paging by offset only, so records may be skipped or repeated if the"
                     + " list changes while it is read (set the idKey option to the record's id field)", what, idKey);
        }
        Window window = firstWindow(c);
        int limit = window.limit();
        int expectedStart = c.offset() - overlap(c, shape);
        int normalStart = window.offset();
        boolean askTotal = window.withTotal();
        PageWindow first = fetchWindow(normalStart, limit, askTotal);
        // the first page's total stays the walk's (headers, call bound); a recount only answers a short page below
        Long total = c.atStart() ? first.total : c.total();
        if (c.atStart() && total == null && notices.noTotal.compareAndSet(false, true)) {
            LOG.warn("{}: the server sent no total for get_total=1: a short page is taken as the end of the list, so"
                     + " a server that caps pages below the limit cannot be told apart", what);
        }
        Cursor known = c.called(1, total);
        if (c.atStart() || !anchored) {
            return deliver(first, PageBoundary.START_OF_WINDOW, limit, shape, known, askTotal);
        }
        PageBoundary.Located at = PageBoundary.find(first.ids, c.walked(), c.ahead());
        if (sure(at, first) || first.size() > limit) {
            return deliver(first, at, limit, shape, known, askTotal);
        }
        // no landmark where expected (records left or entered in bulk), or only a later one of those seen ahead (the
        // first ones may lie just left of the window): look further left and right
        PageWindow candidate = at.found() ? first : null;
        PageBoundary.Located candidateAt = at;
        PageWindow leftmost = first;
        Set<Integer> fetched = new HashSet<>(List.of(normalStart));
        // windows next to the one fetched, then where the landmarks were before the predicted shift
        List<Integer> probes = new ArrayList<>();
        int step = shape.perCall();
        for (int k = 1; k <= PROBES / 2; k++) {
            probes.add(normalStart - k * step);
            probes.add(normalStart + k * step);
        }
        if (Math.abs(normalStart - expectedStart) > step) {
            probes.add(expectedStart);
        }
        for (int probe = 0; probe < probes.size(); probe++) {
            int start = probes.get(probe);
            if (candidate != null && start > normalStart) {
                continue; // the missing ones seen ahead can only be further left
            }
            if (!fetched.add(Math.max(0, start))) {
                continue;
            }
            start = Math.max(0, start);
            if (known.calls() >= callBound(known)) {
                break;
            }
            PageWindow w = fetchWindow(start, limit, false);
            known = known.called(1, total);
            if (w.start < leftmost.start) {
                leftmost = w;
            }
            PageBoundary.Located found = PageBoundary.find(w.ids, c.walked(), c.ahead());
            if (candidate == null && found.found()) {
                candidate = w;
                candidateAt = found;
            }
            if (sure(found, w) || w.size() > limit) {
                LOG.debug("{}: boundary found {} records {} of offset {} (records left or entered before it)", what,
                        Math.abs(w.start - expectedStart), w.start < expectedStart ? "left" : "right", c.offset());
                return deliver(w, found, limit, shape, known, false);
            }
        }
        if (candidate != null) {
            // the first ones seen ahead are nowhere near: they left the list
            return deliver(candidate, candidateAt, limit, shape, known, askTotal && candidate == first);
        }
        if (leftmost.start == 0 && leftmost.isEmpty()) {
            // nothing left anywhere: the list emptied (or a cap that was suspected was the end after all)
            return deliver(leftmost, PageBoundary.START_OF_WINDOW, limit, shape, known, false);
        }
        Cursor missed = known.missed();
        if (missed.misses() > MAX_MISSES) {
            LOG.warn("{}: the boundary was lost {} times in this walk (the list changes faster than it is read, or the"
                     + " server does not honour offset): the walk ends early at offset {}; the next walk starts over",
                    what, missed.misses(), c.offset());
            return new Result(List.of(), missed, End.GAVE_UP, c.offset(), total, 0, null);
        }
        LOG.warn("{}: none of the last {} {}s walked nor of the next {} is within {} records of offset {} any more (many"
                 + " records left or entered the list at once): continued from offset {}; records may repeat", what,
                c.walked().size(), idKey, c.ahead().size(), 2 * shape.perCall(), c.offset(), leftmost.start);
        return deliver(leftmost, PageBoundary.START_OF_WINDOW, limit, shape, missed, false);
    }

    /** The total that explains a window: the one answered with it when it was asked, else the walk's. */
    private static Long totalFor(PageWindow w, Cursor c, boolean freshTotal) {
        return freshTotal && w.total != null ? w.total : c.total();
    }

    /** Found, and not by a landmark seen ahead whose predecessors may lie left of the window. */
    private static boolean sure(PageBoundary.Located at, PageWindow w) {
        return at.found() && (at.aheadMissing() == 0 || w.start == 0);
    }

    private PageWindow fetchWindow(int start, int limit, boolean withTotal) {
        return new PageWindow(start, source.fetch(start, limit, withTotal), idKey);
    }

    /** The records of a window from the boundary on (at most a page, or all when not paged), and the cursor after. */
    private Result deliver(PageWindow w, PageBoundary.Located at, int limit, Shape shape, Cursor c,
                           boolean freshTotal) {
        int boundary = Math.max(0, at.index());
        int size = w.size();
        End end;
        int stop;
        int cap = c.cap();
        boolean recount = false;
        if (size > limit || notices.notPagedByDescription.get()) {
            if (notices.notPaged.compareAndSet(false, true)) {
                LOG.warn("{} answered {} records for limit {}: the method is not paged, so each walk delivers its whole"
                         + " answer once and ends", what, size, limit);
            }
            end = End.NOT_PAGED;
            stop = size;
        } else if (size == limit) {
            end = End.MORE;
            // the last few stay undelivered: they are the landmarks that find the next boundary
            stop = Math.max(boundary, Math.min(boundary + shape.size(), size - shape.ahead()));
        } else if (size > boundary && totalFor(w, c, freshTotal) != null
                   && w.start + size < totalFor(w, c, freshTotal)) {
            // short, yet the total says more: the server caps pages, or the list shrank since that total was answered.
            // A total answered with this very window tells; an older one is asked again with the next call (and a call
            // that brings nothing new ends the walk anyway). A cap seen so makes room between the landmarks.
            if (freshTotal) {
                cap = cap == 0 ? size : cap;
            } else {
                recount = cap == 0;
            }
            if (notices.capped.compareAndSet(false, true)) {
                LOG.info("{}: answered {} records for limit {} while the total is {}: pages are capped, the walk goes on"
                         + " with pages of that size", what, size, limit, totalFor(w, c, freshTotal));
            }
            end = End.MORE;
            int hold = Math.min(shape.ahead(), (size - boundary) / 2);
            stop = Math.max(boundary, Math.min(boundary + shape.size(), size - hold));
        } else {
            end = End.LIST_END;
            stop = size;
        }
        Set<Long> passed = new HashSet<>(c.walked());
        List<Map<String, Object>> fresh = new ArrayList<>(Math.max(0, stop - boundary));
        int[] rawIndex = new int[Math.max(0, stop - boundary)];
        for (int i = boundary; i < stop; i++) {
            Long id = w.ids.get(i);
            if (id != null && !passed.add(id)) {
                continue; // listed twice, or passed just before: never delivered twice
            }
            rawIndex[fresh.size()] = i;
            fresh.add(w.records.get(i));
        }
        // walked landmarks newer than the one found may only have been pushed past a full window: keep them once more
        List<Long> unplaced = at.unplaced() > 0 && !at.confirmed() && size >= limit
                ? c.walked().subList(c.walked().size() - at.unplaced(), c.walked().size()) : List.of();
        Cursor like = c.with(cap, at.found() ? at.shift(w.start, c.offset()) : 0, recount);
        Cursor next = w.cursorAt(stop, like, c.walked(), unplaced, shape.walked(), shape.ahead());
        PageWindow.Delivery delivery = w.delivery(Arrays.copyOf(rawIndex, fresh.size()), c.walked(), shape.walked(),
                shape.ahead());
        return new Result(fresh, next, end, w.start, c.total(), 0, delivery);
    }
}
