package io.github.camelportabilling.component.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders the adoc's option and header tables from the generated component JSON, the way Camel's own component pages
 * show them: name and group, description (with the enum values), default, type. The tables are not written by hand:
 * {@code ComponentDocsTest} compares the adoc with this rendering, and rewrites the adoc with
 * {@code -Dportabilling.docs.update=true}.
 */
public final class AdocTables {

    public static final String OPTIONS_HEADER = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                                + "| Name | Description | Default | Type\n";
    public static final String HEADERS_HEADER = "[width=\"100%\",cols=\"2,5,1,1\",options=\"header\"]\n|===\n"
                                                + "| Name | Description | Type | Direction\n";
    public static final String END = "|===\n";

    private AdocTables() {
    }

    /** One row per option, in the JSON's order; the component's nested configuration object is not an option. */
    public static String options(JsonNode options) {
        StringBuilder table = new StringBuilder(OPTIONS_HEADER);
        for (Map.Entry<String, JsonNode> option : entries(options)) {
            if (option.getKey().equals("configuration")) {
                continue;
            }
            table.append(optionRow(option.getKey(), option.getValue())).append('\n');
        }
        return table.append(END).toString();
    }

    public static String optionRow(String name, JsonNode o) {
        StringBuilder description = new StringBuilder();
        if (o.path("required").asBoolean()) {
            description.append("*Required* ");
        }
        description.append(cell(o.path("description").asText()));
        if (o.has("enum")) {
            List<String> values = new ArrayList<>();
            o.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            description.append(" Enum values: ").append(String.join(", ", values)).append('.');
        }
        if (o.path("secret").asBoolean()) {
            description.append(" *Secret.*");
        }
        return "| *" + name + "* (" + o.path("group").asText() + ") | " + description + " | "
               + o.path("defaultValue").asText("") + " | " + typeName(o.path("javaType").asText());
    }

    public static String headers(JsonNode headers) {
        StringBuilder table = new StringBuilder(HEADERS_HEADER);
        for (Map.Entry<String, JsonNode> header : entries(headers)) {
            JsonNode h = header.getValue();
            table.append("| *").append(header.getKey()).append("* | ").append(cell(h.path("description").asText()))
                    .append(" | ").append(typeName(h.path("javaType").asText())).append(" | ")
                    .append(h.path("group").asText()).append('\n');
        }
        return table.append(END).toString();
    }

    /** A Java type as a reader knows it: {@code java.util.Map<java.lang.String, java.lang.Object>} is Map<String, Object>. */
    public static String typeName(String javaType) {
        return javaType.replaceAll("\\b[a-z][\\w]*\\.", "").replace('$', '.');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }
}
