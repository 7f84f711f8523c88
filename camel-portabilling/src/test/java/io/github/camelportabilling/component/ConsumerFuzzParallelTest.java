package io.github.camelportabilling.component;

/** {@link ConsumerFuzzTest} with four pages fetched in parallel: the list changes before every one of those calls. */
class ConsumerFuzzParallelTest extends ConsumerFuzzTest {

    @Override
    protected String listOptions() {
        return "&parallelPages=4";
    }
}
