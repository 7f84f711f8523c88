package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The record fields known to be {@code "Y"}/{@code "N"} flags, per record type, read from
 * {@code yes-no-fields.properties} beside this class (the one list; its sources are noted there).
 */
public final class YesNoFields {

    private static final String RESOURCE = "yes-no-fields.properties";
    private static final YesNoFields INSTANCE = new YesNoFields(load());

    private final Map<String, Set<String>> fields;

    YesNoFields(Map<String, Set<String>> fields) {
        this.fields = fields;
    }

    public static YesNoFields get() {
        return INSTANCE;
    }

    /** Whether {@code field} of a {@code recordType} record is a Y/N flag. */
    public boolean isYesNo(String recordType, String field) {
        Set<String> known = fields.get(recordType);
        return known != null && known.contains(field);
    }

    /** The Y/N fields of a record type (empty when none is known). */
    public Set<String> of(String recordType) {
        return fields.getOrDefault(recordType, Set.of());
    }

    /** The record types with known Y/N fields. */
    public Set<String> recordTypes() {
        return fields.keySet();
    }

    private static Map<String, Set<String>> load() {
        Properties properties = new Properties();
        try (InputStream in = YesNoFields.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + YesNoFields.class);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> byType = new TreeMap<>();
        for (String type : properties.stringPropertyNames()) {
            byType.put(type, Arrays.stream(properties.getProperty(type).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
        }
        return Map.copyOf(byType);
    }
}
