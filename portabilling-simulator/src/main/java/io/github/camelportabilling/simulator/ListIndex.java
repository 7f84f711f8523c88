package io.github.camelportabilling.simulator;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The records of a store in list order (when that is not key order), kept sorted on every write so that a page is
 * an array slice: one binary search and an array copy per insert or delete, never a sort per call. The comparator
 * must end with the key, so every record has exactly one place. Not thread-safe: the store's lock guards it.
 */
final class ListIndex<R extends StoredRecord> {

    private final Comparator<R> order;
    private StoredRecord[] sorted;
    private int size;

    private ListIndex(Comparator<R> order, StoredRecord[] sorted, int size) {
        this.order = order;
        this.sorted = sorted;
        this.size = size;
    }

    /** Sorts the {@code size} first records once (seeding, a change of order). */
    static <R extends StoredRecord> ListIndex<R> of(Comparator<R> order, StoredRecord[] records, int size) {
        StoredRecord[] copy = Arrays.copyOf(records, Math.max(size, 16));
        sortRange(copy, size, order);
        return new ListIndex<>(order, copy, size);
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    R get(int position) {
        return (R) sorted[position];
    }

    void insert(R record) {
        int at = -(find(record) + 1);
        if (at < 0) {
            throw new IllegalStateException("record " + record.key() + " is already in the list index");
        }
        if (size == sorted.length) {
            sorted = Arrays.copyOf(sorted, size + (size >> 1) + 1);
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = record;
        size++;
    }

    void remove(R record) {
        int at = find(record);
        if (at < 0) {
            throw new IllegalStateException("record " + record.key() + " is not in the list index");
        }
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        sorted[--size] = null;
    }

    /** Replaces {@code old} by {@code updated} (same key); returns whether its place in the list changed. */
    boolean replace(R old, R updated) {
        if (order.compare(old, updated) == 0) {
            sorted[find(old)] = updated;
            return false;
        }
        remove(old);
        insert(updated);
        return true;
    }

    @SuppressWarnings("unchecked")
    private int find(R record) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = order.compare((R) sorted[mid], record);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    @SuppressWarnings("unchecked")
    private static <R extends StoredRecord> void sortRange(StoredRecord[] records, int size, Comparator<R> order) {
        Arrays.sort(records, 0, size, (a, b) -> order.compare((R) a, (R) b));
    }
}
