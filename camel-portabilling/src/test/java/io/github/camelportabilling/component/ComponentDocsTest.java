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
import io.github.camelportabilling.component.docs.AdocTables;
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

    /**
     * The table between the section's markers must be what {@link AdocTables} renders from the JSON; with
     * {@code -Dportabilling.docs.update=true} the adoc is rewritten instead (then review the diff and commit it).
     */
    private static void assertTable(String name, String expected) throws Exception {
        String adoc = Files.readString(ADOC);
        String startMarker = "// " + name + ": START\n";
        int start = adoc.indexOf(startMarker);
        int end = adoc.indexOf("// " + name + ": END");
        assertThat(start).as(name + " markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String actual = adoc.substring(start + startMarker.length(), end);
        if (Boolean.getBoolean("portabilling.docs.update") && !actual.equals(expected)) {
            Files.writeString(ADOC, adoc.substring(0, start + startMarker.length()) + expected + adoc.substring(end));
            return;
        }
        assertThat(actual).as("the adoc's " + name + " table as rendered from the component JSON (run the test with"
                              + " -Dportabilling.docs.update=true to rewrite it)").isEqualTo(expected);
    }

    @Test
    void everyComponentOptionIsDocumentedAsInTheJson() throws Exception {
        assertTable("component options", AdocTables.options(json().get("componentProperties")));
    }

    @Test
    void everyEndpointOptionIsDocumentedAsInTheJson() throws Exception {
        assertTable("endpoint options", AdocTables.options(json().get("properties")));
    }

    @Test
    void everyEnumOptionListsItsValuesAndDefault() throws Exception {
        String section = section(Files.readString(ADOC), "endpoint options");
        assertThat(section).contains("| *mode* (consumer) | ", "Enum values: `full`, `incremental`. | full |");
        assertThat(section).contains("Enum values: `off`, `warn`, `fail`. | warn | PortaBillingValidation");
        assertThat(section).contains("Enum values: `create`, `get`, `list`, `update`, `delete`, `terminate`, `call`. |  |");
        assertThat(section).contains("| *stateRepository* (consumer) | ", " | StateRepository<String, String>\n");
    }

    @Test
    void everyHeaderIsDocumentedAndEveryConstantIsInTheJson() throws Exception {
        JsonNode headers = json().get("headers");
        assertTable("component headers", AdocTables.headers(headers));
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
