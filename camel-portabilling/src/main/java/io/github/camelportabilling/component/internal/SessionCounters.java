package io.github.camelportabilling.component.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one session, shared by its token keeper, its call loop and the session itself, for JMX, the dev
 * console and the health check. Failures of a call are counted once per call, not once per attempt.
 */
public final class SessionCounters {

    public final LongAdder logins = new LongAdder();
    public final LongAdder loginFailures = new LongAdder();
    public final LongAdder refreshes = new LongAdder();
    public final LongAdder refreshFailures = new LongAdder();
    public final LongAdder authFaults = new LongAdder();
    /** HTTP requests sent: retries, replays and Session calls included. */
    public final LongAdder calls = new LongAdder();
    /** Calls that ended in an exception for their caller, a rejected or failed login included. */
    public final LongAdder failedCalls = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final AtomicInteger inFlight = new AtomicInteger();
    /** Calls in a row (not attempts) that ended without an answer from the API itself. */
    public final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile String lastFault;

    public String lastFault() {
        return lastFault;
    }

    public void lastFault(String fault) {
        this.lastFault = fault;
    }
}
