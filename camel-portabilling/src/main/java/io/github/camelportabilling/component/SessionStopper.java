package io.github.camelportabilling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops sessions in parallel, so that a shutdown waits for one logout deadline, not one per session. */
final class SessionStopper {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStopper.class);
    /** Beyond the logout deadline, for closing the connections. */
    private static final long CLOSE_MARGIN_MILLIS = 1_000;

    private SessionStopper() {
    }

    static void stopAll(List<PortaBillingSession> sessions, long logoutTimeoutMillis) {
        if (sessions.size() == 1) {
            ServiceHelper.stopService(sessions.get(0));
            return;
        }
        if (sessions.isEmpty()) {
            return;
        }
        ExecutorService stoppers = Executors.newFixedThreadPool(Math.min(sessions.size(), 16), r -> {
            Thread t = new Thread(r, "portabilling-session-stop");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> stops = new ArrayList<>();
            for (PortaBillingSession session : sessions) {
                stops.add(stoppers.submit(() -> ServiceHelper.stopService(session)));
            }
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(logoutTimeoutMillis + CLOSE_MARGIN_MILLIS);
            for (int i = 0; i < stops.size(); i++) {
                try {
                    stops.get(i).get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    LOG.warn("{} did not stop within {} ms; not waiting for it", sessions.get(i),
                            logoutTimeoutMillis + CLOSE_MARGIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.debug("Stopping {} failed: {}", sessions.get(i), e.toString());
                }
            }
        } finally {
            stoppers.shutdownNow();
        }
    }
}
