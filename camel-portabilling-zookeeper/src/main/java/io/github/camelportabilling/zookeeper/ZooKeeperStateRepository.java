package io.github.camelportabilling.zookeeper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateRepository} in ZooKeeper: each key is a znode under {@link #getBasePath() basePath} holding the value
 * as UTF-8. Nothing is kept in memory: {@link #getState} asks ZooKeeper every time, after a {@code sync} so that a
 * replica connected to a ZooKeeper follower that lags behind still reads the value the previous leader wrote last (a
 * plain read may be served from the follower's older copy). {@link #setState} returns once the ensemble has the value.
 * <p>
 * Give it a {@link CuratorFramework} that you start and close (e.g. the one of camel-zookeeper's
 * {@code ZooKeeperClusterService}), or {@link #setNodes nodes} and it keeps a client of its own while it runs.
 * A value must fit into a znode (jute.maxbuffer, 1 MB by default); a PortaBilling consumer's position is a few
 * kilobytes at most.
 */
@ManagedResource(description = "State repository in ZooKeeper znodes, read from ZooKeeper on every get")
public class ZooKeeperStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperStateRepository.class);

    private CuratorFramework curatorFramework;
    private String nodes;
    private String basePath = "/camel/portabilling/state";
    private int sessionTimeout = 60_000;
    private int connectionTimeout = 15_000;
    private long syncTimeout = 15_000;

    private CuratorFramework client;
    private boolean ownClient;

    public ZooKeeperStateRepository() {
    }

    /** Uses this client (started by its owner, who also closes it). */
    public ZooKeeperStateRepository(CuratorFramework curatorFramework, String basePath) {
        this.curatorFramework = curatorFramework;
        setBasePath(basePath);
    }

    @Override
    protected void doStart() throws Exception {
        if (curatorFramework != null) {
            client = curatorFramework;
            ownClient = false;
            return;
        }
        if (nodes == null || nodes.isBlank()) {
            throw new IllegalArgumentException("ZooKeeperStateRepository needs nodes (host:port,...) or a curatorFramework");
        }
        client = CuratorFrameworkFactory.builder().connectString(nodes).sessionTimeoutMs(sessionTimeout)
                .connectionTimeoutMs(connectionTimeout).retryPolicy(new ExponentialBackoffRetry(500, 3)).build();
        ownClient = true;
        client.start();
        if (!client.blockUntilConnected(connectionTimeout, TimeUnit.MILLISECONDS)) {
            client.close();
            client = null;
            throw new IllegalStateException("ZooKeeperStateRepository: no connection to ZooKeeper at " + nodes
                                            + " within " + connectionTimeout + " ms");
        }
        LOG.debug("ZooKeeperStateRepository connected to {} under {}", nodes, basePath);
    }

    @Override
    protected void doStop() throws Exception {
        if (ownClient && client != null) {
            client.close();
        }
        client = null;
    }

    /** The value last set under {@code key} by any replica, as ZooKeeper has it now; null if none was set. */
    @Override
    @ManagedOperation(description = "The value of the key, read from ZooKeeper")
    public String getState(String key) {
        String path = pathOf(key);
        CuratorFramework c = client();
        try {
            sync(c, path);
            return new String(c.getData().forPath(path), StandardCharsets.UTF_8);
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("interrupted while reading the state of '" + key + "' from ZooKeeper", e);
        } catch (Exception e) {
            throw new RuntimeCamelException("cannot read the state of '" + key + "' from ZooKeeper " + path + ": "
                                            + e.getMessage(), e);
        }
    }

    @Override
    @ManagedOperation(description = "Replaces the value of the key in ZooKeeper")
    public void setState(String key, String value) {
        String path = pathOf(key);
        try {
            client().create().orSetData().creatingParentsIfNeeded().forPath(path, value.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("interrupted while writing the state of '" + key + "' to ZooKeeper", e);
        } catch (Exception e) {
            throw new RuntimeCamelException("cannot write the state of '" + key + "' to ZooKeeper " + path + ": "
                                            + e.getMessage(), e);
        }
    }

    /** Brings the server this client talks to up to date with the ensemble's leader before a read. */
    private void sync(CuratorFramework c, String path) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger result = new AtomicInteger();
        c.sync().inBackground((framework, event) -> {
            result.set(event.getResultCode());
            done.countDown();
        }).forPath(path);
        if (!done.await(syncTimeout, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("ZooKeeper did not confirm a sync within " + syncTimeout + " ms (a read"
                                            + " without it could answer a value older than the last one written)");
        }
        KeeperException.Code code = KeeperException.Code.get(result.get());
        if (code != KeeperException.Code.OK && code != KeeperException.Code.NONODE) {
            throw KeeperException.create(code, path);
        }
    }

    private CuratorFramework client() {
        CuratorFramework c = client;
        if (c == null) {
            throw new IllegalStateException("ZooKeeperStateRepository is not started");
        }
        return c;
    }

    /**
     * The znode of a key. Keys hold '/', ':' and '|' (the server URL, filters): URL-encoded into one path element,
     * dots included (a znode cannot be named "." or "..").
     */
    String pathOf(String key) {
        return basePath + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace(".", "%2E");
    }

    public CuratorFramework getCuratorFramework() {
        return curatorFramework;
    }

    /** A started client to use; its owner closes it. */
    public void setCuratorFramework(CuratorFramework curatorFramework) {
        this.curatorFramework = curatorFramework;
    }

    @ManagedAttribute(description = "The ZooKeeper servers, when the repository keeps a client of its own")
    public String getNodes() {
        return nodes;
    }

    /** ZooKeeper servers as {@code host:port,host:port}, for a client of the repository's own. */
    public void setNodes(String nodes) {
        this.nodes = nodes;
    }

    @ManagedAttribute(description = "The znode under which each key is a child")
    public String getBasePath() {
        return basePath;
    }

    /** The znode under which each key is a child; default {@code /camel/portabilling/state}. */
    public void setBasePath(String basePath) {
        if (basePath == null || !basePath.startsWith("/") || basePath.length() > 1 && basePath.endsWith("/")) {
            throw new IllegalArgumentException("basePath must start with '/' and not end with it, got '" + basePath + "'");
        }
        this.basePath = basePath.equals("/") ? "" : basePath;
    }

    public int getSessionTimeout() {
        return sessionTimeout;
    }

    /** Session timeout in milliseconds of the repository's own client; default 60000. */
    public void setSessionTimeout(int sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    public int getConnectionTimeout() {
        return connectionTimeout;
    }

    /** Connection timeout in milliseconds of the repository's own client; default 15000. */
    public void setConnectionTimeout(int connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public long getSyncTimeout() {
        return syncTimeout;
    }

    /** How long a read waits for ZooKeeper to confirm the sync before it, in milliseconds; default 15000. */
    public void setSyncTimeout(long syncTimeout) {
        this.syncTimeout = syncTimeout;
    }
}
