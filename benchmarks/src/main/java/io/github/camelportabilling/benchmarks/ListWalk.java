package io.github.camelportabilling.benchmarks;

import java.util.List;

/** The ways to read a whole list that the benchmark compares. */
enum ListWalk {
    STREAM_LIST("streamList iterator", null),
    /** The consumer with default options: one exchange per record, the next page fetched while one is processed. */
    CONSUMER("consumer route", ""),
    CONSUMER_SEQUENTIAL("consumer, no prefetch", "&prefetch=false"),
    PARALLEL_2("consumer, parallelPages=2", "&parallelPages=2"),
    PARALLEL_4("consumer, parallelPages=4", "&parallelPages=4"),
    PARALLEL_8("consumer, parallelPages=8", "&parallelPages=8"),
    PAGE_PER_EXCHANGE("consumer, page/exchange", "&pagePerExchange=true"),
    RAW_LOOP("raw paging loop", null);

    /** The walks of the zero-latency list section (issue 7's); the latency section and the heap JVM run them all. */
    static final List<ListWalk> BASIC = List.of(STREAM_LIST, CONSUMER, RAW_LOOP);

    final String label;
    /** For a consumer walk, the options added to its URI; null for the others. */
    final String consumerOptions;

    ListWalk(String label, String consumerOptions) {
        this.label = label;
        this.consumerOptions = consumerOptions;
    }

    /** The most calls of this walk in flight at once, by its options. */
    int parallelPages() {
        return switch (this) {
            case PARALLEL_2 -> 2;
            case PARALLEL_4 -> 4;
            case PARALLEL_8 -> 8;
            default -> 1;
        };
    }
}
