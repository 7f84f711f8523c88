package io.github.camelportabilling.component;

/** {@link PortaBillingConsumerTest}'s cases with four pages fetched in parallel. */
class PortaBillingConsumerParallelTest extends PortaBillingConsumerTest {

    @Override
    protected String listOptions() {
        return "&parallelPages=4";
    }

    @org.junit.jupiter.api.Test
    void pagesAreReallyFetchedInParallelAtTheServer() throws Exception {
        assertPagesFetchedInParallel(listOptions(), 4);
    }
}
