package io.github.camelportabilling.component;

/**
 * What the producer does with what the server's API description says about a call before it is sent (the
 * {@code validation} option): an unknown method, a missing required field, a value of the wrong type are errors; a
 * field the description does not list is a warning.
 */
public enum PortaBillingValidation {
    /** No checks reported; values are still converted to their fields' types. */
    off,
    /** Errors and warnings are logged (each distinct one once, at WARN) and the call is sent (the default). */
    warn,
    /** A call with an error is refused before anything is sent (PortaBillingValidationException); warnings are logged. */
    fail
}
