package io.github.camelportabilling.component;

import io.github.camelportabilling.simulator.ListOrder;

/** {@link ConsumerUnderFaultsTest} with the list in a stable order that has nothing to do with ids or names. */
class ConsumerUnderFaultsShuffledTest extends ConsumerUnderFaultsTest {

    @Override
    protected ListOrder listOrder() {
        return ListOrder.shuffled(42);
    }

    @org.junit.jupiter.api.Test
    void theServerReallyListsInAnOrderOfNeitherIdsNorNames() {
        java.util.List<Long> ids = customerIdsAsListed("Shuffled " + System.nanoTime());
        java.util.List<Long> byId = new java.util.ArrayList<>(ids);
        java.util.Collections.sort(byId);
        org.assertj.core.api.Assertions.assertThat(ids).hasSize(12).isNotEqualTo(byId);
        // names were given in the opposite order of ids: by name would be ids descending
        java.util.List<Long> byName = new java.util.ArrayList<>(byId);
        java.util.Collections.reverse(byName);
        org.assertj.core.api.Assertions.assertThat(ids).isNotEqualTo(byName);
    }
}
