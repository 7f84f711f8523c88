package io.github.camelportabilling.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The takeover scenario on camel-zookeeper's {@code ZooKeeperClusterService} (Curator's LeaderSelector) against a real
 * ZooKeeper server this test starts (Curator's TestingServer on a free loopback port), with the position in
 * camel-portabilling-zookeeper's {@code ZooKeeperStateRepository} on the same server.
 */
class ZooKeeperTakeoverIT extends TakeoverScenario {

    /** ZooKeeper grants session timeouts between 2 and 20 ticks. */
    static final int TICK_MS = 500;
    static final int SESSION_TIMEOUT_MS = 3_000;

    static TestingServer zooKeeper;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        Path data = Files.createTempDirectory("cluster-it-zookeeper");
        zooKeeper = new TestingServer(new InstanceSpec(data.toFile(), -1, -1, -1, true, -1, TICK_MS, -1), true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Override
    protected Properties clusterAndState(Path dir, String name) {
        Properties p = new Properties();
        p.setProperty("camel.beans.pbCluster", "#class:org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService");
        p.setProperty("camel.beans.pbCluster.id", name);
        p.setProperty("camel.beans.pbCluster.nodes", zooKeeper.getConnectString());
        p.setProperty("camel.beans.pbCluster.basePath", "/camel/cluster");
        p.setProperty("camel.beans.pbCluster.sessionTimeout", String.valueOf(SESSION_TIMEOUT_MS));
        p.setProperty("camel.beans.pbCluster.connectTimeout", "2000");
        p.setProperty("camel.beans.pbState", "#class:io.github.camelportabilling.zookeeper.ZooKeeperStateRepository");
        p.setProperty("camel.beans.pbState.nodes", zooKeeper.getConnectString());
        p.setProperty("camel.beans.pbState.basePath", "/camel/portabilling/state");
        p.setProperty("camel.beans.pbState.sessionTimeout", String.valueOf(SESSION_TIMEOUT_MS));
        return p;
    }

    @Override
    protected String engine() {
        return "ZooKeeperClusterService (ZooKeeper session timeout " + SESSION_TIMEOUT_MS + " ms: a killed leader's"
               + " lock node goes when its session expires)";
    }
}
