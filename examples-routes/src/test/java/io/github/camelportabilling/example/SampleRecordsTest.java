package io.github.camelportabilling.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SampleRecordsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everySampleIsJsonWithTheRunTagFilledIn() throws Exception {
        for (String name : SampleRecords.names()) {
            String text = SampleRecords.text(name, "42");
            assertThat(text).as(name).doesNotContain(SampleRecords.RUN_TAG_TOKEN).contains("42");
            assertThat(json.readValue(text, Map.class)).as(name).isNotEmpty();
        }
    }

    @Test
    void theSamplesHoldTheTwoRecordsTheApiRejects() throws Exception {
        assertThat(record("customers/no-currency.json")).doesNotContainKey("iso_4217");
        assertThat(record("accounts/blue-cafe-2-same-id.json").get("id"))
                .isEqualTo(record("accounts/blue-cafe-1.json").get("id"));
    }

    @Test
    void everyAccountNamesASampleCustomer() throws Exception {
        List<Object> customerNames = SampleRecords.names().stream().filter(n -> n.startsWith("customers/"))
                .map(this::record).map(c -> c.get("name")).toList();
        SampleRecords.names().stream().filter(n -> n.startsWith("accounts/")).map(this::record)
                .forEach(a -> assertThat(customerNames).contains(a.get("customer_name")));
    }

    @Test
    void theyAreDroppedIntoTheInboxFolders(@TempDir Path inbox) throws Exception {
        int dropped = SampleRecords.dropInto(inbox, "42");

        assertThat(dropped).isEqualTo(SampleRecords.names().size()).isEqualTo(7);
        assertThat(Files.readString(inbox.resolve("customers/acme-lab.json")))
                .isEqualTo(SampleRecords.text("customers/acme-lab.json", "42"));
        try (var leftovers = Files.walk(inbox)) {
            assertThat(leftovers.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> record(String name) {
        try {
            return new LinkedHashMap<>(json.readValue(SampleRecords.text(name, "42"), Map.class));
        } catch (Exception e) {
            throw new AssertionError(name, e);
        }
    }
}
