package io.github.camelportabilling.example;

import java.util.Map;

import org.apache.camel.main.Main;

/**
 * The example app: Camel Main with the routes of this package (found by package scan) and the YAML routes under
 * {@code routes/}. Without {@code PORTABILLING_HOST} it runs against a simulator started in this JVM; in run-once
 * mode (the default) it stops by itself when the demo is done and prints a summary.
 */
public final class ExampleApp {

    private ExampleApp() {
    }

    public static void main(String[] args) throws Exception {
        RunSummary summary = run(System.getenv(), Map.of(), args);
        if (summary != null) {
            // printed after Camel has stopped, so that it is the last thing the run shows
            System.out.println(summary.render());
            if (!summary.finished()) {
                // an exception, not System.exit: exec:java runs inside Maven's JVM
                throw new IllegalStateException("the example run did not finish: " + summary.whyNotFinished());
            }
        }
    }

    /**
     * One run of the app, until Camel Main stops.
     *
     * @param env        where PORTABILLING_HOST and the credentials are looked up, to choose the server
     * @param properties Camel properties that win over application.properties (e.g. {@code example.work-dir})
     * @return the summary of a run-once; null when the app ran as a service (or never got configured)
     */
    static RunSummary run(Map<String, String> env, Map<String, String> properties, String... args) throws Exception {
        try (ServerChoice server = ServerChoice.fromEnvironment(env)) {
            Main main = new Main(ExampleApp.class);
            server.configure(main);
            properties.forEach(main::addOverrideProperty);

            RunStats stats = new RunStats();
            RunSetup setup = new RunSetup();
            main.bind("runStats", stats);
            main.bind("runCompletion", new RunCompletion(stats, main::completed));
            main.addMainListener(setup);

            main.run(args);

            RunSettings settings = setup.settings();
            return settings != null && settings.runOnce() ? new RunSummary(server.description(), settings, stats) : null;
        }
    }
}
