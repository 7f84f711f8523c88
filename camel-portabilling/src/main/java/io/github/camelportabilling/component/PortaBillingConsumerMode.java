package io.github.camelportabilling.component;

/**
 * How the polling consumer walks a list. Spelled as the URI values.
 */
public enum PortaBillingConsumerMode {
    /** Every cycle walks the whole filtered list from the start, then waits {@code delay}. */
    full,
    /** Only records whose {@code i_<rec>} is above the highest one already delivered. */
    incremental
}
