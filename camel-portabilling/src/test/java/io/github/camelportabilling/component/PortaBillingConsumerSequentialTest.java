package io.github.camelportabilling.component;

/** {@link PortaBillingConsumerTest}'s cases with no page fetched ahead ({@code prefetch=false}). */
class PortaBillingConsumerSequentialTest extends PortaBillingConsumerTest {

    @Override
    protected String listOptions() {
        return "&prefetch=false";
    }
}
