package io.github.camelportabilling.component;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoc documents every option and header with the values of the generated component JSON, and the JSON has every
 * header constant and marks the secrets.
 */
class ComponentDocsTest {

    private static final String JSON = "/META-INF/io/github/camelportabilling/component/portabilling.json";
    private static final Path ADOC = Path.of("src/main/docs/portabilling-component.adoc");

    private static JsonNode json() throws Exception {
        try (InputStream in = ComponentDocsTest.class.getResourceAsStream(JSON)) {
            assertThat(in).as("generated component JSON on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static String section(String adoc, String name) {
        int start = adoc.indexOf("// " + name + ": START");
        int end = adoc.indexOf("// " + name + ": END");
        assertThat(start).as(name + " markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        return adoc.substring(start, end);
    }

    private static List<String> missingRows(JsonNode options, String section) {
        List<String> missing = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = options.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> option = it.next();
            if (option.getKey().equals("configuration")) {
                continue;
            }
            JsonNode o = option.getValue();
            String defaultValue = o.has("defaultValue") ? o.get("defaultValue").asText() : "";
            String prefix = "| *" + option.getKey() + "* (" + o.get("group").asText() + ") | ";
            String row = section.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
            boolean ok = row != null
                         && row.contains(o.get("description").asText().replace("|", "\\|"))
                         && row.contains(" | " + defaultValue + " | ")
                         && row.contains("*Secret.*") == o.path("secret").asBoolean();
            if (!ok) {
                missing.add(option.getKey() + " (expected a row starting with '" + prefix + "', with the JSON's"
                            + " description, default '" + defaultValue + "' and secret="
                            + o.path("secret").asBoolean() + ")");
            }
        }
        return missing;
    }

    @Test
    void everyComponentOptionIsDocumentedAsInTheJson() throws Exception {
        String adoc = Files.readString(ADOC);
        assertThat(missingRows(json().get("componentProperties"), section(adoc, "component options"))).isEmpty();
    }

    @Test
    void everyEndpointOptionIsDocumentedAsInTheJson() throws Exception {
        String adoc = Files.readString(ADOC);
        assertThat(missingRows(json().get("properties"), section(adoc, "endpoint options"))).isEmpty();
    }

    @Test
    void everyHeaderIsDocumentedAndEveryConstantIsInTheJson() throws Exception {
        JsonNode headers = json().get("headers");
        String section = section(Files.readString(ADOC), "component headers");
        List<String> constants = new ArrayList<>();
        for (Field f : PortaBillingConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        assertThat(constants).isNotEmpty();
        for (String header : constants) {
            assertThat(headers.has(header)).as(header + " in the JSON").isTrue();
            assertThat(headers.get(header).get("description").asText()).as(header + " description").isNotBlank();
            assertThat(section).as(header + " in the adoc").contains("| *" + header + "* | "
                                                                     + headers.get(header).get("description").asText()
                                                                             .replace("|", "\\|"));
        }
        assertThat(headers.size()).isEqualTo(constants.size());
    }

    /** What the docs plugin leaves of a {@code <...>} placeholder, which it strips as HTML: "i_ ", "get__info", " _info". */
    private static final java.util.regex.Pattern DAMAGED = java.util.regex.Pattern.compile(
            "\\b(i|add|get|update|delete|terminate)_(?=[\\s,.;:)/]|$)|__|(^|[\\s(])_(info|list)\\b");

    private static List<String> descriptions(JsonNode group) {
        List<String> texts = new ArrayList<>();
        group.fields().forEachRemaining(e -> texts.add(e.getKey() + ": " + e.getValue().path("description").asText()));
        return texts;
    }

    @Test
    void placeholdersSurviveInTheCatalogAndTheAdoc() throws Exception {
        JsonNode json = json();
        List<String> all = new ArrayList<>();
        all.addAll(descriptions(json.get("properties")));
        all.addAll(descriptions(json.get("componentProperties")));
        all.addAll(descriptions(json.get("headers")));
        assertThat(all).as("descriptions that lost a <...> placeholder").noneMatch(d -> DAMAGED.matcher(d).find());

        JsonNode props = json.get("properties");
        assertThat(props.get("idKey").get("description").asText()).contains("by default i_{recordType}");
        assertThat(props.get("operation").get("description").asText()).contains("create (add_{recordType})",
                "get (get_{recordType}_info)", "list (get_{recordType}_list)", "terminate (terminate_{recordType})");
        assertThat(props.get("responseKey").get("description").asText())
                .contains("{recordType}_info / {recordType}_list");
        assertThat(json.get("headers").get(PortaBillingConstants.ID).get("description").asText())
                .contains("i_{recordType} value");
        // the adoc shows the same text (the rows are compared with the JSON above) and says what it stands for
        String adoc = Files.readString(ADOC);
        assertThat(section(adoc, "endpoint options")).contains("by default i_{recordType}", "add_{recordType}");
        assertThat(adoc).contains("`{recordType}` in the option and header descriptions");
    }

    @Test
    void secretsAreMarkedAndNamedAsCamelMainMasksThem() throws Exception {
        JsonNode props = json().get("properties");
        assertThat(props.get("password").get("secret").asBoolean()).isTrue();
        assertThat(props.get("token").get("secret").asBoolean()).isTrue();
        assertThat(json().get("componentProperties").get("password").get("secret").asBoolean()).isTrue();
        assertThat(json().get("componentProperties").get("token").get("secret").asBoolean()).isTrue();
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> option = it.next();
            assertThat(option.getValue().get("description").asText()).as(option.getKey()).isNotBlank();
        }
    }
}
