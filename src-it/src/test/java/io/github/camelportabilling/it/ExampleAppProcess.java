package io.github.camelportabilling.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the packaged example app ({@code java -jar portabilling-example.jar}, the file the pom copies from the
 * examples-routes build) as a process of its own, in a fresh working directory, with exactly the PORTABILLING_* and
 * EXAMPLE_* variables given (none inherited from this JVM), and waits for it to stop by itself.
 */
final class ExampleAppProcess {

    /** The run: exit code, what it printed (stdout and stderr), and where it wrote. */
    record Result(int exitCode, String output, Path workingDirectory) {

        /** The app's default work directory, relative to its working directory. */
        Path workDir() {
            return workingDirectory.resolve("target/portabilling-demo");
        }
    }

    /** A hang guard: the app normally stops within seconds. */
    private static final long MAX_SECONDS = 120;

    private ExampleAppProcess() {
    }

    static Result run(String name, Map<String, String> env) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("example.jar", "../examples-routes/target/portabilling-example.jar"));
        assertThat(jar).as("the packaged example app (built by examples-routes)").isRegularFile();
        Path dir = Path.of("target", "it-runs", name).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path log = dir.resolve("app.log");

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PORTABILLING_") || k.startsWith("EXAMPLE_"));
        builder.environment().putAll(env);

        Process process = builder.start();
        if (!process.waitFor(MAX_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the example app did not stop within " + MAX_SECONDS + " s; its output:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log), dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
