package io.github.camelportabilling.simulator;

/** A mandatory field is absent; turned into a fault with the configured code by {@link ApiDispatcher}. */
final class MissingFieldException extends RuntimeException {

    private final String field;

    MissingFieldException(String field) {
        super("Mandatory field '" + field + "' is missing", null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
