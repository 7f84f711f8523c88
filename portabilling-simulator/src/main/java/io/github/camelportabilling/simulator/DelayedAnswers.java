package io.github.camelportabilling.simulator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends answers later without holding a request thread while they wait: one timer thread schedules them, and the
 * request pool writes each one when its time comes. So the number of calls waiting at once is not capped by the
 * pool's size, and waiting burns no CPU.
 */
final class DelayedAnswers implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService writers;

    DelayedAnswers(ServerThreads threads, ExecutorService writers) {
        this.timer = new ScheduledThreadPoolExecutor(1, threads);
        this.timer.setRemoveOnCancelPolicy(true);
        this.writers = writers;
    }

    /**
     * Runs {@code send} on the request pool {@code nanos} from now; {@code drop} instead when the simulator closes
     * before (the call then gets no answer).
     */
    void later(long nanos, Runnable send, Runnable drop) {
        try {
            timer.schedule(() -> {
                try {
                    writers.execute(send);
                } catch (RejectedExecutionException e) {
                    drop.run();
                }
            }, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            drop.run();
        }
    }

    /** Answers still waiting are never sent (the server closes their connections). */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
