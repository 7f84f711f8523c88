package io.github.camelportabilling.component;

import io.github.camelportabilling.simulator.ListOrder;

/** {@link ConsumerUnderFaultsTest} with the list in a stable order that has nothing to do with ids or names. */
class ConsumerUnderFaultsShuffledTest extends ConsumerUnderFaultsTest {

    @Override
    protected ListOrder listOrder() {
        return ListOrder.shuffled(42);
    }
}
