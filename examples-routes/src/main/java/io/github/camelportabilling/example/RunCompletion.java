package io.github.camelportabilling.example;

/**
 * Ends a run-once: marks the run as finished and asks Camel Main to stop, which it does gracefully (routes stop,
 * the PortaBilling session logs out), after which {@link ExampleApp} prints the summary.
 */
public class RunCompletion {

    private final RunStats stats;
    private final Runnable mainCompleted;

    RunCompletion(RunStats stats, Runnable mainCompleted) {
        this.stats = stats;
        this.mainCompleted = mainCompleted;
    }

    public void complete() {
        stats.completed();
        mainCompleted.run();
    }

    /** Stops without marking the run finished: ExampleApp then reports a failure. */
    public void abort() {
        mainCompleted.run();
    }
}
