package io.github.camelportabilling.kamelets;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code filter} property of the portabilling-source Kamelet as the map of list filters its consumer sends
 * (the endpoint's {@code filter} option). A Kamelet property is one string, so the filters are written
 * {@code bill_status=O;name=Acme%}: pairs split at {@code ;} and at their first {@code =}, not URL-decoded, so the
 * {@code %} of a LIKE pattern stays literal; or as a JSON object, for a value that holds a {@code ;}. Blank means no
 * filter.
 * <p>
 * Not {@code &}: Camel passes Kamelet properties to the Kamelet as endpoint options, so an {@code &} ends the option
 * and the filters after it would be dropped without a word (unless the value is wrapped in {@code RAW(...)}).
 * An {@code &} that does arrive (through RAW) separates pairs too.
 */
public class ListFilter extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ListFilter(String text) {
        String s = camelPipeDecoded(text == null ? "" : text.strip());
        if (s.startsWith("{")) {
            putAll(json(s));
        } else if (!s.isEmpty()) {
            for (String pair : s.split("[;&]")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? "" : pair.substring(0, eq).strip();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("The filter property must be name=value pairs separated by ;"
                                                       + " (e.g. bill_status=O;name=Acme%) or a JSON object; '" + pair
                                                       + "' in '" + text + "' is not name=value");
                }
                if (containsKey(name)) {
                    throw new IllegalArgumentException("The filter property names '" + name + "' twice: '" + text
                                                       + "'");
                }
                put(name, pair.substring(eq + 1).strip());
            }
        }
    }

    /**
     * Camel 4.18's YAML DSL passes the properties of a Pipe to the Kamelet URL-encoded, and nothing decodes them
     * (CAMEL-23594, fixed in later Camel): bill_status=O arrives as bill_status%3DO. Filters always hold an = (or a
     * JSON object's {), so text with neither but with a % escape is such a value, and is decoded once.
     */
    private static String camelPipeDecoded(String text) {
        if (text.indexOf('=') >= 0 || text.indexOf('{') >= 0 || text.indexOf('%') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The filter property is not a valid JSON object: '" + text + "' ("
                                               + e.getOriginalMessage() + ")", e);
        }
    }
}
