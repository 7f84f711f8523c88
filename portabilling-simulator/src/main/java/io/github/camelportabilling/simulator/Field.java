package io.github.camelportabilling.simulator;

import com.fasterxml.jackson.core.io.SerializedString;

/** A field name with its JSON encoding done once: list pages write tens of millions of names. */
final class Field {

    final String name;
    final SerializedString json;

    private Field(String name) {
        this.name = name;
        this.json = new SerializedString(name);
    }

    static Field of(String name) {
        return new Field(name);
    }
}
