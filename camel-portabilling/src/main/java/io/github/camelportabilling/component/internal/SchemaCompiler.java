package io.github.camelportabilling.component.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compiles the schemas of an OpenAPI 3.0 document (a Jackson tree) into {@link FieldSchema}s:
 * <ul>
 * <li>{@code $ref} to {@code #/components/schemas/X} is one shared instance per X, created before it is filled, so
 * reference cycles become object cycles and are never followed endlessly; other local refs (request bodies,
 * responses) are followed, at most {@value #MAX_REF_HOPS} hops;</li>
 * <li>a one-element {@code allOf}/{@code oneOf}/{@code anyOf} is its element (the vendor's wrapper for a reference
 * with a description); a longer {@code allOf} is merged (union of properties and required fields, a part that
 * refers back to the schema being merged stops there); a longer {@code oneOf}/{@code anyOf} is free-form;</li>
 * <li>the schema named {@code ANY} (the documents' catch-all) and schemas without a type are free-form;</li>
 * <li>{@code format} is ignored: date-times are {@code "2000-01-01 08:00:00"} there, not RFC 3339.</li>
 * </ul>
 * Shells are filled from a work queue rather than by recursion, so a chain of a thousand references needs no deep
 * stack. Leaf schemas are shared between fields that are alike.
 */
final class SchemaCompiler {

    static final String SCHEMA_REF = "#/components/schemas/";
    private static final int MAX_REF_HOPS = 16;

    private final JsonNode root;
    private final JsonNode components;
    private final Map<String, FieldSchema> named = new HashMap<>();
    private final Deque<String> unfilled = new ArrayDeque<>();
    private final Set<String> filled = new HashSet<>();
    private final Set<String> filling = new HashSet<>();
    private final Map<String, FieldSchema> leaves = new HashMap<>();

    SchemaCompiler(JsonNode root) {
        this.root = root;
        this.components = root.path("components").path("schemas");
    }

    int componentCount() {
        return components.size();
    }

    /** Compiles a schema node; named schemas it refers to are filled by {@link #finish()}. */
    FieldSchema compile(JsonNode node) {
        return compile(node, 0);
    }

    /** Fills every named schema referred to so far (and those they refer to). */
    void finish() {
        while (!unfilled.isEmpty()) {
            fill(unfilled.poll());
        }
    }

    /** Follows a local {@code $ref} that is not a schema (a request body, a response); the node itself otherwise. */
    JsonNode deref(JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; at != null && at.has("$ref") && hops < MAX_REF_HOPS; hops++) {
            String ref = at.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return null;
            }
            at = root.at(ref.substring(1));
            if (at.isMissingNode()) {
                return null;
            }
        }
        return at;
    }

    private FieldSchema compile(JsonNode node, int hops) {
        if (node == null || !node.isObject()) {
            return FieldSchema.FREE;
        }
        JsonNode ref = node.get("$ref");
        if (ref != null) {
            String target = ref.asText();
            if (target.startsWith(SCHEMA_REF)) {
                return shell(target.substring(SCHEMA_REF.length()));
            }
            JsonNode followed = hops < MAX_REF_HOPS && target.startsWith("#/") ? root.at(target.substring(1)) : null;
            return followed == null || followed.isMissingNode() ? FieldSchema.FREE : compile(followed, hops + 1);
        }
        JsonNode allOf = node.get("allOf");
        boolean ownShape = node.has("properties") || node.has("required") || node.has("items");
        if (allOf != null && allOf.isArray() && allOf.size() == 1 && !ownShape) {
            return compile(allOf.get(0), hops);
        }
        for (String alternative : new String[] { "oneOf", "anyOf" }) {
            JsonNode alt = node.get(alternative);
            if (alt != null && alt.isArray()) {
                return alt.size() == 1 && !ownShape ? compile(alt.get(0), hops) : FieldSchema.FREE;
            }
        }
        FieldSchema schema = new FieldSchema(null);
        if (allOf != null && allOf.isArray()) {
            merge(schema, allOf);
        }
        own(schema, node, hops);
        return schema.type == FieldSchema.Type.OBJECT || schema.type == FieldSchema.Type.ARRAY ? schema : leaf(schema);
    }

    /** The shared instance of a named schema, queued to be filled. */
    private FieldSchema shell(String name) {
        FieldSchema s = named.get(name);
        if (s == null) {
            s = new FieldSchema(FieldSchema.Type.ANY);
            s.name = name;
            named.put(name, s);
            unfilled.add(name);
        }
        return s;
    }

    private void fill(String name) {
        if (filled.contains(name) || filling.contains(name)) {
            return;
        }
        FieldSchema shell = named.get(name);
        JsonNode node = components.get(name);
        if ("ANY".equals(name) || node == null) {
            filled.add(name);
            return; // free-form, or a reference to nothing: stays ANY
        }
        filling.add(name);
        try {
            FieldSchema compiled = compile(node, 0);
            if (compiled.name != null && compiled != shell) {
                // an alias of another named schema: that one first (an alias cycle stops at the guard)
                fill(compiled.name);
            }
            shell.copyFrom(compiled);
        } finally {
            filling.remove(name);
            filled.add(name);
        }
    }

    /** The union of the parts of an allOf; each named part is filled first. */
    private void merge(FieldSchema into, JsonNode parts) {
        Map<String, FieldSchema> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode part : parts) {
            FieldSchema p = compile(part, 0);
            if (p.name != null) {
                fill(p.name);
            }
            properties.putAll(p.properties);
            required.addAll(p.required);
            if (into.type == null && p.type != FieldSchema.Type.ANY) {
                into.type = p.type;
            }
            if (into.items == null) {
                into.items = p.items;
            }
            if (into.additional == null) {
                into.additional = p.additional;
            }
            if (into.enumValues == null && p.enumValues != null) {
                into.enumValues = p.enumValues;
                into.yesNo = p.yesNo;
            }
        }
        into.properties = properties;
        into.required = required;
    }

    /** The schema's own keywords, on top of what an allOf merged in. */
    private void own(FieldSchema s, JsonNode node, int hops) {
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
            Map<String, FieldSchema> properties = new LinkedHashMap<>(s.properties);
            props.fields().forEachRemaining(e -> properties.put(e.getKey(), compile(e.getValue(), hops)));
            s.properties = properties;
        }
        JsonNode req = node.get("required");
        if (req != null && req.isArray()) {
            Set<String> required = new LinkedHashSet<>(s.required);
            req.forEach(r -> required.add(r.asText()));
            s.required = required;
        }
        JsonNode items = node.get("items");
        if (items != null) {
            s.items = compile(items, hops);
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            s.additional = compile(additional, hops);
        }
        JsonNode values = node.get("enum");
        if (values != null && values.isArray() && !values.isEmpty()) {
            List<String> texts = new ArrayList<>(values.size());
            values.forEach(v -> texts.add(v.asText()));
            s.enumValues = List.copyOf(texts);
        }
        s.nullable = node.path("nullable").asBoolean(s.nullable);
        String type = node.path("type").asText("");
        s.type = switch (type) {
            case "object" -> FieldSchema.Type.OBJECT;
            case "array" -> FieldSchema.Type.ARRAY;
            case "string" -> FieldSchema.Type.STRING;
            case "integer" -> FieldSchema.Type.INTEGER;
            case "number" -> FieldSchema.Type.NUMBER;
            case "boolean" -> FieldSchema.Type.BOOLEAN;
            default -> s.type != null ? s.type : inferred(s, values);
        };
        s.yesNo = s.type == FieldSchema.Type.STRING && s.enumValues != null && s.enumValues.size() == 2
                  && s.enumValues.containsAll(List.of("N", "Y"));
        s.properties = Map.copyOf(s.properties);
        s.required = Set.copyOf(s.required);
    }

    private static FieldSchema.Type inferred(FieldSchema s, JsonNode values) {
        if (!s.properties.isEmpty() || s.additional != null) {
            return FieldSchema.Type.OBJECT;
        }
        if (s.items != null) {
            return FieldSchema.Type.ARRAY;
        }
        if (values != null && values.size() > 0) {
            JsonNode first = values.get(0);
            return first.isIntegralNumber() ? FieldSchema.Type.INTEGER
                    : first.isNumber() ? FieldSchema.Type.NUMBER : FieldSchema.Type.STRING;
        }
        return FieldSchema.Type.ANY;
    }

    /** Leaf schemas that are alike are one instance: thousands of fields share a few dozen. */
    private FieldSchema leaf(FieldSchema s) {
        if (s.type == FieldSchema.Type.ANY && s.enumValues == null) {
            return FieldSchema.FREE;
        }
        String key = s.type + "|" + s.enumValues + "|" + s.nullable;
        return leaves.computeIfAbsent(key, k -> s);
    }
}
