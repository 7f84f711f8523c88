package io.github.camelportabilling.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How long and how much: the full run (a few minutes on 2 cores) or the smoke run of {@code mvn verify} (seconds,
 * every mode once, numbers meaningless).
 *
 * @param rounds          producer rounds; every round runs every cell once, and the table shows medians over rounds
 * @param cellMillis      how long one mode runs in one round
 * @param warmupMillis    per cell, in one warm-up round before the measured ones (JIT, connection pools)
 * @param callers         the concurrency levels
 * @param seededAccounts  accounts the gets spread over
 * @param tokenMillis     how long the token-renewal run lasts
 * @param tokenLifetime   access token lifetime in the token-renewal run
 * @param tokenCallers    callers in the token-renewal run
 * @param smallList       records of the smaller list
 * @param largeList       records of the larger list
 * @param pageSizes       page sizes of the list walks
 * @param smallListRounds measured walks of the smaller list per mode and page size
 * @param largeListRounds measured walks of the larger list per mode and page size
 * @param forkHeap        -Xmx of the extra JVM that walks the larger list, null for no such run
 * @param parts           which parts run
 * @param focus           run only this producer cell ({@code mode:op:callers}) or list walk ({@code walk:pageSize})
 *                        over and over, for a profiler; or null
 * @param focusMillis     how long the focus cell runs
 * @param smoke           the verify-time smoke run
 */
record BenchmarkSettings(int rounds, long cellMillis, long warmupMillis, List<Integer> callers, int seededAccounts,
                         long tokenMillis, Duration tokenLifetime, int tokenCallers,
                         int smallList, int largeList, List<Integer> pageSizes, int smallListRounds,
                         int largeListRounds, String forkHeap, List<String> parts, String focus, long focusMillis,
                         boolean smoke) {

    static final List<String> ALL_PARTS = List.of("producer", "tokens", "lists", "latency", "schema");

    /** One producer cell, as {@code mode:op:callers}, e.g. {@code component:get:16}. */
    record Focus(Mode mode, ProducerOp op, int callers) {
        static Focus parse(String text) {
            String[] p = text.split(":");
            return new Focus(Mode.valueOf(p[0].toUpperCase(java.util.Locale.ROOT)),
                    ProducerOp.valueOf(p[1].toUpperCase(java.util.Locale.ROOT)), Integer.parseInt(p[2]));
        }
    }

    /** One list walk, as {@code walk:pageSize}, e.g. {@code consumer:500}. */
    record ListFocus(ListWalk walk, int pageSize) {
        static ListFocus parse(String text) {
            String[] p = text.split(":");
            return new ListFocus(ListWalk.valueOf(p[0].toUpperCase(java.util.Locale.ROOT)), Integer.parseInt(p[1]));
        }
    }

    /** The producer cell to focus on, or null when the focus is a list walk or there is none. */
    Focus producerFocus() {
        return focus != null && focus.split(":").length == 3 ? Focus.parse(focus) : null;
    }

    /** The list walk to focus on, or null when the focus is a producer cell or there is none. */
    ListFocus listFocus() {
        return focus != null && focus.split(":").length == 2 ? ListFocus.parse(focus) : null;
    }

    static BenchmarkSettings fullRun() {
        return new BenchmarkSettings(5, 2_000, 1_500, List.of(1, 16, 64), 10_000,
                20_000, Duration.ofSeconds(2), 64,
                100_000, 1_000_000, List.of(500, 1000), 5, 3, "256m", ALL_PARTS, null, 0, false);
    }

    static BenchmarkSettings smokeRun() {
        return new BenchmarkSettings(1, 80, 0, List.of(1, 16, 64), 1_000,
                1_200, Duration.ofSeconds(2), 64,
                1_000, 2_000, List.of(500, 1000), 1, 1, "256m", ALL_PARTS, null, 0, true);
    }

    /** {@code --smoke}, {@code --rounds N}, {@code --seconds S} (per cell), {@code --only producer,tokens,lists,latency,schema},
     * {@code --no-fork}, {@code --focus mode:op:callers|walk:pageSize [--seconds S]}. */
    static BenchmarkSettings parse(String... args) {
        BenchmarkSettings s = List.of(args).contains("--smoke") ? smokeRun() : fullRun();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> { }
                case "--rounds" -> s = s.withRounds(Integer.parseInt(args[++i]));
                case "--seconds" -> s = s.withSeconds(Double.parseDouble(args[++i]));
                case "--only" -> s = s.withParts(List.of(args[++i].split(",")));
                case "--no-fork" -> s = s.withForkHeap(null);
                case "--focus" -> s = s.withFocus(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + a + "; known: --smoke, --rounds N,"
                                                              + " --seconds S, --only producer,tokens,lists,latency,schema, --no-fork,"
                                                              + " --focus mode:op:callers | walk:pageSize");
            }
        }
        return s;
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    private BenchmarkSettings withRounds(int r) {
        return new BenchmarkSettings(r, cellMillis, warmupMillis, callers, seededAccounts, tokenMillis, tokenLifetime,
                tokenCallers, smallList, largeList, pageSizes, smallListRounds, largeListRounds, forkHeap, parts, focus,
                focusMillis, smoke);
    }

    /** Per producer cell; with --focus, how long the focus cell runs. */
    private BenchmarkSettings withSeconds(double seconds) {
        long ms = (long) (seconds * 1000);
        return new BenchmarkSettings(rounds, ms, warmupMillis, callers, seededAccounts, tokenMillis, tokenLifetime,
                tokenCallers, smallList, largeList, pageSizes, smallListRounds, largeListRounds, forkHeap, parts, focus,
                ms, smoke);
    }

    private BenchmarkSettings withParts(List<String> p) {
        for (String part : p) {
            if (!ALL_PARTS.contains(part)) {
                throw new IllegalArgumentException("--only takes " + ALL_PARTS + ", got " + part);
            }
        }
        return new BenchmarkSettings(rounds, cellMillis, warmupMillis, callers, seededAccounts, tokenMillis,
                tokenLifetime, tokenCallers, smallList, largeList, pageSizes, smallListRounds, largeListRounds, forkHeap,
                List.copyOf(p), focus, focusMillis, smoke);
    }

    private BenchmarkSettings withForkHeap(String heap) {
        return new BenchmarkSettings(rounds, cellMillis, warmupMillis, callers, seededAccounts, tokenMillis,
                tokenLifetime, tokenCallers, smallList, largeList, pageSizes, smallListRounds, largeListRounds, heap,
                parts, focus, focusMillis, smoke);
    }

    private BenchmarkSettings withFocus(String f) {
        // parsed here so a typo fails at once, not after the simulators are seeded
        if (f.split(":").length == 3) {
            Focus.parse(f);
        } else if (f.split(":").length == 2) {
            ListFocus.parse(f);
        } else {
            throw new IllegalArgumentException("--focus wants mode:op:callers (e.g. component:get:16) or walk:pageSize"
                                               + " (e.g. consumer:500), got " + f);
        }
        return new BenchmarkSettings(rounds, cellMillis, warmupMillis, callers, seededAccounts, tokenMillis,
                tokenLifetime, tokenCallers, smallList, largeList, pageSizes, smallListRounds, largeListRounds, forkHeap,
                parts, f, focusMillis > 0 ? focusMillis : 30_000, smoke);
    }
}
