package io.github.camelportabilling.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Kamelet of the jar has the shape of the Apache Kamelet catalog's: camel.apache.org/v1 Kamelet with its type
 * label, a titled and described property for every placeholder of its template and no unused one, required
 * properties that exist, secrets marked as the catalog marks them, the component's version in its dependencies.
 */
class KameletDefinitionsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.-]+)}}");
    private static final Set<String> SECRETS = Set.of("password", "token");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String name) throws IOException {
        try (InputStream in = KameletDefinitionsTest.class.getClassLoader()
                .getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/" + name + ".kamelet.yaml in the jar").isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as(String.join("/", path)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    /** The connection properties are written three times (a Kamelet is one file): they must not drift apart. */
    @Test
    void theConnectionPropertiesAreTheSameInEveryKamelet() throws IOException {
        List<String> connection = List.of("host", "port", "realm", "useHttps", "login", "password", "token");
        Map<String, Map<String, Object>> source = at(load("portabilling-source"), "spec", "definition", "properties");
        for (String other : List.of("portabilling-sink", "portabilling-action")) {
            Map<String, Map<String, Object>> properties = at(load(other), "spec", "definition", "properties");
            for (String name : connection) {
                assertThat(properties.get(name)).as(other + " " + name).isEqualTo(source.get(name)).isNotNull();
            }
            List<String> required = at(load(other), "spec", "definition", "required");
            assertThat(required).as(other).contains("host", "login");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"portabilling-source", "portabilling-sink", "portabilling-action"})
    void hasTheCatalogShape(String name) throws IOException {
        Map<String, Object> kamelet = load(name);
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        assertThat((String) at(kamelet, "metadata", "name")).isEqualTo(name);
        String type = name.substring(name.lastIndexOf('-') + 1);
        assertThat((String) at(kamelet, "metadata", "labels", "camel.apache.org/kamelet.type")).isEqualTo(type);
        Map<String, Object> annotations = at(kamelet, "metadata", "annotations");
        assertThat(annotations).containsKeys("camel.apache.org/kamelet.support.level", "camel.apache.org/provider",
                "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.icon");
        assertThat((String) annotations.get("camel.apache.org/kamelet.icon")).startsWith("data:image/svg+xml;base64,");
        assertThat((String) annotations.get("camel.apache.org/catalog.version")).doesNotContain("@");

        Map<String, Map<String, Object>> properties = at(kamelet, "spec", "definition", "properties");
        List<String> required = at(kamelet, "spec", "definition", "required");
        assertThat(properties).containsKeys(required.toArray(String[]::new));
        for (Map.Entry<String, Map<String, Object>> p : properties.entrySet()) {
            assertThat(p.getValue()).as(p.getKey()).containsKeys("title", "description", "type");
            boolean secret = SECRETS.contains(p.getKey());
            assertThat("password".equals(p.getValue().get("format"))).as(p.getKey() + " format: password")
                    .isEqualTo(secret);
            if (secret) {
                assertThat((List<String>) p.getValue().get("x-descriptors")).as(p.getKey()).containsExactlyInAnyOrder(
                        "urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials");
                assertThat(required).doesNotContain(p.getKey()); // a password or a token
            }
        }

        // every placeholder of the template is a declared property, and every property is used
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(String.valueOf((Object) at(kamelet, "spec", "template")));
        while (m.find()) {
            used.add(m.group(1));
        }
        Map<String, Object> template = at(kamelet, "spec", "template");
        List<String> beans = new ArrayList<>();
        if (template.get("beans") != null) {
            for (Map<String, Object> bean : (List<Map<String, Object>>) template.get("beans")) {
                beans.add((String) bean.get("name"));
            }
        }
        used.removeAll(beans);
        assertThat(used).isEqualTo(new TreeSet<>(properties.keySet()));

        assertThat((List<String>) at(kamelet, "spec", "dependencies")).contains("camel:kamelet",
                "mvn:io.github.camelportabilling:camel-portabilling-kamelets:" + System.getProperty("project.version"));
        Map<String, Object> dataTypes = at(kamelet, "spec", "dataTypes");
        assertThat(dataTypes).isNotEmpty();
    }
}
