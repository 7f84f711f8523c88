package io.github.camelportabilling.component.internal;

import java.util.List;
import java.util.Map;

/**
 * Names JSON value types in error messages about answers of an unexpected shape.
 */
final class AnswerTypes {

    private AnswerTypes() {
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "JSON object";
        }
        if (value instanceof List) {
            return "JSON array";
        }
        if (value instanceof String) {
            return "JSON string";
        }
        if (value instanceof Number) {
            return "JSON number";
        }
        if (value instanceof Boolean) {
            return "JSON boolean";
        }
        return value.getClass().getSimpleName();
    }
}
