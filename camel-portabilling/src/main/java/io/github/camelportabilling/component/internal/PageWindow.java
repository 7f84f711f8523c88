package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One window of a list as the server answered it, with each record's id read once, and the cursor a walk has after
 * passing its first records.
 */
final class PageWindow {

    final int start;
    final List<Map<String, Object>> records;
    final List<Long> ids;
    final Long total;

    PageWindow(int start, ListPager.Page page, String idKey) {
        this.start = start;
        this.records = page.records();
        this.total = page.total();
        List<Long> list = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            list.add(record == null ? null : RequestParams.idValue(record.get(idKey)));
        }
        this.ids = list;
    }

    int size() {
        return records.size();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    /**
     * The cursor with every record before index {@code end} passed: the last {@code walkedKept} ids before it (topped
     * up from {@code olderWalked}, then {@code unplaced} ones searched first), the first {@code aheadKept} ids from it.
     */
    ListPager.Cursor cursorAt(int end, ListPager.Cursor like, List<Long> olderWalked, List<Long> unplaced,
                              int walkedKept, int aheadKept) {
        List<Long> walked = new ArrayList<>(walkedKept + unplaced.size());
        for (int i = end - 1; i >= 0 && walked.size() < walkedKept; i--) {
            Long id = ids.get(i);
            if (id != null && !walked.contains(id)) {
                walked.add(0, id);
            }
        }
        for (int i = olderWalked.size() - 1; i >= 0 && walked.size() < walkedKept; i--) {
            if (!walked.contains(olderWalked.get(i)) && !unplaced.contains(olderWalked.get(i))) {
                walked.add(0, olderWalked.get(i));
            }
        }
        for (Long id : unplaced) {
            if (!walked.contains(id)) {
                walked.add(id);
            }
        }
        List<Long> ahead = new ArrayList<>(aheadKept);
        for (int i = end; i < ids.size() && ahead.size() < aheadKept; i++) {
            if (ids.get(i) != null && !walked.contains(ids.get(i))) {
                ahead.add(ids.get(i));
            }
        }
        return new ListPager.Cursor(start + end, walked, ahead, like.total(), like.cap(), like.calls(), like.misses(),
                like.drift(), like.recount());
    }

    Delivery delivery(int[] rawIndex, List<Long> olderWalked, int walkedKept, int aheadKept) {
        return new Delivery(rawIndex, olderWalked, walkedKept, aheadKept);
    }

    /** Which records of this window were delivered, to place a cursor after any of them. */
    final class Delivery {
        private final int[] rawIndex;
        private final List<Long> olderWalked;
        private final int walkedKept;
        private final int aheadKept;

        private Delivery(int[] rawIndex, List<Long> olderWalked, int walkedKept, int aheadKept) {
            this.rawIndex = rawIndex;
            this.olderWalked = olderWalked;
            this.walkedKept = walkedKept;
            this.aheadKept = aheadKept;
        }

        ListPager.Cursor cursorAt(int delivered, ListPager.Cursor like) {
            return PageWindow.this.cursorAt(rawIndex[delivered], like, olderWalked, List.of(), walkedKept, aheadKept);
        }
    }
}
