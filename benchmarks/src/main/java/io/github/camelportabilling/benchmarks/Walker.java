package io.github.camelportabilling.benchmarks;

/**
 * One way of reading a whole list. Its objects stay reachable until {@link #close()}, so a heap measurement taken
 * between {@link #run()} and {@link #close()} sees whatever the walk holds on to.
 */
interface Walker extends AutoCloseable {

    /** Reads the whole list once; returns the number of records seen. */
    long run() throws Exception;

    @Override
    void close() throws Exception;

    /** The same cheap check in every walker: the record is a customer, not an empty or foreign map. */
    static void requireCustomer(Object record) {
        if (!(record instanceof java.util.Map<?, ?> map) || map.get("i_customer") == null) {
            throw new IllegalStateException("not a customer record: " + record);
        }
    }
}
