package io.github.camelportabilling.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the simulator's API description, {@code /doc/api/<Realm>Interface.json}, from {@link ApiMethods} and the
 * record schemas, in the shape the real per-realm documents have (shared/reference/portabilling-openapi.md): OpenAPI
 * 3.0.2, one POST per {@code /<Service>/<method>} path, a body {@code {"params": {$ref XxxRequest}}} with
 * {@code required} arrays, Y/N flags as {@code ["N","Y"]} string enums, request switches as integers with
 * {@code enum [0,1]} (one plain integer, {@code without_service_features}), lists as {@code ArrayOfXxxInfo},
 * record params and answers behind single-element {@code allOf} wrappers, add/update records as {@code allOf}
 * merges that add a {@code required} list, an {@code ANY} catch-all whose values are {@code ANY} again (a
 * reference cycle), 200 and 500 answers with the vendor's descriptions. Only methods with a handler are written.
 * <p>
 * {@code extraMethods} adds generated methods that are documented but not served, for tests and benchmarks of a
 * document of realistic size (each adds one path and two schemas; their info schemas form one reference cycle).
 */
final class ApiDescriptionDocument {

    static final String OPENAPI = "3.0.2";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String OK = "Successful response of the API method.";
    private static final String FAILED = "Failed response of the API method.";
    private static final String JSON = "application/json";

    private ApiDescriptionDocument() {
    }

    /** The file name a realm's document is served under: {@code AdminInterface.json}, {@code CustomerInterface.json}. */
    static String fileName(String realm) {
        String r = realm.toLowerCase(java.util.Locale.ROOT);
        if (r.startsWith("account")) {
            r = "account";
        }
        return Character.toUpperCase(r.charAt(0)) + r.substring(1) + "Interface.json";
    }

    static byte[] build(String realm, Set<String> served, int extraMethods) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> paths = new LinkedHashMap<>();
        Set<String> services = new TreeSet<>();
        schemas.put("ANY", obj("type", "object", "description", "Free-form value.",
                "additionalProperties", ref("ANY")));
        schemas.put("Fault", obj("type", "object", "required", List.of("faultcode", "faultstring"),
                "properties", obj("faultcode", obj("type", "string", "description", "The error code.",
                                "example", "Server.Session.auth_failed"),
                        "faultstring", obj("type", "string", "description", "Text description of the error.",
                                "example", "Authentication failed"))));
        for (ApiMethods.Method m : ApiMethods.all().values()) {
            if (served.contains(m.serviceMethod)) {
                services.add(m.service());
                paths.put("/" + m.serviceMethod, operation(m, schemas));
            }
        }
        for (int i = 0; i < extraMethods; i++) {
            String service = "Generated" + (i / 25);
            services.add(service);
            paths.put("/" + service + "/get_item" + i + "_info", generated(i, extraMethods, schemas, service));
        }
        List<Object> tags = new ArrayList<>();
        services.forEach(s -> tags.add(obj("name", tag(s))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", OPENAPI);
        doc.put("info", obj("title", "PortaBilling API - " + realm + " realm (portabilling-simulator)",
                "version", GenericService.VERSION,
                "description", "Synthetic document of the camel-portabilling simulator: the methods it serves, with"
                               + " the fields and types it checks. Shape follows the vendor-served"
                               + " /doc/api/<Realm>Interface.json files; content is the simulator's own."));
        doc.put("servers", List.of(obj("url", "https://{hostname}:{port}/rest",
                "variables", obj("hostname", obj("default", "localhost"), "port", obj("default", "443")))));
        doc.put("security", List.of(obj("bearerAuth", List.of())));
        doc.put("tags", tags);
        doc.put("paths", paths);
        doc.put("components", obj(
                "securitySchemes", obj("bearerAuth", obj("type", "http", "scheme", "bearer", "bearerFormat", "JWT")),
                "responses", obj("Fault", obj("description", FAILED, "content", json(ref("Fault")))),
                "schemas", schemas));
        return Json.bytes(doc);
    }

    private static Map<String, Object> operation(ApiMethods.Method m, Map<String, Object> schemas) {
        String request = m.requestName != null ? m.requestName : camel(m.method()) + "Request";
        schemas.putIfAbsent(request, requestSchema(m, schemas));
        Map<String, Object> answer;
        if (m.answerName != null) {
            schemas.putIfAbsent(m.answerName, answerSchema(m, schemas));
            answer = ref(m.answerName);
        } else {
            answer = answerSchema(m, schemas);
        }
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("tags", List.of(tag(m.service())));
        post.put("summary", m.summary);
        post.put("description", m.method().startsWith("get_") || m.service().equals("Session")
                ? "The method is supported as read-only when the system is in standalone mode."
                : "The method is not supported when the system is in standalone mode.");
        if (m.serviceMethod.equals("Session/login") || m.serviceMethod.equals("Session/refresh_access_token")) {
            post.put("security", List.of());
        }
        post.put("requestBody", obj("required", true, "content", json(obj("type", "object",
                "required", List.of("params"), "properties", obj("params", ref(request))))));
        post.put("responses", obj("200", obj("description", OK, "content", json(answer)),
                "500", obj("$ref", "#/components/responses/Fault")));
        return obj("post", post);
    }

    private static Map<String, Object> requestSchema(ApiMethods.Method m, Map<String, Object> schemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ApiMethods.Param p : m.params) {
            if (p.required()) {
                required.add(p.name());
            }
            if (p.record() != null) {
                String variant = camel(m.method().substring(0, m.method().indexOf('_'))) + p.record().schemaName();
                recordSchema(p.record(), schemas);
                schemas.putIfAbsent(variant, obj("allOf", List.of(ref(p.record().schemaName()),
                        obj("type", "object", "required", p.recordRequired()))));
                properties.put(p.name(), wrapped(variant, null));
            } else {
                properties.put(p.name(), scalar(p.type(), p.letters(), p.description()));
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> answerSchema(ApiMethods.Method m, Map<String, Object> schemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (ApiMethods.Answer a : m.answers) {
            if (a.record() == null) {
                properties.put(a.key(), scalar(a.type(), null, a.description()));
            } else if (a.list()) {
                recordSchema(a.record(), schemas);
                String array = "ArrayOf" + a.record().schemaName();
                schemas.putIfAbsent(array, obj("type", "array", "items", ref(a.record().schemaName())));
                properties.put(a.key(), ref(array));
            } else {
                recordSchema(a.record(), schemas);
                properties.put(a.key(), wrapped(a.record().schemaName(), a.description()));
            }
        }
        return obj("type", "object", "properties", properties);
    }

    /** {@code XxxInfo}: every field of the record type with its type; derived fields are read-only. */
    private static void recordSchema(ApiMethods.RecordType record, Map<String, Object> schemas) {
        if (schemas.containsKey(record.schemaName())) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        record.schema().types().forEach((field, type) -> {
            Map<String, Object> s = scalar(type, record.schema().lettersOf(field), null);
            if (record.schema().isDerived(field)) {
                s.put("readOnly", true);
            }
            properties.put(field, s);
        });
        schemas.put(record.schemaName(), obj("type", "object", "properties", properties));
    }

    private static Map<String, Object> scalar(FieldType type, String letters, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (type) {
            case TEXT -> s.putAll(obj("type", "string", "example", "text"));
            case YES_NO -> s.putAll(obj("type", "string", "enum", List.of("N", "Y"), "example", "N"));
            case LETTER -> {
                s.put("type", "string");
                if (letters != null) {
                    s.put("enum", List.of(letters.split("")));
                }
                s.put("example", letters != null ? letters.substring(0, 1) : "N");
            }
            case INTEGER -> s.putAll(obj("type", "integer", "example", 1));
            case SWITCH -> s.putAll(obj("type", "integer", "enum", List.of(0, 1), "example", 1));
            case NUMBER -> s.putAll(obj("type", "number", "example", 0.99));
            case DATE -> s.putAll(obj("type", "string", "format", "date", "example", "2000-01-01"));
            case DATE_TIME -> s.putAll(obj("type", "string", "format", "date-time", "example", "2000-01-01 08:00:00"));
            case ARRAY -> s.putAll(obj("type", "array", "items", ref("ANY")));
            default -> s.putAll(ref("ANY"));
        }
        if (description != null) {
            s.put("description", description);
        }
        return s;
    }

    /** One generated method: {@code GetItem<i>InfoRequest} and {@code Item<i>Info}, whose {@code next} is the next one's. */
    private static Map<String, Object> generated(int i, int n, Map<String, Object> schemas, String service) {
        String info = "Item" + i + "Info";
        String request = "GetItem" + i + "InfoRequest";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("i_item", obj("type", "integer", "description", "Unique ID of the item record.", "example", 1));
        for (int f = 0; f < 20; f++) {
            FieldType type = FieldType.values()[f % 7];
            Map<String, Object> s = scalar(type == FieldType.LETTER ? FieldType.TEXT : type, null,
                    "Generated field " + f + " of item " + i + ", a " + type.name().toLowerCase() + " value.");
            properties.put("field_" + f, s);
        }
        properties.put("next", obj("allOf", List.of(ref("Item" + ((i + 1) % n) + "Info")),
                "description", "The next item (a reference cycle)."));
        properties.put("tags", obj("type", "array", "items", obj("type", "string")));
        schemas.put(info, obj("type", "object", "properties", properties));
        schemas.put(request, obj("type", "object", "required", List.of("i_item"), "properties", obj(
                "i_item", obj("type", "integer", "example", 1),
                "detailed_info", scalar(FieldType.SWITCH, null, null),
                "with_tags", scalar(FieldType.YES_NO, null, null))));
        return obj("post", obj("tags", List.of(tag(service)), "summary", "Get item " + i + " (generated)",
                "requestBody", obj("required", true, "content", json(obj("type", "object",
                        "required", List.of("params"), "properties", obj("params", ref(request))))),
                "responses", obj("200", obj("description", OK,
                                "content", json(obj("type", "object", "properties", obj("item_info", wrapped(info, null))))),
                        "500", obj("$ref", "#/components/responses/Fault"))));
    }

    private static String tag(String service) {
        return service + " | " + service + " management";
    }

    /** {@code add_account} → {@code AddAccount}. */
    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** A reference wrapped in a one-element allOf, the vendor's idiom for a reference with a description. */
    private static Map<String, Object> wrapped(String schema, String description) {
        return description == null ? obj("allOf", List.of(ref(schema)))
                : obj("allOf", List.of(ref(schema)), "description", description);
    }

    private static Map<String, Object> ref(String schema) {
        return obj("$ref", SCHEMAS + schema);
    }

    private static Map<String, Object> json(Map<String, Object> schema) {
        return obj(JSON, obj("schema", schema));
    }

    /** An ordered map from key, value pairs. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
