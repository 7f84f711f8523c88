package io.github.camelportabilling.simulator;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The order in which the simulator serves {@code get_*_list} answers. No order is documented for PortaBilling, and a
 * live server answered accounts by their {@code id} string, not by {@code i_account}: so {@link #NATURAL} (accounts
 * by {@code id}, customers by {@code name}, ties by key) is the default, {@link #KEY} is the old friendly assumption,
 * and {@link #shuffled(long)} is a stable order that has nothing to do with any field.
 */
public final class ListOrder {

    private enum Kind { KEY, NATURAL, SHUFFLED }

    /** Ascending {@code i_<rec>}: what the first simulator did, and what no real server promises. */
    public static final ListOrder KEY = new ListOrder(Kind.KEY, 0);
    /** Accounts by {@code id}, customers by {@code name} (case-insensitive), ties by {@code i_<rec>}. */
    public static final ListOrder NATURAL = new ListOrder(Kind.NATURAL, 0);

    private final Kind kind;
    private final long seed;

    private ListOrder(Kind kind, long seed) {
        this.kind = kind;
        this.seed = seed;
    }

    /** A stable arbitrary order: a record keeps its place while it lives, new records land anywhere. */
    public static ListOrder shuffled(long seed) {
        return new ListOrder(Kind.SHUFFLED, seed);
    }

    /** {@code key}, {@code natural} or {@code shuffled[:SEED]} (seed 1 when omitted), as {@link #toString()} writes it. */
    public static ListOrder parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
        if (t.equals("key")) {
            return KEY;
        }
        if (t.equals("natural")) {
            return NATURAL;
        }
        if (t.equals("shuffled")) {
            return shuffled(1);
        }
        if (t.startsWith("shuffled:")) {
            try {
                return shuffled(Long.parseLong(t.substring("shuffled:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("list order 'shuffled:SEED' needs a number as seed, got '" + text + "'");
            }
        }
        throw new IllegalArgumentException("list order must be key, natural or shuffled[:SEED], got '" + text + "'");
    }

    boolean isKeyOrder() {
        return kind == Kind.KEY;
    }

    /** The comparator for records whose natural sort field {@code natural} gives; null for key order. */
    <R extends StoredRecord> Comparator<R> comparator(Function<R, String> natural) {
        switch (kind) {
            case KEY:
                return null;
            case NATURAL:
                return Comparator.comparing((R r) -> natural.apply(r), Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
                        .thenComparingLong(StoredRecord::key);
            default:
                return Comparator.comparingLong((R r) -> mix(r.key() ^ seed)).thenComparingLong(StoredRecord::key);
        }
    }

    /** SplitMix64's finalizer: neighbouring keys land far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListOrder other && other.kind == kind && other.seed == seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, seed);
    }

    @Override
    public String toString() {
        return kind == Kind.SHUFFLED ? "shuffled:" + seed : kind.name().toLowerCase(Locale.ROOT);
    }
}
