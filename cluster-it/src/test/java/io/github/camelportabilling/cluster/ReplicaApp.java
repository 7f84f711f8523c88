package io.github.camelportabilling.cluster;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

import io.github.camelportabilling.component.PortaBillingConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.main.Main;

/**
 * One replica: a Camel Main app, configured only by the properties file the test writes (the cluster service and the
 * state repository as {@code camel.beans.*}, the component as {@code camel.component.portabilling.*}, exactly what a
 * user's application.properties holds), running the clustered consumer route. Each delivered record's id is appended
 * to the replica's delivery file as it is routed, one write per record, so that the file holds it even after a hard
 * kill. {@code java -cp ... ReplicaApp <properties file>}; SIGTERM stops it cleanly (Camel Main's graceful shutdown).
 */
public final class ReplicaApp {

    private ReplicaApp() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Main main = new Main();
        listenToTheTest(main);
        main.setInitialProperties(properties);
        main.configure().addRoutesBuilder(new ClusteredSync());
        main.run();
    }

    /**
     * The test holds this process's standard input open and sends commands on it: {@code restart-route} stops the
     * route (its leadership is released) and starts it again (a candidate again), as a rolling restart of the route
     * or a lost connection to the cluster engine would. When the test JVM dies (even killed), the pipe closes and the
     * replica goes too, so no replica outlives a failed build.
     */
    private static void listenToTheTest(Main main) {
        Thread watch = new Thread(() -> {
            try {
                BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String command;
                while ((command = commands.readLine()) != null) {
                    if ("restart-route".equals(command.strip())) {
                        CamelContext context = main.getCamelContext();
                        context.getRouteController().stopRoute("pb-customers");
                        System.out.println("[replica] route pb-customers stopped");
                        context.getRouteController().startRoute("pb-customers");
                        System.out.println("[replica] route pb-customers started again");
                    }
                }
            } catch (Exception e) {
                System.out.println("[replica] command failed: " + e);
            }
            Runtime.getRuntime().halt(3);
        }, "replica-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** The route every replica runs; only the leader's consumer polls. */
    public static final class ClusteredSync extends RouteBuilder {
        @Override
        public void configure() throws Exception {
            // Camel Main adds the CamelClusterService beans of its registry to the context before it binds the
            // camel.beans.* ones: a cluster service defined in properties is added here (master: looks among them)
            for (CamelClusterService service : getContext().getRegistry().findByType(CamelClusterService.class)) {
                if (!getContext().hasService(service)) {
                    getContext().addService(service);
                }
            }
            Path deliveries = Path.of(getContext().resolvePropertyPlaceholders("{{replica.deliveries}}"));
            long pauseNanos = 1_000L * Long.parseLong(
                    getContext().resolvePropertyPlaceholders("{{replica.recordPauseMicros:0}}"));
            from("master:pb-customers:portabilling:Customer/customer?mode=incremental&pageSize={{replica.pageSize}}"
                 + "&delay={{replica.delay}}&initialDelay=0&stateRepository=#pbState&stateKey=pb-customers")
                    .routeId("pb-customers")
                    .process(new DeliveryFile(deliveries, pauseNanos));
        }
    }

    /**
     * Appends {@code <i_customer>\n} per record; a plain write(2) per record reaches the OS before the next one. The
     * pause after each record stands for the work a real route does (a CRM call): it makes routing a page take longer
     * than fetching it, so that a kill lands inside a page, with part of it delivered and its position not saved yet.
     */
    static final class DeliveryFile implements Processor {
        private final Path path;
        private final long pauseNanos;
        private FileOutputStream out;

        DeliveryFile(Path path, long pauseNanos) {
            this.path = path;
            this.pauseNanos = pauseNanos;
        }

        @Override
        public synchronized void process(Exchange exchange) throws IOException {
            if (out == null) {
                out = new FileOutputStream(path.toFile(), true);
            }
            Object id = exchange.getMessage().getHeader(PortaBillingConstants.ID);
            out.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
    }
}
