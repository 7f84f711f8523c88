package io.github.camelportabilling.component.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's IDE metadata (META-INF/spring-configuration-metadata.json, from Spring Boot's configuration processor)
 * lists every component option of the component JSON under camel.component.portabilling, in Spring's kebab case, with
 * the JSON's description and default.
 */
class StarterMetadataTest {

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = StarterMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyComponentOptionHasAPropertyWithItsDescriptionAndDefault() throws Exception {
        JsonNode component = read("META-INF/io/github/camelportabilling/component/portabilling.json");
        JsonNode metadata = read("META-INF/spring-configuration-metadata.json");
        Map<String, JsonNode> properties = new java.util.HashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : component.get("componentProperties").properties()) {
            String name = "camel.component.portabilling." + kebab(option.getKey());
            JsonNode o = option.getValue();
            JsonNode p = properties.get(name);
            if (p == null) {
                wrong.add(name + " is missing");
                continue;
            }
            if (!p.path("description").asText().startsWith(o.get("description").asText())) {
                wrong.add(name + " has the description '" + p.path("description").asText() + "'");
            }
            if (o.has("defaultValue") && !"duration".equals(o.get("type").asText())
                && !o.get("defaultValue").asText().equals(p.path("defaultValue").asText())) {
                wrong.add(name + " has the default '" + p.path("defaultValue").asText() + "', the component "
                          + o.get("defaultValue").asText());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(properties).containsKeys("camel.component.portabilling.enabled",
                "camel.component.portabilling.customizer.enabled");
        // the number of component options seen, so a run shows what was compared
        assertThat(component.get("componentProperties").size()).isGreaterThan(20);
    }

    @Test
    void autoConfigurationIsRegisteredForSpringBoot() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes()).lines().toList()).containsExactly(
                    PortaBillingComponentConverter.class.getName(),
                    PortaBillingComponentAutoConfiguration.class.getName());
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
