package io.github.camelportabilling.component.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Service/method names known from PortaOne's public method list. Only used for hints: servers newer than the list
 * have more methods, so an unknown name is never an error.
 */
public final class KnownMethods {

    private static final String RESOURCE = "portabilling-methods.txt";
    private static final int MAX_SUGGESTIONS = 3;

    private static volatile KnownMethods instance;

    private final Set<String> names;

    KnownMethods(Set<String> names) {
        this.names = names;
    }

    public static KnownMethods get() {
        KnownMethods known = instance;
        if (known == null) {
            known = new KnownMethods(load());
            instance = known;
        }
        return known;
    }

    public boolean isKnown(String service, String method) {
        return names.contains(service + "/" + method);
    }

    public int size() {
        return names.size();
    }

    /** Up to three known names closest to the given one (edit distance), closest first. */
    public List<String> suggestionsFor(String service, String method) {
        return Suggestions.closest(service + "/" + method, names, MAX_SUGGESTIONS, 3);
    }

    private static Set<String> load() {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = KnownMethods.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + KnownMethods.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
