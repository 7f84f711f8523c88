package io.github.camelportabilling.component;

/** {@link ConsumerFuzzTest} with four pages fetched in parallel: the list changes before every one of those calls. */
class ConsumerFuzzParallelTest extends ConsumerFuzzTest {

    @Override
    protected String listOptions() {
        return "&parallelPages=4";
    }

    @org.junit.jupiter.api.Test
    void pagesAreReallyFetchedInParallelAtTheServer() throws Exception {
        assertPagesFetchedInParallel(listOptions(), 4);
    }
}
