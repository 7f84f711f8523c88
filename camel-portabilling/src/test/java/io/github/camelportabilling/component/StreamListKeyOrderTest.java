package io.github.camelportabilling.component;

import io.github.camelportabilling.simulator.ListOrder;

/** {@link StreamListTest}'s cases with lists served in i_customer order. */
class StreamListKeyOrderTest extends StreamListTest {

    @Override
    protected ListOrder listOrder() {
        return ListOrder.KEY;
    }
}
