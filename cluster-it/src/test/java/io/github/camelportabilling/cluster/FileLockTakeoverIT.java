package io.github.camelportabilling.cluster;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The takeover scenario on camel-file's {@code FileLockClusterService} (a lock file and a heartbeat file in a shared
 * directory) with the position in a {@code SharedFileStateRepository} in the same directory.
 */
class FileLockTakeoverIT extends TakeoverScenario {

    static final int INTERVAL_MS = 500;
    static final int MULTIPLIER = 3;

    @Override
    protected Properties clusterAndState(Path dir, String name) {
        Properties p = fileLock(dir, name);
        p.setProperty("camel.beans.pbState", "#class:io.github.camelportabilling.component.SharedFileStateRepository");
        p.setProperty("camel.beans.pbState.directory", dir.resolve("cluster").resolve("state").toString());
        return p;
    }

    /** The FileLockClusterService of a replica named {@code name}, its root in {@code <dir>/cluster}. */
    static Properties fileLock(Path dir, String name) {
        Properties p = new Properties();
        p.setProperty("camel.beans.pbCluster", "#class:org.apache.camel.component.file.cluster.FileLockClusterService");
        p.setProperty("camel.beans.pbCluster.id", name);
        p.setProperty("camel.beans.pbCluster.root", dir.resolve("cluster").toString());
        p.setProperty("camel.beans.pbCluster.acquireLockDelay", String.valueOf(INTERVAL_MS));
        p.setProperty("camel.beans.pbCluster.acquireLockDelayUnit", "MILLISECONDS");
        p.setProperty("camel.beans.pbCluster.acquireLockInterval", String.valueOf(INTERVAL_MS));
        p.setProperty("camel.beans.pbCluster.acquireLockIntervalUnit", "MILLISECONDS");
        p.setProperty("camel.beans.pbCluster.heartbeatTimeoutMultiplier", String.valueOf(MULTIPLIER));
        return p;
    }

    @Override
    protected String engine() {
        return "FileLockClusterService (acquireLockInterval " + INTERVAL_MS + " ms, heartbeatTimeoutMultiplier "
               + MULTIPLIER + ": a killed leader is stale after " + INTERVAL_MS * MULTIPLIER + " ms)";
    }
}
