package io.github.camelportabilling.component;

/** {@link StreamListTest}'s cases with four pages fetched in parallel. */
class StreamListParallelTest extends StreamListTest {

    @Override
    protected String listOptions() {
        return "&parallelPages=4";
    }

    @Override
    protected int parallelPages() {
        return 4;
    }
}
