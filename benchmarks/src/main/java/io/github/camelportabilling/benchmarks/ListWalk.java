package io.github.camelportabilling.benchmarks;

/** The ways to read a whole list that the benchmark compares. */
enum ListWalk {
    STREAM_LIST("streamList iterator"),
    CONSUMER("consumer route"),
    RAW_LOOP("raw paging loop");

    final String label;

    ListWalk(String label) {
        this.label = label;
    }
}
