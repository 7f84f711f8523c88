package io.github.camelportabilling.component.internal;

import org.apache.camel.RuntimeCamelException;

/**
 * Thrown from the consumer's poll when a record's exchange failed, so that the poll counts as failed (backoff, the
 * consumer health check) although the failure itself was already handled once, by the route's error handler.
 * {@link RecordFailureHandler} keeps it from reaching an error handler a second time.
 */
public final class RecordFailure extends RuntimeCamelException {

    public RecordFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
