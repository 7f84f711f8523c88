package io.github.camelportabilling.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Records of one type in ascending key order, in two parallel arrays (keys for binary search, immutable record
 * objects). Keys are handed out ascending and only appended, and deletes compact the arrays. Lists are served in
 * the {@link ListOrder} in effect: in key order storage position = list position, otherwise a {@link ListIndex}
 * kept sorted on every write gives the list position; either way an unfiltered page is a direct slice.
 * One read/write lock: many concurrent readers, writers alone.
 */
final class RecordStore<R extends StoredRecord> {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final PageCursors cursors = new PageCursors();
    /** filter key -> {version, count}: get_total on every page must not rescan a million records each time. */
    private final ConcurrentHashMap<String, long[]> totals = new ConcurrentHashMap<>();

    private long[] keys = new long[64];
    private StoredRecord[] records = new StoredRecord[64];
    private int size;
    private long nextKey;
    private long version;

    /** The field {@link ListOrder#NATURAL} sorts by (account id, customer name). */
    private final Function<R, String> naturalField;
    private ListOrder order = ListOrder.NATURAL;
    /** The list order when it is not key order; null in key order. */
    private ListIndex<R> index;
    /** While above 0 (seeding in bulk), the index is rebuilt once at the end instead of on every write. */
    private int deferIndex;
    private boolean indexStale;

    RecordStore(long firstKey, Function<R, String> naturalField) {
        this.nextKey = firstKey;
        this.naturalField = naturalField;
        setOrder(order);
    }

    /** Serves lists in this order from now on (sorts once). */
    void setOrder(ListOrder newOrder) {
        write(() -> {
            order = newOrder;
            java.util.Comparator<R> comparator = newOrder.comparator(naturalField);
            index = comparator == null ? null : ListIndex.of(comparator, records, size);
            indexStale = false;
            changed(true);
            return null;
        });
    }

    ListOrder order() {
        return read(() -> order);
    }

    /** Runs {@code body} under the write lock, keeping the list index up to date once at the end. */
    void batch(Runnable body) {
        write(() -> {
            deferIndex++;
            try {
                body.run();
            } finally {
                if (--deferIndex == 0 && indexStale) {
                    index = ListIndex.of(order.comparator(naturalField), records, size);
                    indexStale = false;
                }
            }
            return null;
        });
    }

    /** One page of a listing plus the filtered total when asked for. */
    static final class Page<R> {
        final List<R> records;
        final Integer total;

        Page(List<R> records, Integer total) {
            this.records = records;
            this.total = total;
        }
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        return read(() -> size);
    }

    R get(long key) {
        return read(() -> {
            int i = Arrays.binarySearch(keys, 0, size, key);
            return i >= 0 ? cast(records[i]) : null;
        });
    }

    /** Adds the record the factory builds for the next key; a factory that throws consumes no key. */
    R add(LongFunction<R> factory) {
        return write(() -> {
            R record = factory.apply(nextKey);
            append(record);
            return record;
        });
    }

    /** Adds {@code n} records under one lock acquisition (seeding); the factory gets the key and the index 0..n-1. */
    void addMany(int n, java.util.function.BiFunction<Long, Integer, R> factory) {
        batch(() -> {
            ensureCapacity(size + n);
            for (int i = 0; i < n; i++) {
                append(factory.apply(nextKey, i));
            }
        });
    }

    /** A copy of all keys in order. */
    long[] keys() {
        return read(() -> Arrays.copyOf(keys, size));
    }

    /** Makes room for {@code more} records up front, so seeding a million does not copy the arrays twenty times. */
    void reserve(int more) {
        write(() -> {
            ensureCapacity(size + more);
            return null;
        });
    }

    /** Replaces the record with the same key; returns false when there is none. */
    boolean replace(R record) {
        return write(() -> {
            int i = Arrays.binarySearch(keys, 0, size, record.key());
            if (i < 0) {
                return false;
            }
            R old = cast(records[i]);
            records[i] = record;
            if (index != null) {
                if (deferIndex > 0) {
                    indexStale = true;
                } else {
                    index.replace(old, record);
                }
            }
            changed(true);
            return true;
        });
    }

    R remove(long key) {
        return write(() -> {
            int i = Arrays.binarySearch(keys, 0, size, key);
            if (i < 0) {
                return null;
            }
            R old = cast(records[i]);
            System.arraycopy(keys, i + 1, keys, i, size - i - 1);
            System.arraycopy(records, i + 1, records, i, size - i - 1);
            records[--size] = null;
            if (index != null) {
                if (deferIndex > 0) {
                    indexStale = true;
                } else {
                    index.remove(old);
                }
            }
            changed(true);
            return old;
        });
    }

    Page<R> list(ListQuery<R> q) {
        return read(() -> q.filtered() ? filteredPage(q) : slice(q));
    }

    private Page<R> slice(ListQuery<R> q) {
        int from = Math.min(q.offset, size);
        int to = q.limit == 0 ? size : (int) Math.min(size, (long) from + q.limit);
        List<R> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(at(i));
        }
        return new Page<>(page, q.withTotal ? size : null);
    }

    private Page<R> filteredPage(ListQuery<R> q) {
        int[] start = cursors.floor(q.filterKey, q.offset);
        int matches = start[0];
        int p = start[1];
        while (p < size && matches < q.offset) {
            if (q.filter.test(at(p))) {
                matches++;
            }
            p++;
        }
        List<R> page;
        if (matches < q.offset) {
            page = Collections.emptyList();
        } else {
            cursors.remember(q.filterKey, matches, p);
            page = new ArrayList<>(q.limit == 0 ? 16 : Math.min(q.limit, 1024));
            while (p < size && (q.limit == 0 || page.size() < q.limit)) {
                R r = at(p++);
                if (q.filter.test(r)) {
                    page.add(r);
                }
            }
            cursors.remember(q.filterKey, matches + page.size(), p);
        }
        return new Page<>(page, q.withTotal ? count(q) : null);
    }

    private int count(ListQuery<R> q) {
        long[] cached = totals.get(q.filterKey);
        if (cached != null && cached[0] == version) {
            return (int) cached[1];
        }
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (q.filter.test(cast(records[i]))) {
                n++;
            }
        }
        if (totals.size() > 256) {
            totals.clear();
        }
        totals.put(q.filterKey, new long[] {version, n});
        return n;
    }

    private void append(R record) {
        if (record.key() != nextKey) {
            throw new IllegalStateException("record key " + record.key() + " is not the next key " + nextKey);
        }
        ensureCapacity(size + 1);
        keys[size] = record.key();
        records[size] = record;
        size++;
        nextKey++;
        if (index != null) {
            if (deferIndex > 0) {
                indexStale = true;
            } else {
                index.insert(record);
            }
        }
        // an append lands at the end of the list only in key order
        changed(index != null);
    }

    /** The record at list position {@code i} (0 <= i < size) in the order in effect. */
    private R at(int i) {
        return index == null ? cast(records[i]) : index.get(i);
    }

    private void ensureCapacity(int needed) {
        if (needed > keys.length) {
            int capacity = Math.max(needed, keys.length + (keys.length >> 1));
            keys = Arrays.copyOf(keys, capacity);
            records = Arrays.copyOf(records, capacity);
        }
    }

    /** Appends in key order keep page cursors valid (earlier matches do not move); rewrites and deletes do not. */
    private void changed(boolean movesMatches) {
        version++;
        if (movesMatches) {
            cursors.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R cast(StoredRecord r) {
        return (R) r;
    }
}
