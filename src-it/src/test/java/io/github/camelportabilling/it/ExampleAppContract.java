package io.github.camelportabilling.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.PortaBillingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the packaged example app must leave behind after one run-once with the sample records, against a server:
 * the summary, the two JSON Lines files, the done and error folders, and the records on the server. The app runs
 * once per class (in {@link #runTheAppOnce()}); every test reads the result. A unique run tag makes the sample
 * records new on every run, and {@link #removeTheRecordsOfThisRun()} closes what the run created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExampleAppContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Digits only: it ends up in account ids. */
    protected final String tag = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    private Connection connection;
    protected PortaBillingApi api;
    protected ExampleAppProcess.Result run;

    /** Starts (or finds) the server. */
    abstract Connection startServer() throws IOException;

    abstract void stopServer();

    /** True when nothing but this test writes to the server: then the files must equal its lists exactly. */
    abstract boolean serverIsOnlyOurs();

    /** The fault code a customer without currency gets, or null where it is not known in advance. */
    abstract String missingFieldFaultCode();

    /** Extra variables for the app (e.g. a product id that exists on a real server). */
    Map<String, String> extraAppEnvironment() {
        return Map.of();
    }

    long expectedProduct() {
        return 1;
    }

    @BeforeAll
    void runTheAppOnce() throws Exception {
        connection = startServer();
        api = new PortaBillingApi(connection);
        Map<String, String> env = new LinkedHashMap<>(connection.appEnvironment());
        env.put("EXAMPLE_SAMPLES", "true");
        env.put("EXAMPLE_RUN_TAG", tag);
        env.put("EXAMPLE_MAX_SECONDS", "90");
        env.putAll(extraAppEnvironment());
        run = ExampleAppProcess.run(getClass().getSimpleName(), env);
    }

    @AfterAll
    void removeTheRecordsOfThisRun() {
        try {
            if (api != null) {
                for (Map<String, Object> account : api.accounts(Map.of("id", "demo" + tag + "%"))) {
                    if (!"C".equals(account.get("bill_status"))) {
                        api.terminateAccount(number(account.get("i_account")));
                    }
                }
                for (Map<String, Object> customer : sampleCustomersOnServer()) {
                    long iCustomer = number(customer.get("i_customer"));
                    try {
                        api.deleteCustomer(iCustomer);
                    } catch (PortaBillingException e) {
                        // servers keep customers that had accounts: closing them is the removal they allow
                        api.terminateCustomer(iCustomer);
                    }
                }
                api.close();
            }
        } finally {
            stopServer();
        }
    }

    @Test
    void theAppStopsByItselfAndPrintsTheSummary() throws IOException {
        // the app prints absolute paths as its working directory sees them: symbolic links resolved
        Path sync = run.workDir().toRealPath().resolve("sync");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("=== PortaBilling example: run finished (run tag " + tag + ") ===")
                .contains("created   2 customers, 3 accounts (demo" + tag + "01, demo" + tag + "02, demo" + tag + "03)")
                .contains("rejected  2 records")
                .contains("customers/no-currency.json: ", "accounts/blue-cafe-2-same-id.json: Server.Account.duplicate_id")
                .contains("account   demo" + tag + "01")
                .contains(lines(sync.resolve("open-customers.jsonl")).size() + " records -> "
                          + sync.resolve("open-customers.jsonl"))
                .contains(lines(sync.resolve("open-accounts.jsonl")).size() + " records -> "
                          + sync.resolve("open-accounts.jsonl"));
    }

    @Test
    void theOutputNeverShowsTheCredentials() {
        for (String secret : secrets()) {
            assertThat(run.output()).doesNotContain(secret);
        }
    }

    @Test
    void theJavaRouteWroteEveryOpenCustomerOnce() throws IOException {
        List<Map<String, Object>> synced = lines(run.workDir().resolve("sync/open-customers.jsonl"));
        assertThat(ids(synced, "i_customer")).doesNotHaveDuplicates();
        assertThat(synced).allSatisfy(c -> assertThat(c).containsEntry("bill_status", "O"));
        assertThat(synced).extracting(c -> c.get("name")).contains(sampleName("customers/acme-lab.json"),
                sampleName("customers/blue-cafe.json"));
        if (serverIsOnlyOurs()) {
            Map<Long, Map<String, Object>> open = byId(api.customers(Map.of("bill_status", "O")), "i_customer");
            assertThat(ids(synced, "i_customer")).containsExactlyInAnyOrderElementsOf(open.keySet());
            for (Map<String, Object> line : synced) {
                Map<String, Object> onServer = open.get(number(line.get("i_customer")));
                assertThat(line.get("name")).isEqualTo(onServer.get("name"));
                assertThat(line.get("iso_4217")).isEqualTo(onServer.get("iso_4217"));
            }
        }
    }

    @Test
    void theYamlRouteWroteEveryOpenAccountOnce() throws IOException {
        List<Map<String, Object>> synced = lines(run.workDir().resolve("sync/open-accounts.jsonl"));
        assertThat(ids(synced, "i_account")).doesNotHaveDuplicates();
        assertThat(synced).allSatisfy(a -> assertThat(a).containsEntry("bill_status", "O"));
        // the account the lifecycle closed before the sync is not in it; the two others are
        assertThat(synced).extracting(a -> a.get("id"))
                .contains("demo" + tag + "02", "demo" + tag + "03").doesNotContain("demo" + tag + "01");
        if (serverIsOnlyOurs()) {
            Map<Long, Map<String, Object>> open = byId(api.accounts(Map.of("bill_status", "O")), "i_account");
            assertThat(ids(synced, "i_account")).containsExactlyInAnyOrderElementsOf(open.keySet());
            for (Map<String, Object> line : synced) {
                assertThat(line.get("id")).isEqualTo(open.get(number(line.get("i_account"))).get("id"));
            }
        }
    }

    @Test
    void theInboxCustomersExistWithTheFieldsOfTheirFiles() {
        for (String file : List.of("customers/acme-lab.json", "customers/blue-cafe.json")) {
            Map<String, Object> sample = sample(file);
            List<Map<String, Object>> found = exactName(api.customers(Map.of("name", sample.get("name"))), sample.get("name"));
            assertThat(found).as(file).hasSize(1);
            assertThat(found.get(0)).as(file)
                    .containsEntry("iso_4217", sample.get("iso_4217"))
                    .containsEntry("email", sample.get("email"))
                    .containsEntry("companyname", sample.get("companyname"))
                    .containsEntry("bill_status", "O");
        }
        Object rejectedName = sampleName("customers/no-currency.json");
        assertThat(exactName(api.customers(Map.of("name", rejectedName)), rejectedName)).isEmpty();
    }

    @Test
    void theInboxAccountsBelongToTheCustomersTheyName() {
        Map<String, Map<String, Object>> accounts = api.accounts(Map.of("id", "demo" + tag + "%")).stream()
                .collect(Collectors.toMap(a -> (String) a.get("id"), a -> a));
        assertThat(accounts).containsOnlyKeys("demo" + tag + "01", "demo" + tag + "02", "demo" + tag + "03");
        for (String file : List.of("accounts/acme-lab-1.json", "accounts/acme-lab-2.json", "accounts/blue-cafe-1.json")) {
            Map<String, Object> sample = sample(file);
            Map<String, Object> account = accounts.get((String) sample.get("id"));
            Object customerName = sample.get("customer_name");
            long iCustomer = number(exactName(api.customers(Map.of("name", customerName)), customerName).get(0).get("i_customer"));
            assertThat(number(account.get("i_customer"))).as(file).isEqualTo(iCustomer);
            assertThat(number(account.get("i_product"))).as(file).isEqualTo(expectedProduct());
            assertThat(number(account.get("billing_model"))).as(file).isEqualTo(number(sample.get("billing_model")));
            // blue-cafe-1's id is taken by the file itself, not by the rejected blue-cafe-2-same-id
            assertThat(account).as(file)
                    .containsEntry("firstname", sample.get("firstname"))
                    .containsEntry("lastname", sample.get("lastname"))
                    .containsEntry("email", sample.get("email"));
        }
    }

    @Test
    void theLifecycleBlockedAndTerminatedTheFirstAccountOnly() {
        Map<String, Map<String, Object>> accounts = api.accounts(Map.of("id", "demo" + tag + "%")).stream()
                .collect(Collectors.toMap(a -> (String) a.get("id"), a -> a));
        Map<String, Object> closed = api.account(number(accounts.get("demo" + tag + "01").get("i_account")));
        assertThat(closed).containsEntry("bill_status", "C").containsEntry("blocked", "Y");
        for (String open : List.of("demo" + tag + "02", "demo" + tag + "03")) {
            assertThat(accounts.get(open)).as(open).containsEntry("bill_status", "O").containsEntry("blocked", "N");
        }
        assertThat(run.output()).contains("Account demo" + tag + "01 after terminate: bill_status C, blocked Y");
    }

    @Test
    void rejectedRecordsAreInTheErrorFolderWithTheirFault() throws IOException {
        Path error = run.workDir().resolve("error");
        assertThat(Files.readString(error.resolve("customers/no-currency.json")))
                .isEqualTo(sampleText("customers/no-currency.json"));
        Map<String, Object> noCurrency = json(error.resolve("customers/no-currency.error.json"));
        assertThat(noCurrency).containsEntry("file", "customers/no-currency.json")
                .containsEntry("call", "Customer/add_customer");
        assertThat((String) noCurrency.get("faultcode")).isNotBlank();
        assertThat((String) noCurrency.get("faultstring")).isNotBlank();
        if (missingFieldFaultCode() != null) {
            assertThat(noCurrency).containsEntry("faultcode", missingFieldFaultCode());
        }

        assertThat(Files.readString(error.resolve("accounts/blue-cafe-2-same-id.json")))
                .isEqualTo(sampleText("accounts/blue-cafe-2-same-id.json"));
        assertThat(json(error.resolve("accounts/blue-cafe-2-same-id.error.json")))
                .containsEntry("faultcode", "Server.Account.duplicate_id")
                .containsEntry("call", "Account/add_account");

        assertThat(files(error)).containsExactlyInAnyOrder("accounts/blue-cafe-2-same-id.error.json",
                "accounts/blue-cafe-2-same-id.json", "customers/no-currency.error.json", "customers/no-currency.json");
    }

    @Test
    void createdRecordsLeaveTheInboxForTheDoneFolder() throws IOException {
        assertThat(files(run.workDir().resolve("inbox"))).isEmpty();
        assertThat(files(run.workDir().resolve("done"))).containsExactlyInAnyOrder("customers/acme-lab.json",
                "customers/blue-cafe.json", "accounts/acme-lab-1.json", "accounts/acme-lab-2.json",
                "accounts/blue-cafe-1.json");
        assertThat(Files.readString(run.workDir().resolve("done/accounts/acme-lab-1.json")))
                .isEqualTo(sampleText("accounts/acme-lab-1.json"));
    }

    // ---- helpers

    /** What must never be printed: the credentials the app was given. */
    Set<String> secrets() {
        Set<String> secrets = new HashSet<>();
        Stream.of(connection.password(), connection.token()).filter(s -> !s.isEmpty()).forEach(secrets::add);
        return secrets;
    }

    private List<Map<String, Object>> sampleCustomersOnServer() {
        return api.customers(Map.of("name", "%" + tag)).stream()
                .filter(c -> String.valueOf(c.get("name")).endsWith(" " + tag)).toList();
    }

    /** A sample file as the app dropped it for this run tag (the samples are resources of the examples-routes jar). */
    String sampleText(String name) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("samples/" + name)) {
            assertThat(in).as("sample " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@RUN@", tag);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> sample(String name) {
        try {
            return JSON.readValue(sampleText(name), Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Object sampleName(String name) {
        return sample(name).get("name");
    }

    private static List<Map<String, Object>> exactName(List<Map<String, Object>> customers, Object name) {
        return customers.stream().filter(c -> name.equals(c.get("name"))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Path jsonLines) {
        try {
            List<Map<String, Object>> records = new ArrayList<>();
            for (String line : Files.readAllLines(jsonLines)) {
                if (!line.isBlank()) {
                    records.add(JSON.readValue(line, Map.class));
                }
            }
            return records;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + jsonLines, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Map.class);
    }

    /** Paths of the files under dir, relative and with forward slashes. */
    static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static List<Long> ids(List<Map<String, Object>> records, String key) {
        return records.stream().map(r -> number(r.get(key))).toList();
    }

    private static Map<Long, Map<String, Object>> byId(List<Map<String, Object>> records, String key) {
        Map<Long, Map<String, Object>> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.put(number(r.get(key)), r));
        return byId;
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
