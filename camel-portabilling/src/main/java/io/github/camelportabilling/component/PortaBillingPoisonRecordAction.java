package io.github.camelportabilling.component;

/**
 * What the consumer does with a record whose exchange failed {@code maxPageAttempts} times in a row. Spelled as the
 * URI values.
 */
public enum PortaBillingPoisonRecordAction {
    /** Move past the record (its failures were handled by the route's error handler) and go on with the list. */
    skip,
    /** Stop the route; the position stays at the record, so a restarted route offers it again. */
    stop
}
