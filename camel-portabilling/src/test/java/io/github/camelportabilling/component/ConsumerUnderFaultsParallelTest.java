package io.github.camelportabilling.component;

/** {@link ConsumerUnderFaultsTest} with four pages fetched in parallel, any of which may fail. */
class ConsumerUnderFaultsParallelTest extends ConsumerUnderFaultsTest {

    @Override
    protected String listOptions() {
        return "&parallelPages=4";
    }

    @org.junit.jupiter.api.Test
    void pagesAreReallyFetchedInParallelAtTheServer() throws Exception {
        assertPagesFetchedInParallel(listOptions(), 4);
    }
}
