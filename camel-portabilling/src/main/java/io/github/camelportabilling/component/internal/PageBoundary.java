package io.github.camelportabilling.component.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where a freshly fetched window of a list continues a walk, by the identity of records the walk already knows,
 * never by comparing ids: no order is documented for PortaBilling lists, and live servers do not answer in
 * {@code i_<rec>} order. Two kinds of landmarks are used:
 * <ul>
 * <li>the last ids walked (in list order): the walk continues right after the newest of them still in the window;</li>
 * <li>the first ids seen just after the last walked one, not walked yet: if none of the walked ones is left (a route
 * that closes each record it gets empties the list behind the cursor), the walk continues at the first of them still
 * in the window.</li>
 * </ul>
 * Records that left the list before the cursor show up as a landmark further left than expected, records that entered
 * as one further right; either way the walk neither skips a record that stayed in the list nor repeats one.
 */
public final class PageBoundary {

    private PageBoundary() {
    }

    /**
     * Where the walk continues in a window.
     *
     * @param index        the index in the window of the first record the walk has not passed yet; -1 when no
     *                     landmark is in the window
     * @param unplaced     when found by a walked landmark: how many walked ones newer than it are not in the window
     *                     (gone from the list, or pushed beyond the window by records that entered before them)
     * @param confirmed    whether a landmark seen ahead follows in the window, which proves those unplaced ones gone
     * @param aheadMissing when found by a landmark seen ahead: how many seen before it are not in the window (gone, or
     *                     left of the window start, in which case the walk would skip them)
     * @param byAhead      whether a landmark seen ahead (not a walked one) was found
     */
    public record Located(int index, int unplaced, boolean confirmed, int aheadMissing, boolean byAhead) {

        public boolean found() {
            return index >= 0;
        }

        /** How far the landmark moved since it was seen, for a window that started at {@code windowStart}. */
        public int shift(int windowStart, int cursorOffset) {
            return byAhead ? windowStart + index - cursorOffset - aheadMissing
                    : windowStart + index - cursorOffset + unplaced;
        }
    }

    /** The boundary of a walk's first window, or of one read without landmarks: its start. */
    public static final Located START_OF_WINDOW = new Located(0, 0, true, 0, false);

    /** {@link #find} when only the index matters. */
    public static int locate(List<Long> windowIds, List<Long> walked, List<Long> ahead) {
        return find(windowIds, walked, ahead).index();
    }

    /**
     * @param windowIds the ids of the window's records in list order (null for a record without one)
     * @param walked    the last ids walked, oldest first
     * @param ahead     the ids seen right after the last walked one and not walked yet, in list order
     */
    public static Located find(List<Long> windowIds, List<Long> walked, List<Long> ahead) {
        Map<Long, Integer> lastIndex = new HashMap<>(windowIds.size() * 2);
        for (int i = 0; i < windowIds.size(); i++) {
            Long id = windowIds.get(i);
            if (id != null) {
                // the last occurrence: a record the server lists twice is passed as a whole
                lastIndex.put(id, i);
            }
        }
        for (int i = walked.size() - 1; i >= 0; i--) {
            Integer at = lastIndex.get(walked.get(i));
            if (at != null) {
                int unplaced = walked.size() - 1 - i;
                boolean confirmed = unplaced == 0;
                for (Long id : ahead) {
                    Integer a = lastIndex.get(id);
                    confirmed |= a != null && a > at;
                }
                return new Located(at + 1, unplaced, confirmed, 0, false);
            }
        }
        for (int i = 0; i < ahead.size(); i++) {
            int at = windowIds.indexOf(ahead.get(i));
            if (at >= 0) {
                return new Located(at, 0, true, i, true);
            }
        }
        return new Located(-1, 0, false, 0, false);
    }
}
