package io.github.camelportabilling.simulator;

import java.util.Map;

/**
 * Runs inside the simulator before a call is processed (after it is counted and decoded, before injected faults
 * and the handler), for tests that change data mid-run.
 */
@FunctionalInterface
public interface CallHook {

    /**
     * @param callNumber 1-based count of calls of that {@code Service/method} since the last counter reset
     * @param params     the decoded params of the call; changes made here are seen by the handler
     */
    void beforeCall(long callNumber, Map<String, Object> params);
}
