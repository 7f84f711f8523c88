package io.github.camelportabilling.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.camelportabilling.simulator.PortaBillingSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica ({@link ReplicaApp}) in a JVM of its own, with the test's class path (the built component jar, the
 * ZooKeeper state repository jar, camel-main, camel-master, camel-file, camel-zookeeper), its output in
 * {@code <dir>/<name>.log} and its deliveries in {@code <dir>/<name>.deliveries}, read as they grow.
 */
final class Replica {

    /** A hang guard for a clean stop: Camel Main's graceful shutdown normally takes about a second. */
    private static final long STOP_SECONDS = 60;

    final String name;
    final String login;
    private final Path deliveries;
    private final Path log;
    private final Process process;

    private long readTo;
    private final List<Long> delivered = new ArrayList<>();

    private Replica(String name, String login, Path deliveries, Path log, Process process) {
        this.name = name;
        this.login = login;
        this.deliveries = deliveries;
        this.log = log;
        this.process = process;
    }

    /** The properties of the component and the route every replica shares: the simulator, the page size, the pause. */
    static Properties component(PortaBillingSimulator simulator, String password, int pageSize) {
        Properties p = new Properties();
        p.setProperty("camel.component.portabilling.host", simulator.host());
        p.setProperty("camel.component.portabilling.port", String.valueOf(simulator.port()));
        p.setProperty("camel.component.portabilling.use-https", "false");
        p.setProperty("camel.component.portabilling.password", password);
        p.setProperty("camel.main.shutdown-timeout", "20");
        p.setProperty("replica.pageSize", String.valueOf(pageSize));
        // the pause between cycles: short here so that the second cycle (records added behind the cursor) comes soon
        p.setProperty("replica.delay", "500");
        return p;
    }

    /**
     * Starts a replica with these Camel Main properties; {@code replica.deliveries} is set here.
     *
     * @param login the PortaBilling login this replica uses: the simulator's request log tells replicas apart by it
     */
    static Replica start(String name, String login, Path dir, Properties camelProperties) throws IOException {
        Files.createDirectories(dir);
        Path deliveries = dir.resolve(name + ".deliveries");
        Path log = dir.resolve(name + ".log");
        Properties p = new Properties();
        p.putAll(camelProperties);
        p.setProperty("camel.component.portabilling.login", login);
        p.setProperty("replica.deliveries", deliveries.toString());
        p.setProperty("camel.main.name", name);
        Path config = dir.resolve(name + ".properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "replica " + name);
        }
        String classPath = Path.of(System.getProperty("replica.test-classes", "target/test-classes")).toAbsolutePath()
                           + java.io.File.pathSeparator
                           + Files.readString(Path.of(System.getProperty("replica.classpath.file",
                                   "target/replica.classpath"))).strip();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dsun.net.httpserver.nodelay=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp", classPath, ReplicaApp.class.getName(), config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // standard input stays a pipe held by this JVM: the replica halts when it closes (see ReplicaApp)
        return new Replica(name, login, deliveries, log, builder.start());
    }

    /** The ids this replica delivered so far, in order (read from its file; a line is complete once its '\n' is). */
    synchronized List<Long> delivered() throws IOException {
        if (Files.exists(deliveries)) {
            try (RandomAccessFile file = new RandomAccessFile(deliveries.toFile(), "r")) {
                long length = file.length();
                if (length > readTo) {
                    byte[] bytes = new byte[(int) (length - readTo)];
                    file.seek(readTo);
                    file.readFully(bytes);
                    int lineStart = 0;
                    for (int i = 0; i < bytes.length; i++) {
                        if (bytes[i] == '\n') {
                            delivered.add(Long.parseLong(new String(bytes, lineStart, i - lineStart,
                                    StandardCharsets.US_ASCII)));
                            lineStart = i + 1;
                        }
                    }
                    readTo += lineStart;
                }
            }
        }
        return List.copyOf(delivered);
    }

    int deliveredCount() {
        try {
            return delivered().size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** True when all are alive; throws with the output of one that died (no waiting out a hang guard for it). */
    static boolean allAlive(List<Replica> replicas) {
        for (Replica r : replicas) {
            if (!r.isAlive()) {
                throw new AssertionError(r + " died; its output:\n" + r.output());
            }
        }
        return true;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM: Camel Main stops the context gracefully (the route, then the cluster service: leadership released). */
    void stopCleanly() throws Exception {
        // not process.destroy(): it closes the replica's standard input as well, and the replica halts on that (see
        // ReplicaApp) before its graceful shutdown could run; the handle sends SIGTERM only
        process.toHandle().destroy();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(name + " did not stop within " + STOP_SECONDS + " s of SIGTERM; its output:\n"
                                     + output());
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop; the OS drops its file lock and its ZooKeeper connection. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " ended after SIGKILL").isTrue();
    }

    /** Stops its route (the leadership is released) and starts it again: it is a candidate again, still running. */
    void restartRoute() throws IOException {
        process.getOutputStream().write("restart-route\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Kills it if still alive; for cleanup after any outcome. */
    void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (login " + login + ")";
    }
}
