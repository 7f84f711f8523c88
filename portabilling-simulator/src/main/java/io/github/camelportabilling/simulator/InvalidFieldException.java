package io.github.camelportabilling.simulator;

/** A field has the wrong type or value; turned into an {@code invalid_parameter} fault by {@link ApiDispatcher}. */
final class InvalidFieldException extends RuntimeException {

    private final String field;

    InvalidFieldException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
