package io.github.camelportabilling.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable stored record. Typed fields live in subclass fields (compact, so a million fit in little heap);
 * anything else a client sent is kept in {@link #extras}, which is null for the usual record without extras.
 * Updates build a new instance, so a page can be serialized after the store's lock is released.
 * The JSON form is produced only when the record is served.
 */
abstract class StoredRecord implements JsonSerializable {

    /** Fields a real record carries that the simulator keeps no typed slot for: written with these values unless extras set them. */
    private final Map<Field, Object> defaults;
    final Map<String, Object> extras;

    StoredRecord(Map<Field, Object> defaults, Map<String, Object> extras) {
        this.defaults = defaults;
        this.extras = extras == null || extras.isEmpty() ? null : Collections.unmodifiableMap(extras);
    }

    abstract long key();

    abstract void writeTypedFields(FieldSink sink) throws IOException;

    final void writeFields(FieldSink sink) throws IOException {
        writeTypedFields(sink);
        for (Map.Entry<Field, Object> d : defaults.entrySet()) {
            if (extras == null || !extras.containsKey(d.getKey().name)) {
                sink.field(d.getKey(), d.getValue());
            }
        }
        if (extras != null) {
            for (Map.Entry<String, Object> e : extras.entrySet()) {
                sink.field(e.getKey(), e.getValue());
            }
        }
    }

    final Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        try {
            writeFields(new FieldSink() {
                @Override
                public void field(String name, Object value) {
                    map.put(name, value);
                }

                /** Integer where it fits, as a JSON parser hands ids to a client, so maps compare equal to parsed answers. */
                @Override
                public void number(Field field, long value) {
                    Object boxed = value == (int) value ? (Object) (int) value : (Object) value; // no ternary promotion to Long
                    map.put(field.name, boxed);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a map never throws
        }
        return map;
    }

    /** A stored field's value in this record: what a client set, else the shared default. */
    final Object stored(Field field) {
        if (extras != null && extras.containsKey(field.name)) {
            return extras.get(field.name);
        }
        return defaults.get(field);
    }

    /** Copies extras for a builder, so updates never mutate a published record. */
    final Map<String, Object> extrasCopy() {
        return extras == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extras);
    }

    @Override
    public final void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeStartObject();
        writeFields(new JsonSink(gen));
        gen.writeEndObject();
    }

    @Override
    public final void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    private static final class JsonSink implements FieldSink {
        private final JsonGenerator gen;

        JsonSink(JsonGenerator gen) {
            this.gen = gen;
        }

        @Override
        public void field(String name, Object value) throws IOException {
            gen.writeFieldName(name);
            Json.write(gen, value);
        }

        @Override
        public void field(Field field, Object value) throws IOException {
            gen.writeFieldName(field.json);
            Json.write(gen, value);
        }

        @Override
        public void number(Field field, long value) throws IOException {
            gen.writeFieldName(field.json);
            gen.writeNumber(value);
        }

        @Override
        public void money(Field field, double value) throws IOException {
            gen.writeFieldName(field.json);
            if (Double.isNaN(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
