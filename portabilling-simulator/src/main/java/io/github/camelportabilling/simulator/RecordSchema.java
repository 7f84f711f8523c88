package io.github.camelportabilling.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one record type: each field's {@link FieldType}, and how it gets its value. Typed fields live in the
 * record's own slots; stored fields have one shared default (so a million records cost nothing for them) that a
 * client's value overrides; derived fields are computed when the record is written and ignored when a client sends
 * them; accepted fields are checked when sent but not written otherwise (known from public docs, absent from the
 * recorded answer).
 */
final class RecordSchema {

    private final Map<String, FieldType> types = new LinkedHashMap<>();
    private final Map<Field, Object> defaults = new LinkedHashMap<>();
    /** One read-only view for every record of the type: a view per record would cost 32 MB per million. */
    private final Map<Field, Object> sharedDefaults = Collections.unmodifiableMap(defaults);
    private final Map<String, Field> storedFields = new LinkedHashMap<>();
    private final Set<String> derived = new TreeSet<>();
    /** The letters a {@link FieldType#LETTER} field takes, where they are known. */
    private final Map<String, String> letters = new LinkedHashMap<>();

    /** A field with a slot of its own in the record class, checked by the record's builder. */
    RecordSchema typed(String name, FieldType type) {
        types.put(name, type);
        return this;
    }

    /** A field without a slot: written as {@code defaultValue} unless a client set it. */
    RecordSchema stored(String name, FieldType type, Object defaultValue) {
        types.put(name, type);
        Field field = Field.of(name);
        defaults.put(field, defaultValue);
        storedFields.put(name, field);
        return this;
    }

    /** A field computed from others when the record is written; a client's value for it is ignored. */
    RecordSchema derived(String name, FieldType type) {
        types.put(name, type);
        derived.add(name);
        return this;
    }

    /** A field that is checked when a client sends it and written only then. */
    RecordSchema accepted(String name, FieldType type) {
        types.put(name, type);
        return this;
    }

    /** The letters a {@link FieldType#LETTER} field takes (e.g. {@code "NCL"}); others are refused. */
    RecordSchema letters(String name, String allowed) {
        if (types.get(name) != FieldType.LETTER) {
            throw new IllegalArgumentException(name + " is not a LETTER field");
        }
        letters.put(name, allowed);
        return this;
    }

    /** The letters of a LETTER field, or null when any one letter is taken. */
    String lettersOf(String field) {
        return letters.get(field);
    }

    /** The defaults of the stored fields, shared by every record of the type. */
    Map<Field, Object> defaults() {
        return sharedDefaults;
    }

    /** The key of a stored field in {@link #defaults()}, for records that read another record's stored value. */
    Field storedField(String name) {
        Field field = storedFields.get(name);
        if (field == null) {
            throw new IllegalArgumentException(name + " is not a stored field");
        }
        return field;
    }

    boolean isDerived(String field) {
        return derived.contains(field);
    }

    /** Checks a client's value for a field without a slot; unknown fields are kept as sent. */
    Object check(String field, Object value) {
        FieldType type = types.get(field);
        String allowed = letters.get(field);
        if (allowed != null && value != null) {
            return String.valueOf(FieldValues.asStatus(field, value, allowed));
        }
        return type == null ? value : type.check(field, value);
    }

    /** Each of {@code fields} present (not null, not empty text) and of its type, in order; else the first problem. */
    void requirePresent(Map<String, Object> info, java.util.List<String> fields) {
        for (String field : fields) {
            Object v = info.get(field);
            if (v == null || "".equals(v)) {
                throw new MissingFieldException(field);
            }
            check(field, v);
        }
    }

    /** The type of a field, or null when the record type does not know it. */
    FieldType typeOf(String field) {
        return types.get(field);
    }

    /** Every field with its type, in the order they are declared. */
    Map<String, FieldType> types() {
        return Collections.unmodifiableMap(types);
    }

    /** The names of the fields of a type, e.g. every {@link FieldType#YES_NO} flag. */
    Set<String> fieldsOf(FieldType type) {
        Set<String> names = new TreeSet<>();
        types.forEach((name, t) -> {
            if (t == type) {
                names.add(name);
            }
        });
        return names;
    }
}
