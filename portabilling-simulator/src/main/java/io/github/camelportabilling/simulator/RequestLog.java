package io.github.camelportabilling.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A bounded ring of the latest requests (oldest dropped first); capacity 0 records nothing. */
final class RequestLog {

    private final int capacity;
    private final ArrayDeque<RecordedRequest> ring;

    RequestLog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, got " + capacity);
        }
        this.capacity = capacity;
        this.ring = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    boolean enabled() {
        return capacity > 0;
    }

    synchronized void add(RecordedRequest r) {
        if (capacity == 0) {
            return;
        }
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(r);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(new ArrayList<>(ring));
    }

    synchronized RecordedRequest last(String serviceMethod) {
        for (Iterator<RecordedRequest> it = ring.descendingIterator(); it.hasNext(); ) {
            RecordedRequest r = it.next();
            if (serviceMethod.equals(r.serviceMethod())) {
                return r;
            }
        }
        return null;
    }

    synchronized void clear() {
        ring.clear();
    }
}
