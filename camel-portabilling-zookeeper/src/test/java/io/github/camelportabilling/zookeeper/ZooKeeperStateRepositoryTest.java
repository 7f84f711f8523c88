package io.github.camelportabilling.zookeeper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real ZooKeeper server (Curator's TestingServer on a free loopback port), never a mock. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZooKeeperStateRepositoryTest {

    private static final String KEY = "portabilling:Customer/customer|get_customer_list|incremental"
                                       + "|server:http://127.0.0.1:8080|realm:admin|login:sync";

    @TempDir
    static Path dataDir;

    static TestingServer server;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        server = new TestingServer(new InstanceSpec(dataDir.toFile(), -1, -1, -1, true, -1, 500, -1), true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        server.close();
    }

    private static ZooKeeperStateRepository repository(String basePath) throws Exception {
        ZooKeeperStateRepository r = new ZooKeeperStateRepository();
        r.setNodes(server.getConnectString());
        r.setBasePath(basePath);
        r.start();
        return r;
    }

    @Test
    void aReplicaThatReadTheStateBeforeReadsWhatAnotherReplicaWroteSince() throws Exception {
        ZooKeeperStateRepository first = repository("/replicas");
        ZooKeeperStateRepository second = repository("/replicas");
        try {
            assertThat(second.getState(KEY)).isNull();
            first.setState(KEY, "v2;off:500;walked:1,2,3");
            assertThat(second.getState(KEY)).isEqualTo("v2;off:500;walked:1,2,3");
            second.setState(KEY, "v2;off:1000;walked:4,5,6");
            assertThat(first.getState(KEY)).isEqualTo("v2;off:1000;walked:4,5,6");
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void eachKeyIsOneZnodeUnderTheBasePathWhateverCharactersItHolds() throws Exception {
        ZooKeeperStateRepository r = repository("/camel/keys");
        try (CuratorFramework look = CuratorFrameworkFactory.newClient(server.getConnectString(), new RetryOneTime(100))) {
            look.start();
            r.setState(KEY, "a");
            r.setState(".", "dot");
            r.setState("..", "dots");
            r.setState("with space/and%percent", "b");
            assertThat(r.getState(KEY)).isEqualTo("a");
            assertThat(r.getState(".")).isEqualTo("dot");
            assertThat(r.getState("..")).isEqualTo("dots");
            assertThat(r.getState("with space/and%percent")).isEqualTo("b");
            assertThat(r.getState("never set")).isNull();
            assertThat(look.getChildren().forPath("/camel/keys")).hasSize(4);
            assertThat(new String(look.getData().forPath(r.pathOf(KEY)), StandardCharsets.UTF_8)).isEqualTo("a");
        } finally {
            r.stop();
        }
    }

    @Test
    void aClientGivenByItsOwnerIsUsedAndLeftOpen() throws Exception {
        try (CuratorFramework owned = CuratorFrameworkFactory.newClient(server.getConnectString(), new RetryOneTime(100))) {
            owned.start();
            ZooKeeperStateRepository r = new ZooKeeperStateRepository(owned, "/given");
            r.start();
            r.setState("k", "v");
            r.stop();
            assertThat(new String(owned.getData().forPath("/given/k"), StandardCharsets.UTF_8)).isEqualTo("v");
        }
    }

    @Test
    void withoutZooKeeperAReadFailsRatherThanAnsweringAnOlderValue(@TempDir Path otherDir) throws Exception {
        TestingServer lonely = new TestingServer(new InstanceSpec(otherDir.toFile(), -1, -1, -1, true, -1, 500, -1), true);
        ZooKeeperStateRepository r = new ZooKeeperStateRepository();
        r.setNodes(lonely.getConnectString());
        r.setConnectionTimeout(2_000);
        r.setSessionTimeout(4_000);
        r.setSyncTimeout(3_000);
        r.start();
        try {
            r.setState("k", "written while the server ran");
            lonely.stop();
            assertThatThrownBy(() -> r.getState("k"))
                    .hasMessageContaining("cannot read the state of 'k' from ZooKeeper /camel/portabilling/state/k");
        } finally {
            r.stop();
            lonely.close();
        }
    }

    @Test
    void aMisconfiguredRepositorySaysWhatIsMissing() {
        assertThatThrownBy(() -> new ZooKeeperStateRepository().start()).hasMessageContaining("nodes");
        assertThatThrownBy(() -> new ZooKeeperStateRepository().setBasePath("relative"))
                .hasMessageContaining("'relative'");
    }
}
