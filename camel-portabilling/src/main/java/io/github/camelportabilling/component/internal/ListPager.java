package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a list page by page with limit/offset, without skipping records when the list changes while it is read.
 * <p>
 * Offsets alone skip records when earlier ones leave the list (the rest shift left past the cursor). Lists come back
 * in ascending {@code i_<rec>} order, so the pager also remembers the highest id delivered and starts each page one
 * record early: if that record is the last one delivered (or an earlier one), nothing shifted past the cursor and
 * ids at or below it are dropped as already delivered. If it is a later one, records left the list, and the pager
 * steps back until it finds the boundary again. What remains possible: a record whose id is below the highest
 * delivered and which enters the list while it is read (e.g. re-opened) is delivered at the next cycle, not this one.
 * <p>
 * Should a server ever answer a page not in ascending id order, the pager falls back to plain offset paging and says
 * so once in the log.
 * <p>
 * {@link #fetch} does not move anything: the caller keeps the cursor and advances it when it is done with the page,
 * which is how the consumer offers a failed page again.
 */
public final class ListPager {

    private static final Logger LOG = LoggerFactory.getLogger(ListPager.class);

    /** Fetches one page. */
    @FunctionalInterface
    public interface PageSource {
        Page fetch(int offset, int limit);
    }

    /** One page as the server answered it; {@code total} is null unless the server sent it. */
    public record Page(List<Map<String, Object>> records, Long total) {
    }

    /** Where the next page starts, and the highest id already delivered (null before the first record). */
    public record Cursor(int offset, Long lastId) {
        public static final Cursor START = new Cursor(0, null);
    }

    /**
     * @param records the records not delivered before, in list order
     * @param next    the cursor after this page
     * @param last    whether this page reached the end of the list
     * @param offset  the offset of the first fetch made for this page
     * @param total   the server's total, when it sent one
     * @param fetches how many calls this page took (more than one after the list shrank)
     */
    public record Result(List<Map<String, Object>> records, Cursor next, boolean last, int offset, Long total,
                         int fetches) {
    }

    private final PageSource source;
    private final String idKey;
    private final int pageSize;
    private volatile boolean ordered = true;

    public ListPager(PageSource source, String idKey, int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be > 0, got " + pageSize);
        }
        this.source = source;
        this.idKey = idKey;
        this.pageSize = pageSize;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The next page of new records after {@code cursor}; empty only at the end of the list. */
    public Result fetch(Cursor cursor) {
        Cursor at = cursor;
        int fetches = 0;
        int firstOffset = -1;
        Long total = null;
        while (true) {
            Step step = step(at);
            fetches += step.fetches;
            if (firstOffset < 0) {
                firstOffset = step.offset;
            }
            if (total == null) {
                total = step.total;
            }
            if (!step.records.isEmpty() || step.last) {
                return new Result(step.records, step.next, step.last, firstOffset, total, fetches);
            }
            // a page of records already delivered (after stepping back): keep going until there is something new
            at = step.next;
        }
    }

    private record Step(List<Map<String, Object>> records, Cursor next, boolean last, int offset, Long total,
                        int fetches) {
    }

    private Step step(Cursor cursor) {
        if (cursor.lastId() == null || cursor.offset() == 0 || !ordered) {
            Page page = source.fetch(cursor.offset(), pageSize);
            List<Map<String, Object>> raw = page.records();
            Scan scan = scan(raw, cursor.lastId());
            List<Map<String, Object>> fresh = ordered ? scan.fresh : raw;
            return new Step(fresh, new Cursor(cursor.offset() + raw.size(), ordered ? scan.maxId : cursor.lastId()),
                    raw.size() < pageSize, cursor.offset(), page.total(), 1);
        }
        int back = 1;
        int fetches = 0;
        while (true) {
            int start = Math.max(0, cursor.offset() - back);
            // the anchored fetch covers a whole page beyond the cursor; deeper probes only look for the boundary
            int limit = back == 1 ? pageSize + 1 : pageSize;
            Page page = source.fetch(start, limit);
            fetches++;
            List<Map<String, Object>> raw = page.records();
            Scan scan = scan(raw, cursor.lastId());
            if (!ordered) {
                int skip = Math.min(cursor.offset() - start, raw.size());
                return new Step(raw.subList(skip, raw.size()), new Cursor(start + raw.size(), cursor.lastId()),
                        raw.size() < limit, start, page.total(), fetches);
            }
            if (start == 0 || (scan.firstId != null && scan.firstId <= cursor.lastId())) {
                return new Step(scan.fresh, new Cursor(start + raw.size(), scan.maxId),
                        raw.size() < limit, start, page.total(), fetches);
            }
            LOG.debug("Records left the list before offset {}: stepping back {} to find the last delivered {}",
                    cursor.offset(), back * 4, idKey);
            back *= 4;
        }
    }

    /** What one pass over a page tells: its first id, the records above lastId, and the highest id seen. */
    private record Scan(Long firstId, List<Map<String, Object>> fresh, Long maxId) {
    }

    /**
     * Reads each record's id once: checks the ascending order (switching to offset paging for good when it does not
     * hold), keeps the records above {@code lastId} and tracks the highest id.
     */
    private Scan scan(List<Map<String, Object>> raw, Long lastId) {
        List<Map<String, Object>> fresh = lastId == null ? raw : new ArrayList<>(raw.size());
        Long firstId = null;
        Long previous = null;
        Long maxId = lastId;
        boolean inOrder = ordered;
        for (Map<String, Object> record : raw) {
            Long id = record == null ? null : RequestParams.idValue(record.get(idKey));
            if (inOrder && (id == null || (previous != null && id <= previous))) {
                inOrder = false;
                ordered = false;
                LOG.warn("The list is not in ascending {} order (or a record has no {}): paging by offset only from"
                         + " now on, so records may be skipped or repeated if the list changes while it is read",
                        idKey, idKey);
            }
            if (firstId == null) {
                firstId = id;
            }
            previous = id;
            if (id != null && (lastId == null || id > lastId)) {
                if (lastId != null) {
                    fresh.add(record);
                }
                maxId = id;
            }
        }
        return new Scan(firstId, fresh, maxId);
    }
}
