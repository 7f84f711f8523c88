package io.github.camelportabilling.component;

import java.io.PrintStream;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelportabilling.component.internal.ApiDescription;
import io.github.camelportabilling.component.internal.ApiDescriptionLocation;
import io.github.camelportabilling.component.internal.ApiDescriptionSource;
import io.github.camelportabilling.component.internal.FieldSchema;
import io.github.camelportabilling.component.internal.HttpTransport;
import io.github.camelportabilling.component.internal.MethodSchema;
import io.github.camelportabilling.component.internal.TransportSettings;

/**
 * Prints what a method expects and answers according to a server's API description, without Camel or Maven:
 * <pre>
 * java -cp examples-routes/target/portabilling-example.jar io.github.camelportabilling.component.PortaBillingDescribe \
 *     Account/add_account --api-description=https://host/doc/api/AdminInterface.json
 * </pre>
 * Arguments: a {@code Service/method}, a {@code Service/} prefix (lists its methods) or nothing (lists all);
 * {@code --api-description=LOCATION} (http:, https:, file:, classpath:) or {@code --server=https://host[:port]}
 * with {@code --realm=admin|reseller|customer|account} (the realm's document on that server). The document is read as
 * the component reads it (same size cap, no credentials). Exit code 0, or 1 for an unknown method or no document, 2
 * for bad arguments.
 */
public final class PortaBillingDescribe {

    private static final int MAX_DEPTH = 4;
    private static final long TIMEOUT_MILLIS = 60_000;

    private PortaBillingDescribe() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        String wanted = null;
        String location = null;
        String server = null;
        String realm = "admin";
        for (String a : args) {
            if (a.startsWith("--api-description=")) {
                location = a.substring("--api-description=".length());
            } else if (a.startsWith("--server=")) {
                server = a.substring("--server=".length());
            } else if (a.startsWith("--realm=")) {
                realm = a.substring("--realm=".length());
            } else if (!a.startsWith("--") && wanted == null) {
                wanted = a;
            } else {
                return usage(out, "unknown argument '" + a + "'");
            }
        }
        if (location == null && server == null) {
            return usage(out, "give --api-description=LOCATION or --server=URL");
        }
        ApiDescriptionLocation where;
        try {
            where = location != null ? ApiDescriptionLocation.parse(location) : ApiDescriptionLocation.parse("auto");
        } catch (IllegalArgumentException e) {
            return usage(out, e.getMessage());
        }
        String base = server != null ? stripSlash(server) : where.kind() == ApiDescriptionLocation.Kind.HTTP
                ? origin(where.location()) : "http://localhost";
        try (HttpTransport transport = new HttpTransport(new TransportSettings(base, base.startsWith("https"), null,
                10_000, TIMEOUT_MILLIS, 2, null, 0, null, null, null))) {
            ApiDescriptionSource source = new ApiDescriptionSource(where, base, realm, () -> transport,
                    () -> PortaBillingDescribe.class.getClassLoader(), TIMEOUT_MILLIS);
            ApiDescription d = source.get();
            if (d == null) {
                out.println("No API description at " + where.describe(base, realm) + ": " + source.status().get("reason"));
                return 1;
            }
            out.println(d.location() + ": OpenAPI " + d.openapi() + (d.release() != null ? ", release " + d.release() : "")
                        + ", " + d.methodCount() + " methods, " + d.schemaCount() + " schemas");
            if (wanted == null || wanted.endsWith("/")) {
                String prefix = wanted == null ? "" : wanted;
                d.methodNames().stream().filter(m -> m.startsWith(prefix)).forEach(m -> out.println("  " + m));
                return 0;
            }
            int slash = wanted.indexOf('/');
            MethodSchema method = slash > 0 ? d.method(wanted.substring(0, slash), wanted.substring(slash + 1)) : null;
            if (method == null) {
                List<String> close = slash > 0 ? d.suggestionsFor(wanted.substring(0, slash), wanted.substring(slash + 1))
                        : List.of();
                out.println(wanted + " is not in the API description"
                            + (close.isEmpty() ? "" : ": did you mean " + String.join(" or ", close) + "?"));
                return 1;
            }
            describe(method, out);
            return 0;
        }
    }

    private static void describe(MethodSchema method, PrintStream out) {
        out.println();
        out.println(method.serviceMethod());
        out.println("params:");
        fields(method.params(), 1, new HashSet<>(), out);
        Boolean paged = method.paged();
        out.println("pages with limit/offset: " + (paged == null ? "not said" : paged ? "yes" : "no"));
        out.println("answer:");
        fields(method.answer(), 1, new HashSet<>(), out);
    }

    private static void fields(FieldSchema schema, int depth, Set<FieldSchema> seen, PrintStream out) {
        if (schema.properties().isEmpty()) {
            out.println("  ".repeat(depth) + (schema.type() == FieldSchema.Type.ANY ? "(free-form)" : "(no fields listed)"));
            return;
        }
        seen.add(schema);
        for (Map.Entry<String, FieldSchema> e : schema.properties().entrySet()) {
            FieldSchema field = e.getValue();
            FieldSchema inner = field.type() == FieldSchema.Type.ARRAY && field.items() != null ? field.items() : field;
            String type = field.type() == FieldSchema.Type.ARRAY
                    ? "array of " + (field.items() != null ? field.items().describe() : "any value") : field.describe();
            String required = schema.required().contains(e.getKey()) ? "  required" : "";
            out.println(String.format("%-44s %s%s", "  ".repeat(depth) + e.getKey(), type, required));
            if (inner.type() == FieldSchema.Type.OBJECT && !inner.properties().isEmpty()) {
                if (seen.contains(inner) || depth >= MAX_DEPTH) {
                    out.println("  ".repeat(depth + 1) + "(" + (inner.name() != null ? inner.name() : "object")
                                + ", shown above or deeper than " + MAX_DEPTH + " levels)");
                } else {
                    fields(inner, depth + 1, seen, out);
                }
            }
        }
        seen.remove(schema);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("Usage: PortaBillingDescribe [Service/method | Service/] (--api-description=LOCATION"
                    + " | --server=https://host[:port] [--realm=admin|reseller|customer|account])");
        out.println("  LOCATION: https://host/doc/api/AdminInterface.json, file:/path/AdminInterface.json, classpath:...");
        return 2;
    }
}
