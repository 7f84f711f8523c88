package io.github.camelportabilling.karaf.it.routes;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Starts a Camel context inside Karaf the way a plain OSGi bundle does (camel-karaf's {@link OsgiDefaultCamelContext},
 * which finds components through camel-karaf's bundle extender), with {@link ProbeRoutes}. Writes the Camel version
 * it runs on to {@code camel-runtime.txt} in the output folder, so the test can tell which Camel Karaf gave it.
 */
public class ProbeRoutesActivator implements BundleActivator {

    private OsgiDefaultCamelContext camel;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        ProbeSettings settings = ProbeSettings.fromSystemProperties();
        camel = new OsgiDefaultCamelContext(bundleContext);
        camel.addRoutes(new ProbeRoutes(settings));
        camel.start();
        Files.createDirectories(settings.out());
        Files.writeString(settings.out().resolve("camel-runtime.txt"), camel.getVersion());
    }

    @Override
    public void stop(BundleContext bundleContext) throws Exception {
        if (camel != null) {
            camel.close();
        }
    }

    /** Where the simulator is and where the routes write: JVM system properties KarafIT gives Karaf's JVM. */
    record ProbeSettings(String host, int port, String login, String password, Path out) {

        static ProbeSettings fromSystemProperties() {
            return new ProbeSettings(required("portabilling.it.host"), Integer.parseInt(required("portabilling.it.port")),
                    required("portabilling.it.login"), required("portabilling.it.password"),
                    Path.of(required("portabilling.it.out")));
        }

        private static String required(String name) {
            String v = System.getProperty(name);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("System property " + name + " is not set");
            }
            return v;
        }

        /** The connection as endpoint options (the simulator speaks plain http). */
        String connection() {
            return "host=" + host + "&port=" + port + "&useHttps=false&login=" + login + "&password=RAW(" + password + ")";
        }
    }
}
