package io.github.camelportabilling.component.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One field's schema from an API description, compiled: its JSON type, and for objects the properties and required
 * fields, for arrays the items. References are resolved into shared instances, so a schema that refers to itself
 * (a reference cycle) is a cycle of objects here, never an endless copy. Descriptions and examples are dropped: only
 * what validation and coercion use is kept.
 */
public final class FieldSchema {

    /** The JSON type; {@link #ANY} for free-form values (the documents' {@code ANY} schema, unknown shapes). */
    public enum Type {
        OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, ANY
    }

    /** Anything goes: nothing is checked or coerced (the spec-less rule applies). */
    public static final FieldSchema FREE = new FieldSchema(Type.ANY);

    // filled once by SchemaCompiler (a shell is created first so that cycles can refer to it), then only read
    Type type;
    String name;
    Map<String, FieldSchema> properties = Map.of();
    Set<String> required = Set.of();
    FieldSchema items;
    FieldSchema additional;
    List<String> enumValues;
    boolean yesNo;
    boolean nullable;

    FieldSchema(Type type) {
        this.type = type;
    }

    public Type type() {
        return type;
    }

    /** The component name it came from (e.g. {@code AccountInfo}), or null for an inline schema. */
    public String name() {
        return name;
    }

    public Map<String, FieldSchema> properties() {
        return properties;
    }

    public Set<String> required() {
        return required;
    }

    public FieldSchema items() {
        return items;
    }

    /** The schema of properties not listed ({@code additionalProperties}), or null. */
    public FieldSchema additional() {
        return additional;
    }

    /** The allowed values as text, or null when any value of the type is allowed. */
    public List<String> enumValues() {
        return enumValues;
    }

    /** A {@code "Y"}/{@code "N"} flag: a string enum of exactly N and Y. */
    public boolean isYesNo() {
        return yesNo;
    }

    /** The schema of a property, the additionalProperties schema for others, or null when it is not described. */
    public FieldSchema property(String field) {
        FieldSchema p = properties.get(field);
        return p != null ? p : additional;
    }

    /** An object whose fields are listed, so that an unlisted one is worth a hint. */
    public boolean listsFields() {
        return type == Type.OBJECT && !properties.isEmpty() && additional == null;
    }

    /** What the field expects, for messages: {@code "Y" or "N"}, {@code one of "N", "C", "L"}, {@code integer}. */
    public String describe() {
        if (yesNo) {
            return "\"Y\" or \"N\"";
        }
        if (enumValues != null) {
            String values = enumValues.stream().map(v -> type == Type.STRING ? "\"" + v + "\"" : v)
                    .collect(Collectors.joining(", "));
            return "one of " + values + " (" + type.name().toLowerCase() + ")";
        }
        return switch (type) {
            case OBJECT -> name != null ? "an object (" + name + ")" : "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ANY -> "any value";
        };
    }

    void copyFrom(FieldSchema other) {
        type = other.type;
        properties = other.properties;
        required = other.required;
        items = other.items;
        additional = other.additional;
        enumValues = other.enumValues;
        yesNo = other.yesNo;
        nullable = other.nullable;
    }

    @Override
    public String toString() {
        return "FieldSchema[" + (name != null ? name + ", " : "") + describe() + "]";
    }
}
