package io.github.camelportabilling.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's input: JSON records under {@code samples/} on the classpath, listed in {@code samples/index.txt}
 * (a jar cannot be listed), copied into the inbox with {@code @RUN@} replaced by the run tag so that names and
 * account ids are new on every run. One customer lacks its currency and one account repeats another's id: the API
 * rejects both.
 */
final class SampleRecords {

    static final String INDEX = "samples/index.txt";
    static final String RUN_TAG_TOKEN = "@RUN@";

    private SampleRecords() {
    }

    /** The sample files as paths relative to the inbox, e.g. {@code customers/acme-lab.json}. */
    static List<String> names() {
        return read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** A sample's text as it is dropped into the inbox for this run tag. */
    static String text(String name, String runTag) {
        return read("samples/" + name).replace(RUN_TAG_TOKEN, runTag);
    }

    /** Writes every sample into the inbox; returns how many. */
    static int dropInto(Path inbox, String runTag) {
        List<String> names = names();
        try {
            for (String name : names) {
                Path target = inbox.resolve(name);
                Files.createDirectories(target.getParent());
                // written aside and moved in, so the inbox route never reads a half-written file
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                Files.writeString(partial, text(name, runTag), StandardCharsets.UTF_8);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop the sample records into " + inbox, e);
        }
        return names.size();
    }

    private static String read(String resource) {
        try (InputStream in = SampleRecords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
