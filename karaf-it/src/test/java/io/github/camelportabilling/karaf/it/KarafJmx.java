package io.github.camelportabilling.karaf.it;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Karaf's own management beans over JMX (features, bundles, system): the same operations as its
 * {@code feature:repo-add}, {@code feature:install}, {@code bundle:install} and {@code bundle:list} commands.
 *
 * <p>A failed operation comes back as an exception of a Karaf or Felix class (a resolver's "missing requirement"
 * says what is wrong): the answers are read with a class loader over those jars of the distribution, so that the
 * exception and its message arrive here.
 */
final class KarafJmx implements AutoCloseable {

    private static final ObjectName FEATURES = name("org.apache.karaf:type=feature,name=root");
    private static final ObjectName BUNDLES = name("org.apache.karaf:type=bundle,name=root");
    private static final ObjectName SYSTEM = name("org.apache.karaf:type=system,name=root");

    /** A line of {@code bundle:list}. */
    record BundleInfo(long id, String symbolicName, String version, String state) {
    }

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private KarafJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    static KarafJmx connect(String url, String user, String password, ClassLoader karafClasses) throws IOException {
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] { user, password });
        env.put("jmx.remote.default.class.loader", karafClasses);
        return new KarafJmx(JMXConnectorFactory.connect(new JMXServiceURL(url), env));
    }

    /** Waits until the features service is registered (Karaf registers its beans as its boot features start). */
    void awaitFeaturesService(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!server.isRegistered(FEATURES) || !server.isRegistered(BUNDLES) || !server.isRegistered(SYSTEM)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Karaf's features, bundle and system beans did not appear within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    void addRepository(String uri) {
        invoke(FEATURES, "addRepository", new Object[] { uri }, new String[] { String.class.getName() });
    }

    /** Installs the feature and what it needs; returns when Karaf has resolved, installed and started it. */
    void installFeature(String name) {
        invoke(FEATURES, "installFeature", new Object[] { name }, new String[] { String.class.getName() });
    }

    /** Installs and starts a bundle from a URL Karaf understands (file:, mvn:, ...); returns its id. */
    long installBundle(String url) {
        Object id = invoke(BUNDLES, "install", new Object[] { url, Boolean.TRUE },
                new String[] { String.class.getName(), boolean.class.getName() });
        return ((Number) id).longValue();
    }

    List<BundleInfo> bundles() {
        TabularData table = (TabularData) attribute(BUNDLES, "Bundles");
        List<BundleInfo> list = new ArrayList<>();
        for (Object row : table.values()) {
            CompositeData d = (CompositeData) row;
            list.add(new BundleInfo(((Number) d.get("ID")).longValue(), (String) d.get("Symbolic Name"),
                    (String) d.get("Version"), (String) d.get("State")));
        }
        return list;
    }

    /** Karaf's {@code system:shutdown --force}. */
    void halt() {
        invoke(SYSTEM, "halt", new Object[0], new String[0]);
    }

    private Object attribute(ObjectName bean, String attribute) {
        try {
            return server.getAttribute(bean, attribute);
        } catch (Exception e) {
            throw new IllegalStateException("JMX " + bean + " " + attribute + ": " + e, e);
        }
    }

    private Object invoke(ObjectName bean, String operation, Object[] args, String[] signature) {
        try {
            return server.invoke(bean, operation, args, signature);
        } catch (Exception e) {
            throw new IllegalStateException("JMX " + bean.getKeyProperty("type") + "." + operation + " "
                    + java.util.Arrays.toString(args) + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // Karaf may already be gone
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
