package io.github.camelportabilling.karaf.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Apache Karaf, from its unpacked distribution: copied afresh to a run folder, configured (free loopback
 * ports, a JMX user, where bundles come from), started with its own {@code bin/karaf server} as a child process,
 * and stopped, by JMX halt or else by killing its process tree, on {@link #close()} or when this JVM exits.
 * Its boot features are the distribution's; KarafIT drives it over JMX, SSH listens on a free loopback port.
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Longer than KarafIT's own hang guard (10 minutes). */
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    private final Path home;
    private final Process process;
    private final Thread shutdownHook;
    private final String jmxUser = "karaf-it";
    private final String jmxPassword = UUID.randomUUID().toString();
    private final int rmiRegistryPort;
    private final int rmiServerPort;
    private final int sshPort;
    private KarafJmx jmx;

    /** Where Karaf finds bundles: first the file repositories, then the local Maven repository, then Maven Central. */
    record Repositories(List<Path> fileRepositories, Path localRepository) {
    }

    private KarafInstance(Path distribution, Path home, Repositories repositories, Map<String, String> systemProperties)
            throws IOException {
        this.home = home;
        copyFresh(distribution, home);
        int[] ports = freePorts(3);
        rmiRegistryPort = ports[0];
        rmiServerPort = ports[1];
        sshPort = ports[2];
        configure(repositories);

        List<String> javaOpts = new ArrayList<>();
        systemProperties.forEach((k, v) -> javaOpts.add("-D" + k + "=" + v));
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/timeout"))) {
            // a last bound should this JVM die without running its shutdown hook (SIGKILL): coreutils' timeout
            // signals its whole process group, Karaf's JVM included
            command.addAll(List.of("/usr/bin/timeout", "--kill-after=10", String.valueOf(MAX_LIFETIME.toSeconds())));
        }
        command.addAll(List.of(home.resolve("bin/karaf").toString(), "server"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("karaf-console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_MIN_MEM", "128M");
        builder.environment().put("JAVA_MAX_MEM", "768M");
        builder.environment().put("EXTRA_JAVA_OPTS", String.join(" ", javaOpts));
        builder.environment().remove("KARAF_OPTS");
        process = builder.start();
        shutdownHook = new Thread(this::kill, "karaf-it-kill");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts Karaf and returns once its JMX connector answers. */
    static KarafInstance start(Path distribution, Path home, Repositories repositories,
            Map<String, String> systemProperties) throws IOException {
        KarafInstance karaf = new KarafInstance(distribution, home, repositories, systemProperties);
        try {
            karaf.awaitJmx();
            return karaf;
        } catch (RuntimeException | Error e) {
            karaf.close();
            throw e;
        }
    }

    KarafJmx jmx() {
        return jmx;
    }

    Path home() {
        return home;
    }

    /** The ports Karaf listens on, for the report. */
    String ports() {
        return "RMI registry " + rmiRegistryPort + ", RMI server " + rmiServerPort + ", SSH " + sshPort;
    }

    /** The last lines of Karaf's log that say what went wrong (for assertion messages). */
    String logProblems() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            if (!Files.exists(log)) {
                return "(no data/log/karaf.log; console: " + tail(home.resolve("karaf-console.log"), 20) + ")";
            }
            List<String> lines = Files.readAllLines(log);
            List<String> problems = lines.stream()
                    .filter(l -> l.contains("| ERROR") || l.contains("| WARN") || l.contains("missing requirement")
                            || l.startsWith("Caused by") || l.contains("Exception:"))
                    .map(l -> l.length() > 600 ? l.substring(0, 600) + "..." : l)
                    .collect(Collectors.toList());
            List<String> last = problems.subList(Math.max(0, problems.size() - 25), problems.size());
            return "karaf.log (" + log + "), last problems:\n  " + String.join("\n  ", last);
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            if (jmx != null && process.isAlive()) {
                try {
                    jmx.halt();
                } catch (RuntimeException e) {
                    // the connection drops as Karaf goes down; the wait below tells whether it stopped
                }
                jmx.close();
            }
            if (!waitFor(STOP_TIMEOUT)) {
                kill();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // this JVM is already shutting down: the hook runs anyway
            }
        }
    }

    /** Kills the start script and Karaf's JVM under it (the script runs the JVM as a child, not by exec). */
    private void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more to do: it was sent SIGKILL
            }
        }
    }

    /** Whether the script and every process under it ended within the time. */
    private boolean waitFor(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }

    private void awaitJmx() {
        String url = "service:jmx:rmi://127.0.0.1:" + rmiServerPort + "/jndi/rmi://127.0.0.1:" + rmiRegistryPort
                + "/karaf-root";
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + " while booting; console: "
                        + tail(home.resolve("karaf-console.log"), 30) + "\n" + logProblems());
            }
            try {
                jmx = KarafJmx.connect(url, jmxUser, jmxPassword, exceptionClasses());
                jmx.awaitFeaturesService(BOOT_TIMEOUT);
                return;
            } catch (Exception e) {
                last = e;
                if (jmx != null) {
                    jmx.close();
                    jmx = null;
                }
                sleep(500);
            }
        }
        throw new IllegalStateException("Karaf's JMX connector did not answer within " + BOOT_TIMEOUT + " at " + url
                + " (last error: " + last + ")\n" + logProblems());
    }

    /** Karaf's features service, Felix and the OSGi API, for reading the exceptions its beans answer with. */
    private ClassLoader exceptionClasses() throws IOException {
        List<java.net.URL> jars = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(home.resolve("lib/boot")), Files.walk(home.resolve("system")))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("osgi.core-") || name.startsWith("org.apache.karaf.features.core-")
                        || name.startsWith("org.apache.felix.framework-")) {
                    jars.add(p.toUri().toURL());
                }
            }
        }
        return new java.net.URLClassLoader(jars.toArray(new java.net.URL[0]), getClass().getClassLoader());
    }

    // ---- configuration of the copied distribution

    private void configure(Repositories repositories) throws IOException {
        Path etc = home.resolve("etc");
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(rmiRegistryPort));
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(rmiServerPort));
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryHost", "127.0.0.1");
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerHost", "127.0.0.1");
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(sshPort));
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");

        Files.writeString(etc.resolve("users.properties"), jmxUser + " = " + jmxPassword + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");

        Path mvn = etc.resolve("org.ops4j.pax.url.mvn.cfg");
        Properties current = read(mvn);
        String files = repositories.fileRepositories().stream()
                .map(p -> p.toAbsolutePath().toUri() + "@id=" + p.getFileName() + "@snapshots")
                .collect(Collectors.joining(", "));
        setProperty(mvn, "org.ops4j.pax.url.mvn.defaultRepositories",
                files + ", " + current.getProperty("org.ops4j.pax.url.mvn.defaultRepositories").trim());
        // the distribution's own Maven Central entry only: its snapshot repositories are not reachable from here
        String central = Arrays.stream(current.getProperty("org.ops4j.pax.url.mvn.repositories").split(","))
                .map(String::trim).filter(r -> r.contains("@id=central")).collect(Collectors.joining(", "));
        setProperty(mvn, "org.ops4j.pax.url.mvn.repositories", central);
        setProperty(mvn, "org.ops4j.pax.url.mvn.localRepository", repositories.localRepository().toAbsolutePath().toString());
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return p;
    }

    /** Replaces the key's (possibly continued) line in a Karaf .cfg file, or appends it. */
    static void setProperty(Path file, String key, String value) throws IOException {
        String text = Files.readString(file);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=(?:[^\\n]*\\\\\\r?\\n)*[^\\n]*$").matcher(text);
        String line = key + " = " + value.replace("\\", "\\\\");
        text = m.find() ? text.substring(0, m.start()) + line + text.substring(m.end())
                : text + (text.endsWith("\n") ? "" : "\n") + line + "\n";
        Files.writeString(file, text);
    }

    private static void copyFresh(Path from, Path to) throws IOException {
        if (!Files.isExecutable(from.resolve("bin/karaf"))) {
            throw new IllegalStateException("No Karaf distribution at " + from + " (the pom unpacks it in pre-integration-test)");
        }
        deleteRecursively(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
