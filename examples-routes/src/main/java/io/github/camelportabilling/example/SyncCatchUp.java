package io.github.camelportabilling.example;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;

/** Tells when every sync route has caught up with the server at least once. */
public class SyncCatchUp {

    private final Set<String> expected;
    private final Set<String> caughtUp = new HashSet<>();
    private boolean reported;

    public SyncCatchUp(List<String> syncRouteIds) {
        this.expected = Set.copyOf(syncRouteIds);
    }

    /** Records that the exchange's route caught up; true exactly once: when the last of them first does. */
    public synchronized boolean allCaughtUpNow(Exchange idle) {
        caughtUp.add(idle.getFromRouteId());
        if (!reported && caughtUp.containsAll(expected)) {
            reported = true;
            return true;
        }
        return false;
    }
}
