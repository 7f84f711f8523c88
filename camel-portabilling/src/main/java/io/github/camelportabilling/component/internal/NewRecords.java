package io.github.camelportabilling.component.internal;

import java.util.Iterator;
import java.util.TreeSet;

/**
 * Which records are new for the incremental consumer when the list is in no known order: new records (the highest
 * {@code i_<rec>}, as ids are handed out ascending) may show up anywhere in the list, so every cycle walks the whole
 * list and delivers the records above a watermark that were not delivered before.
 * <p>
 * The watermark must never pass a record that was not delivered. A record created during a cycle at a position the
 * walk had already passed is missed by that cycle, and its id may be below ids the same cycle saw later; so the
 * watermark rises only when a cycle completes, and only to ids that existed when that cycle started: the highest id
 * seen before it started, or in a window fetched at its start (its first page, and the list's last page, which holds
 * the newest records when the order follows the ids). Every record at or below such an id existed for the whole
 * cycle, so the completed cycle delivered it if it stayed in the list. Ids above the watermark that were delivered
 * are kept (as ranges, in memory and in the state) so that the next cycle does not deliver them again.
 * <p>
 * That set is bounded by {@value #MAX_DELIVERED} ids: beyond it the lowest are forgotten (never the watermark raised,
 * which could pass records the walk has not reached yet), so they may be delivered once more in the next cycle.
 */
public final class NewRecords {

    /** The most delivered ids above the watermark that are remembered. */
    public static final int MAX_DELIVERED = 10_000;
    private static final long NONE = Long.MIN_VALUE;

    private long watermark = NONE;
    private final TreeSet<Long> delivered = new TreeSet<>();
    private long seenMax = NONE;
    private long cycleBase = NONE;
    private long cycleFirstMax = NONE;
    private long lastTotal = NONE;
    private boolean overflowed;

    /** A fresh state with everything at or below {@code watermark} taken as delivered (null: nothing delivered). */
    public static NewRecords fromWatermark(Long watermark) {
        NewRecords n = new NewRecords();
        if (watermark != null) {
            n.watermark = watermark;
            n.seenMax = watermark;
        }
        return n;
    }

    /** A cycle starts: what was seen before it existed during all of it. */
    public void startCycle() {
        cycleBase = seenMax;
        cycleFirstMax = NONE;
        overflowed = false;
    }

    /** Ids of a window fetched when the cycle started (its first page, the list's last page). */
    public void observeFirstPage(long id) {
        cycleFirstMax = Math.max(cycleFirstMax, id);
        observe(id);
    }

    public void observe(long id) {
        seenMax = Math.max(seenMax, id);
    }

    public boolean isNew(Long id) {
        return id != null && id > watermark && !delivered.contains(id);
    }

    /**
     * Remembers a delivered id; returns true the first time in a cycle that the set overflows (its lowest id is
     * forgotten and may be delivered again in the next cycle).
     */
    public boolean delivered(long id) {
        if (id <= watermark) {
            return false;
        }
        delivered.add(id);
        if (delivered.size() <= MAX_DELIVERED) {
            return false;
        }
        delivered.pollFirst();
        boolean first = !overflowed;
        overflowed = true;
        return first;
    }

    /** The cycle walked the whole list: the watermark may rise to what existed when it started. */
    public void cycleCompleted(Long total) {
        raiseTo(Math.max(cycleBase, cycleFirstMax));
        lastTotal = total != null ? total : NONE;
    }

    /** The total the last completed cycle's first page answered, or null. */
    public Long lastTotal() {
        return lastTotal == NONE ? null : lastTotal;
    }

    private void raiseTo(long id) {
        if (id <= watermark) {
            return;
        }
        watermark = id;
        delivered.headSet(id, true).clear();
    }

    /** The watermark, or null before anything was delivered. */
    public Long watermark() {
        return watermark == NONE ? null : watermark;
    }

    public int deliveredAboveWatermark() {
        return delivered.size();
    }

    /** {@code wm:<n>;seen:<n>;base:<n>;first:<n>;tot:<n>;done:<a>-<b>,<c>}: ranges keep a burst of new ids short. */
    public String format() {
        StringBuilder s = new StringBuilder();
        s.append("wm:").append(text(watermark)).append(";seen:").append(text(seenMax)).append(";base:")
                .append(text(cycleBase)).append(";first:").append(text(cycleFirstMax)).append(";tot:").append(text(lastTotal))
                .append(";done:");
        Iterator<Long> it = delivered.iterator();
        boolean firstRange = true;
        long from = 0;
        long to = 0;
        boolean open = false;
        while (it.hasNext()) {
            long id = it.next();
            if (open && id == to + 1) {
                to = id;
                continue;
            }
            if (open) {
                firstRange = appendRange(s, from, to, firstRange);
            }
            from = id;
            to = id;
            open = true;
        }
        if (open) {
            appendRange(s, from, to, firstRange);
        }
        return s.toString();
    }

    private static boolean appendRange(StringBuilder s, long from, long to, boolean first) {
        if (!first) {
            s.append(',');
        }
        s.append(from);
        if (to != from) {
            s.append('-').append(to);
        }
        return false;
    }

    /** Reads {@link #format()}; unknown fields are ignored. */
    public static NewRecords parse(String text) {
        NewRecords n = new NewRecords();
        for (String field : text.split(";")) {
            int colon = field.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = field.substring(0, colon).strip();
            String value = field.substring(colon + 1).strip();
            switch (key) {
                case "wm" -> n.watermark = number(value);
                case "seen" -> n.seenMax = number(value);
                case "base" -> n.cycleBase = number(value);
                case "first" -> n.cycleFirstMax = number(value);
                case "tot" -> n.lastTotal = number(value);
                case "done" -> {
                    for (String range : value.split(",")) {
                        if (range.isBlank()) {
                            continue;
                        }
                        int dash = range.indexOf('-', 1);
                        long from = Long.parseLong(dash < 0 ? range.strip() : range.substring(0, dash).strip());
                        long to = dash < 0 ? from : Long.parseLong(range.substring(dash + 1).strip());
                        for (long id = from; id <= to && n.delivered.size() < MAX_DELIVERED; id++) {
                            n.delivered.add(id);
                        }
                    }
                }
                default -> {
                    // a field of a later version: ignored
                }
            }
        }
        return n;
    }

    private static String text(long value) {
        return value == NONE ? "" : Long.toString(value);
    }

    private static long number(String value) {
        return value.isEmpty() ? NONE : Long.parseLong(value);
    }
}
