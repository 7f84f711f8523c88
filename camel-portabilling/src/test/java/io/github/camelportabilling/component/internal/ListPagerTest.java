package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paging algorithm alone, over a list that changes between page fetches. The same pager is exercised against the
 * simulator over HTTP by the producer and consumer tests.
 */
class ListPagerTest {

    /** A list in ascending id order, like the API's; {@code beforeFetch} mutates it between calls. */
    static final class ChangingList implements ListPager.PageSource {
        final List<Long> ids = new ArrayList<>();
        IntConsumer beforeFetch = n -> {
        };
        int fetches;

        ChangingList(int count) {
            for (long i = 1; i <= count; i++) {
                ids.add(i);
            }
        }

        @Override
        public ListPager.Page fetch(int offset, int limit) {
            beforeFetch.accept(++fetches);
            List<Map<String, Object>> page = new ArrayList<>();
            for (int i = offset; i < Math.min(ids.size(), offset + limit); i++) {
                page.add(Map.of("i_customer", ids.get(i)));
            }
            return new ListPager.Page(page, (long) ids.size());
        }
    }

    private static List<Long> walk(ListPager pager) {
        List<Long> seen = new ArrayList<>();
        ListPager.Cursor cursor = ListPager.Cursor.START;
        while (true) {
            ListPager.Result r = pager.fetch(cursor);
            r.records().forEach(rec -> seen.add(((Number) rec.get("i_customer")).longValue()));
            cursor = r.next();
            if (r.last()) {
                return seen;
            }
        }
    }

    @Test
    void aStableListIsWalkedOnceInOrder() {
        ChangingList list = new ChangingList(1000);
        List<Long> seen = walk(new ListPager(list, "i_customer", 100));
        assertThat(seen).hasSize(1000).doesNotHaveDuplicates().isSorted();
        // 10 full pages, then one that comes back short
        assertThat(list.fetches).isEqualTo(11);
    }

    @Test
    void recordsRemovedBeforeTheCursorDoNotCauseSkips() {
        ChangingList list = new ChangingList(1000);
        Set<Long> removed = new HashSet<>();
        // after each page, remove 30 records that were already delivered (like customers being closed)
        list.beforeFetch = n -> {
            for (int k = 0; k < 30 && n > 1 && list.ids.size() > 0; k++) {
                Long gone = list.ids.remove(0);
                removed.add(gone);
            }
        };
        List<Long> seen = walk(new ListPager(list, "i_customer", 100));
        assertThat(seen).doesNotHaveDuplicates().isSorted();
        // every record that was never removed is delivered
        for (long id = 1; id <= 1000; id++) {
            if (!removed.contains(id)) {
                assertThat(seen).contains(id);
            }
        }
    }

    @Test
    void manyRecordsRemovedAtOnceStillDoNotCauseSkips() {
        ChangingList list = new ChangingList(5000);
        list.beforeFetch = n -> {
            if (n == 5) {
                // 350 records delivered so far; 300 of them leave the list at once
                list.ids.subList(0, 300).clear();
            }
        };
        List<Long> seen = walk(new ListPager(list, "i_customer", 100));
        assertThat(seen).hasSize(5000).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void recordsAddedAtTheEndAreDeliveredAndNothingIsRepeated() {
        ChangingList list = new ChangingList(500);
        list.beforeFetch = n -> {
            long next = list.ids.get(list.ids.size() - 1) + 1;
            list.ids.add(next);
        };
        List<Long> seen = walk(new ListPager(list, "i_customer", 100));
        assertThat(seen).doesNotHaveDuplicates().isSorted().hasSizeGreaterThan(500);
        assertThat(seen).containsAll(List.of(1L, 250L, 500L));
    }

    @Test
    void anUnorderedListFallsBackToOffsetPaging() {
        ListPager.PageSource reversed = (offset, limit) -> {
            List<Map<String, Object>> page = new ArrayList<>();
            for (int i = offset; i < Math.min(250, offset + limit); i++) {
                page.add(Map.of("i_customer", 250 - i));
            }
            return new ListPager.Page(page, null);
        };
        List<Long> seen = walk(new ListPager(reversed, "i_customer", 100));
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void theCursorDoesNotMoveUntilTheCallerAdvancesIt() {
        ChangingList list = new ChangingList(300);
        ListPager pager = new ListPager(list, "i_customer", 100);
        ListPager.Result first = pager.fetch(ListPager.Cursor.START);
        ListPager.Result again = pager.fetch(ListPager.Cursor.START);
        assertThat(again.records()).isEqualTo(first.records());
        assertThat(first.next()).isEqualTo(new ListPager.Cursor(100, 100L));
        ListPager.Result second = pager.fetch(first.next());
        assertThat(second.records().get(0)).containsEntry("i_customer", 101L);
        assertThat(second.offset()).isEqualTo(99);
    }
}
