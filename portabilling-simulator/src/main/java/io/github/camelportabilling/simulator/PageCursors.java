package io.github.camelportabilling.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Remembers, per list filter, where in storage the n-th match starts, so paging a filtered listing of a million
 * records costs O(page) per call instead of O(offset): the next page (or a page fetched in parallel) starts
 * scanning from the nearest remembered position at or below its offset.
 * Entries are valid until the store reorders or rewrites records ({@link #clear()} under its write lock);
 * appending records never moves earlier matches, so adds keep them.
 */
final class PageCursors {

    private static final int MAX_FILTERS = 256;
    private static final int MAX_CURSORS_PER_FILTER = 200_000;

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Integer, Integer>> byFilter = new ConcurrentHashMap<>();

    /** Returns {matchesBefore, position} of the nearest cursor at or below {@code offset}, or {0, 0}. */
    int[] floor(String filterKey, int offset) {
        ConcurrentSkipListMap<Integer, Integer> cursors = byFilter.get(filterKey);
        if (cursors != null) {
            Map.Entry<Integer, Integer> e = cursors.floorEntry(offset);
            if (e != null) {
                return new int[] {e.getKey(), e.getValue()};
            }
        }
        return new int[] {0, 0};
    }

    /** Records that exactly {@code matchesBefore} matches lie before storage {@code position}. */
    void remember(String filterKey, int matchesBefore, int position) {
        if (matchesBefore == 0) {
            return;
        }
        if (byFilter.size() >= MAX_FILTERS && !byFilter.containsKey(filterKey)) {
            byFilter.clear(); // many distinct one-off filters: forget them rather than grow without bound
        }
        ConcurrentSkipListMap<Integer, Integer> cursors = byFilter.computeIfAbsent(filterKey, k -> new ConcurrentSkipListMap<>());
        if (cursors.size() >= MAX_CURSORS_PER_FILTER) {
            cursors.clear();
        }
        cursors.put(matchesBefore, position);
    }

    void clear() {
        byFilter.clear();
    }
}
