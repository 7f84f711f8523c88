package io.github.camelportabilling.benchmarks;

/** One call of the operation under test, made by caller thread {@code caller} as its {@code n}-th call. */
@FunctionalInterface
interface ApiCall {

    void call(int caller, long n) throws Exception;
}
