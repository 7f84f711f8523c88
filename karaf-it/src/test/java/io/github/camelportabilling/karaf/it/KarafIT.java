package io.github.camelportabilling.karaf.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component in a real Apache Karaf: camel-karaf's features descriptor and ours added, feature
 * {@code camel-portabilling} installed, and routes in a bundle of their own (src/main of this module) calling the
 * simulator, which runs here in the test's JVM on a random loopback port. One Karaf for all checks.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // hang guard for the whole class (boot, install, routes)
class KarafIT {

    private static final Duration ROUTES_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUR_BUNDLE = "io.github.camelportabilling.camel-portabilling";
    private static final String ROUTES_BUNDLE = "io.github.camelportabilling.karaf-it-routes";

    private static PortaBillingSimulator simulator;
    private static KarafInstance karaf;
    private static Path out;
    private static Map<String, String> standIns;
    private static long routesBundleId;
    /** Bundle ids Karaf had after its boot, before our feature. */
    private static Set<Long> bootBundles;

    @BeforeAll
    static void bootKarafAndInstall() throws Exception {
        simulator = PortaBillingSimulator.builder().demoData().start();
        Path run = Path.of(property("karaf.it.run"));
        Path repo = Path.of(property("karaf.it.repo"));
        out = run.resolveSibling("karaf-it-out");
        KarafInstance.deleteRecursively(out);
        Files.createDirectories(out);

        long t0 = System.nanoTime();
        standIns = !Boolean.parseBoolean(property("karaf.it.standIns")) ? Map.of()
                : CamelKarafStandIns.build(Path.of(property("karaf.it.camelKarafFeatures")),
                        List.of("camel-core", "camel-http", "camel-jackson"), Path.of(property("karaf.it.camelJars")),
                        property("karaf.it.camelVersion"), repo);
        long t1 = System.nanoTime();

        Map<String, String> sys = new LinkedHashMap<>();
        sys.put("portabilling.it.host", simulator.host());
        sys.put("portabilling.it.port", String.valueOf(simulator.port()));
        sys.put("portabilling.it.login", PortaBillingSimulator.DEMO_LOGIN);
        sys.put("portabilling.it.password", PortaBillingSimulator.DEMO_PASSWORD);
        sys.put("portabilling.it.out", out.toAbsolutePath().toString());
        karaf = KarafInstance.start(Path.of(property("karaf.it.dist")), run,
                new KarafInstance.Repositories(List.of(repo), Path.of(property("karaf.it.localRepository"))), sys);
        long t2 = System.nanoTime();
        System.out.printf("KarafIT: %d camel-karaf stand-ins built in %d ms; Karaf booted in %d ms (%s)%n",
                standIns.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, karaf.ports());

        KarafJmx jmx = karaf.jmx();
        bootBundles = new HashSet<>();
        jmx.bundles().forEach(b -> bootBundles.add(b.id()));
        try {
            jmx.addRepository("mvn:org.apache.camel.karaf/apache-camel/" + property("karaf.it.camelKarafVersion")
                    + "/xml/features");
            jmx.addRepository("mvn:io.github.camelportabilling/camel-portabilling/" + property("karaf.it.projectVersion")
                    + "/xml/features");
            jmx.installFeature("camel-portabilling");
            long t3 = System.nanoTime();
            routesBundleId = jmx.installBundle(Path.of(property("karaf.it.routesBundle")).toUri().toString());
            System.out.printf("KarafIT: feature camel-portabilling installed in %d ms, %d bundles%n",
                    (t3 - t2) / 1_000_000, jmx.bundles().size() - bootBundles.size() - 1);
        } catch (RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + karaf.logProblems(), e);
        }
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (karaf != null) {
                karaf.close();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    @Test
    void theFeatureInstallsAndOurBundleIsActive() {
        List<KarafJmx.BundleInfo> bundles = karaf.jmx().bundles();
        assertThat(bundles).filteredOn(b -> OUR_BUNDLE.equals(b.symbolicName()))
                .as("our bundle in bundle:list\n" + karaf.logProblems())
                .singleElement().satisfies(b -> {
                    assertThat(b.state()).isEqualTo("Active");
                    assertThat(b.version()).startsWith(property("karaf.it.projectVersion").replace("-SNAPSHOT", ""));
                });
        assertThat(bundles).filteredOn(b -> b.id() == routesBundleId).singleElement()
                .satisfies(b -> assertThat(b.state()).as("the routes bundle\n" + karaf.logProblems()).isEqualTo("Active"));
        // every bundle the feature brought in is running: none stuck in Installed (unresolved) or Resolved
        assertThat(bundles).filteredOn(b -> !bootBundles.contains(b.id())).hasSizeGreaterThan(50)
                .filteredOn(b -> !b.state().equals("Active"))
                .as("bundles not Active\n" + karaf.logProblems()).isEmpty();
        // the camel-karaf parts used as published: the descriptor and its OSGi glue
        assertThat(bundles).extracting(KarafJmx.BundleInfo::symbolicName).contains("camel-core-osgi", "camel-api",
                "camel-http", "camel-jackson", "camel-health", "org.apache.commons.lang3", "org.apache.commons.text");
    }

    @Test
    void theRoutesRunOnTheCamelThatCamelKarafInstalled() throws Exception {
        Path runtime = out.resolve("camel-runtime.txt");
        await().atMost(ROUTES_TIMEOUT).until(() -> Files.exists(runtime));
        // camel-karaf's Camel: the plain jars of the stand-ins, or camel-karaf's own release
        String expected = standIns.isEmpty() ? property("karaf.it.camelKarafVersion") : property("karaf.it.camelVersion");
        assertThat(Files.readString(runtime)).isEqualTo(expected).startsWith("4.14.");
    }

    @Test
    void getVersionThroughOperationCall() throws Exception {
        Path version = out.resolve("version.json");
        awaitFile(version);
        JsonNode answer = JSON.readTree(version.toFile());
        // what the simulator answered, as it answered it
        RecordedRequest call = simulator.lastRequest("Generic/get_version");
        assertThat(call).as("the simulator received Generic/get_version").isNotNull();
        assertThat(answer).isEqualTo(JSON.readTree(call.responseBody()));
        assertThat(answer.path("version").asText()).contains("portabilling-simulator");
        assertThat(simulator.callCount("Generic/get_version")).isEqualTo(1);
        assertThat(call.bearerToken()).as("an authenticated call").isNotBlank();
    }

    @Test
    void listOfOpenCustomersWithTheirTotal() throws Exception {
        Path list = out.resolve("open-customers.json");
        Path total = out.resolve("open-customers.total");
        awaitFile(total);
        JsonNode customers = JSON.readTree(list.toFile());
        List<Long> expected = openRecords("i_customer", 1, simulator.customerCount(), simulator::customer);
        List<Long> got = new ArrayList<>();
        customers.forEach(c -> {
            assertThat(c.path("bill_status").asText()).isEqualTo("O");
            got.add(c.path("i_customer").asLong());
        });
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
        assertThat(Files.readString(total).trim()).isEqualTo(String.valueOf(expected.size()));

        assertThat(simulator.callCount("Customer/get_customer_list")).isEqualTo(1);
        Map<String, Object> params = simulator.lastRequest("Customer/get_customer_list").params();
        assertThat(params).containsEntry("bill_status", "O").containsEntry("limit", 1000);
        assertThat(params.get("get_total")).isIn(1, "1", true);
    }

    @Test
    void consumerCycleDeliversEveryOpenAccountOnce() throws Exception {
        Path idle = out.resolve("consumer.idle");
        awaitFile(idle);
        List<Long> expected = openRecords("i_account", 100001, simulator.accountCount(), simulator::account);
        List<Long> delivered = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("consumer-accounts.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode account = JSON.readTree(line);
                assertThat(account.path("bill_status").asText()).isEqualTo("O");
                delivered.add(account.path("i_account").asLong());
            }
        }
        assertThat(delivered).as("each open account once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        // paged 7 at a time: the cycle needs at least ceil(n / 7) list calls
        assertThat(simulator.callCount("Account/get_account_list")).isGreaterThanOrEqualTo((expected.size() + 6) / 7);
        assertThat(simulator.requests()).filteredOn(r -> r.serviceMethod().equals("Account/get_account_list"))
                .allSatisfy(r -> assertThat(r.params()).containsEntry("bill_status", "O"));
    }

    @Test
    void allRoutesShareOneLoggedInSession() {
        awaitFile(out.resolve("consumer.idle"));
        awaitFile(out.resolve("version.json"));
        awaitFile(out.resolve("open-customers.total"));
        assertThat(simulator.loginCount()).as("one server + login = one session in the bundle").isEqualTo(1);
        Set<String> tokens = new HashSet<>();
        simulator.requests().stream().filter(r -> !r.service().equals("Session")).forEach(r -> tokens.add(r.bearerToken()));
        assertThat(tokens).hasSize(1);
    }

    private static void awaitFile(Path file) {
        await().atMost(ROUTES_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .alias(file.getFileName() + " written by the routes in Karaf\n" + karaf.logProblems())
                .until(() -> Files.exists(file) && Files.size(file) > 0);
    }

    /** Keys of the simulator's records with bill_status O, from first to first + count - 1. */
    private static List<Long> openRecords(String key, long first, int count,
            java.util.function.LongFunction<Map<String, Object>> record) {
        List<Long> open = new ArrayList<>();
        for (long id = first; id < first + count; id++) {
            Map<String, Object> r = record.apply(id);
            if (r != null && "O".equals(r.get("bill_status"))) {
                open.add(((Number) r.get(key)).longValue());
            }
        }
        return open;
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        assertThat(v).as("system property " + name + " (set by the pom's failsafe configuration)").isNotBlank();
        return v;
    }
}
