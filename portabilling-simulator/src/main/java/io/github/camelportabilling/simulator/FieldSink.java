package io.github.camelportabilling.simulator;

import java.io.IOException;

/** Where a record writes its fields: a Map for the Java API, straight into JSON for HTTP answers. */
interface FieldSink {

    /** A field not known in advance (extras). */
    void field(String name, Object value) throws IOException;

    default void field(Field field, Object value) throws IOException {
        field(field.name, value);
    }

    default void number(Field field, long value) throws IOException {
        field(field.name, value);
    }

    /** NaN stands for an unset money field and is written as {@code null}. */
    default void money(Field field, double value) throws IOException {
        field(field.name, Double.isNaN(value) ? null : value);
    }
}
