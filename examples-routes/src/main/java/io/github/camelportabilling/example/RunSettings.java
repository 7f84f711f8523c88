package io.github.camelportabilling.example;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.camel.CamelContext;

/**
 * The {@code example.*} settings of application.properties, resolved once.
 *
 * @param workDirectory where the inbox is read and the output written
 * @param runOnce       run the demo sequence once, print the summary and stop
 * @param samples       drop the sample records into the inbox at startup
 * @param runTag        appended to the names and ids of the sample records, so that every run creates new ones
 * @param maxSeconds    a run-once that has not finished after this long stops anyway (a guard against a hang)
 */
record RunSettings(WorkDirectory workDirectory, boolean runOnce, boolean samples, String runTag, int maxSeconds) {

    static RunSettings from(CamelContext context) {
        String tag = property(context, "example.run-tag");
        if (tag.isBlank()) {
            // digits only: sample account ids are made of it, and ids are often phone-number-like
            tag = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
        }
        return new RunSettings(
                new WorkDirectory(Path.of(property(context, "example.work-dir"))),
                Boolean.parseBoolean(property(context, "example.run-once")),
                Boolean.parseBoolean(property(context, "example.samples")),
                tag,
                Integer.parseInt(property(context, "example.max-seconds")));
    }

    private static String property(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}").strip();
    }
}
