package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A server's API description (its {@code /doc/api/<Realm>Interface.json}, an OpenAPI 3.0.x document), read with
 * Jackson's tree model and compiled by {@link SchemaCompiler} into one {@link MethodSchema} per {@code /<Service>/<method>}
 * path; the tree is dropped afterwards, so only the compact index stays in memory. Immutable once built.
 * <p>
 * Read from the document: each path's POST request body ({@code {"params": ...}}, or the body itself when it has no
 * params property) and its 200 answer. Ignored: {@code servers}, {@code security}, {@code operationId}, tags,
 * descriptions, examples, {@code format}.
 */
public final class ApiDescription {

    private static final ObjectMapper TREE = new ObjectMapper();

    private final String location;
    private final String openapi;
    private final String title;
    private final String release;
    private final int schemaCount;
    private final long bytes;
    private final Map<String, MethodSchema> methods;
    /** The same methods by service, then method, so that the lookup made for every call builds no key string. */
    private final Map<String, Map<String, MethodSchema>> byService = new HashMap<>();

    private ApiDescription(String location, String openapi, String title, String release, int schemaCount, long bytes,
                           Map<String, MethodSchema> methods) {
        this.location = location;
        this.openapi = openapi;
        this.title = title;
        this.release = release;
        this.schemaCount = schemaCount;
        this.bytes = bytes;
        this.methods = methods;
        methods.forEach((serviceMethod, schema) -> {
            int slash = serviceMethod.indexOf('/');
            byService.computeIfAbsent(serviceMethod.substring(0, slash), k -> new HashMap<>())
                    .put(serviceMethod.substring(slash + 1), schema);
        });
    }

    /** Why a document cannot be used; the message says what was found instead. */
    public static final class Unusable extends Exception {
        public Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param  location where the bytes came from, for messages and the dev console
     * @throws Unusable when the bytes are not JSON or not an OpenAPI 3.0.x document with paths
     */
    public static ApiDescription parse(byte[] document, String location) throws Unusable {
        JsonNode root;
        try {
            root = TREE.readTree(document);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
            throw new Unusable("not JSON (" + why + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new Unusable("not a JSON object", null);
        }
        String version = root.path("openapi").asText(null);
        if (version == null || !version.startsWith("3.0.")) {
            String found = version != null ? "openapi " + version
                    : root.has("swagger") ? "swagger " + root.get("swagger").asText() : "no openapi field";
            throw new Unusable("not an OpenAPI 3.0.x document (" + found + ")", null);
        }
        JsonNode paths = root.path("paths");
        if (!paths.isObject() || paths.isEmpty()) {
            throw new Unusable("an OpenAPI document without paths", null);
        }
        SchemaCompiler compiler = new SchemaCompiler(root);
        Map<String, MethodSchema> methods = new HashMap<>(paths.size() * 2);
        paths.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode post = e.getValue().path("post");
            if (key.startsWith("/") && key.indexOf('/', 1) > 1 && post.isObject()) {
                String serviceMethod = key.substring(1);
                methods.put(serviceMethod, new MethodSchema(serviceMethod, params(compiler, post), answer(compiler, post)));
            }
        });
        compiler.finish();
        JsonNode info = root.path("info");
        return new ApiDescription(location, version, info.path("title").asText(null), info.path("version").asText(null),
                compiler.componentCount(), document.length, Map.copyOf(methods));
    }

    private static FieldSchema params(SchemaCompiler compiler, JsonNode post) {
        JsonNode body = compiler.deref(post.path("requestBody"));
        FieldSchema schema = body == null ? FieldSchema.FREE : json(compiler, body);
        FieldSchema params = schema.properties().get("params");
        if (params != null) {
            return params;
        }
        // the named request schema may still be a shell here: look at its node
        return schema.name() != null ? unwrapLater(compiler, schema) : schema;
    }

    /** A body given as a named schema: its params property once it is filled; the body itself without one. */
    private static FieldSchema unwrapLater(SchemaCompiler compiler, FieldSchema body) {
        compiler.finish();
        FieldSchema params = body.properties().get("params");
        return params != null ? params : body;
    }

    private static FieldSchema answer(SchemaCompiler compiler, JsonNode post) {
        JsonNode ok = compiler.deref(post.path("responses").path("200"));
        return ok == null ? FieldSchema.FREE : json(compiler, ok);
    }

    private static FieldSchema json(SchemaCompiler compiler, JsonNode withContent) {
        JsonNode content = withContent.path("content");
        JsonNode media = content.path("application/json");
        if (media.isMissingNode() && content.size() == 1) {
            media = content.elements().next();
        }
        return media.has("schema") ? compiler.compile(media.get("schema")) : FieldSchema.FREE;
    }

    /** The method's schema, or null when the document does not describe it. */
    public MethodSchema method(String service, String method) {
        Map<String, MethodSchema> ofService = byService.get(service);
        return ofService == null ? null : ofService.get(method);
    }

    /** Up to three described methods closest to the one given, best first (case-insensitive). */
    public List<String> suggestionsFor(String service, String method) {
        return Suggestions.closest(service + "/" + method, methods.keySet(), 3, 3);
    }

    /** Every described method, sorted. */
    public Set<String> methodNames() {
        return new TreeSet<>(methods.keySet());
    }

    public int methodCount() {
        return methods.size();
    }

    public int schemaCount() {
        return schemaCount;
    }

    public long bytes() {
        return bytes;
    }

    public String location() {
        return location;
    }

    public String openapi() {
        return openapi;
    }

    public String title() {
        return title;
    }

    /** {@code info.version}: the release the document is for (null when absent). */
    public String release() {
        return release;
    }

    /** E.g. {@code AdminInterface.json (release 117.0, 1016 methods)}, for messages. */
    public String summary() {
        String file = location.substring(location.lastIndexOf('/') + 1);
        return file + " (" + (release != null ? "release " + release + ", " : "") + methods.size() + " methods)";
    }

    @Override
    public String toString() {
        return "ApiDescription[" + location + ", openapi " + openapi + ", " + methods.size() + " methods, " + schemaCount
               + " schemas]";
    }
}
