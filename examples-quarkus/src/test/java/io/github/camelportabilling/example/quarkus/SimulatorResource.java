package io.github.camelportabilling.example.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the simulator (with its demo data) before Quarkus starts, and points the component at it through config
 * overrides of {@code application.properties}. Tests get the simulator in a field annotated {@link InjectSimulator}.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** Where the sync route writes in the tests. */
    static final Path SYNC_DIR = Path.of("target", "quarkus-test-sync");

    private PortaBillingSimulator simulator;

    @Override
    public Map<String, String> start() {
        try {
            deleteSyncDir();
            simulator = PortaBillingSimulator.builder().demoData().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "camel.component.portabilling.host", simulator.host(),
                "camel.component.portabilling.port", String.valueOf(simulator.port()),
                "camel.component.portabilling.use-https", "false",
                "camel.component.portabilling.login", PortaBillingSimulator.DEMO_LOGIN,
                "camel.component.portabilling.password", PortaBillingSimulator.DEMO_PASSWORD,
                "example.sync.dir", SYNC_DIR.toAbsolutePath().toString(),
                "example.sync.delay", "200");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class, PortaBillingSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static void deleteSyncDir() throws IOException {
        if (Files.isDirectory(SYNC_DIR)) {
            try (var files = Files.list(SYNC_DIR)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectSimulator {
    }
}
