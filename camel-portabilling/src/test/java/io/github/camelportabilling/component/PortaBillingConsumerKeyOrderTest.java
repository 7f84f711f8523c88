package io.github.camelportabilling.component;

import io.github.camelportabilling.simulator.ListOrder;

/** {@link PortaBillingConsumerTest}'s cases with lists served in i_account order (the first simulator's only order). */
class PortaBillingConsumerKeyOrderTest extends PortaBillingConsumerTest {

    @Override
    protected ListOrder listOrder() {
        return ListOrder.KEY;
    }

    @org.junit.jupiter.api.Test
    void theServerReallyListsInKeyOrder() {
        java.util.List<Long> ids = customerIdsAsListed("KeyOrder " + System.nanoTime());
        org.assertj.core.api.Assertions.assertThat(ids).hasSize(12).isSorted();
    }
}
