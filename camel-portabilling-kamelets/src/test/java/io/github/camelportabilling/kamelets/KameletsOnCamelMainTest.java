package io.github.camelportabilling.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.PortaBillingConstants;
import io.github.camelportabilling.component.PortaBillingException;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StreamCache;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets of this jar loaded the way Camel Main loads them: YAML DSL routes and a Pipe found through
 * camel.main.routes-include-pattern that name kamelet:portabilling-*, the Kamelets read by camel-kamelet from
 * classpath:kamelets. One Camel Main and one simulator for all; assertions on what the simulator received and holds.
 */
@Timeout(120)
class KameletsOnCamelMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPECIAL_PASSWORD = "S3cr+t&%pa(ss)w0rd";

    private static PortaBillingSimulator simulator;
    private static Main main;
    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        simulator = PortaBillingSimulator.builder().demoData()
                .user(PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD)
                .apiToken(PortaBillingSimulator.DEMO_TOKEN_LOGIN, PortaBillingSimulator.DEMO_API_TOKEN)
                .user("special", SPECIAL_PASSWORD)
                .start();
        main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern",
                "classpath:routes/*.yaml,file:" + writePipe("open-accounts-pipe.yaml"));
        main.addInitialProperty("camel.component.kamelet.location", "classpath:kamelets");
        main.addInitialProperty("sim.host", simulator.host());
        main.addInitialProperty("sim.port", String.valueOf(simulator.port()));
        main.addInitialProperty("sim.login", PortaBillingSimulator.DEMO_LOGIN);
        main.addInitialProperty("sim.password", PortaBillingSimulator.DEMO_PASSWORD);
        main.addInitialProperty("sim.special-password", SPECIAL_PASSWORD);
        main.addInitialProperty("sim.token-login", PortaBillingSimulator.DEMO_TOKEN_LOGIN);
        main.addInitialProperty("sim.token", PortaBillingSimulator.DEMO_API_TOKEN);
        main.start();
        camel = main.getCamelContext();
        template = camel.createProducerTemplate();
    }

    /** The Pipe of test resources pipes/ with the simulator's address and demo login, in target/. */
    private static Path writePipe(String name) throws IOException {
        String text;
        try (InputStream in = KameletsOnCamelMainTest.class.getClassLoader().getResourceAsStream("pipes/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Path.of("target", "kamelet-test-pipes", name).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace("@SIM_HOST@", simulator.host())
                .replace("@SIM_PORT@", String.valueOf(simulator.port()))
                .replace("@SIM_LOGIN@", PortaBillingSimulator.DEMO_LOGIN)
                .replace("@SIM_PASSWORD@", PortaBillingSimulator.DEMO_PASSWORD));
        return file;
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void sourceDeliversEveryMatchingRecordOnceAsJson() throws Exception {
        assertThat(matchingCustomers()).hasSizeGreaterThan(4); // more than one page of 4

        MockEndpoint mock = camel.getEndpoint("mock:open-customers", MockEndpoint.class);
        // incremental mode: customers the other tests create arrive too, so compare with what the simulator holds now
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveredIds(mock)).containsExactlyInAnyOrderElementsOf(matchingCustomers()));

        for (Exchange e : mock.getExchanges()) {
            Map<String, Object> record = JSON.readValue(bodyText(e), Map.class);
            long id = ((Number) record.get("i_customer")).longValue();
            assertThat(record).isEqualTo(JSON.convertValue(simulator.customer(id), Map.class));
            assertThat(e.getMessage().getHeader(PortaBillingConstants.ID, Long.class)).isEqualTo(id);
            assertThat(e.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        }

        // both filters of the property reached the server, on every page (the other source route sends no name)
        List<RecordedRequest> lists = simulator.requests().stream()
                .filter(r -> "Customer/get_customer_list".equals(r.serviceMethod()))
                .filter(r -> r.params().containsKey("name")).toList();
        assertThat(lists).hasSizeGreaterThan(1);
        lists.forEach(r -> assertThat(r.params()).containsEntry("bill_status", "O").containsEntry("name", "%o%"));
    }

    /** What the source's filter bill_status=O;name=%o% selects (the name LIKE is case-insensitive). */
    private static Set<Long> matchingCustomers() {
        Set<Long> ids = new TreeSet<>();
        for (long id = 1; id <= simulator.customerCount(); id++) { // i_customer 1, 2, ...: none is deleted here
            Map<String, Object> c = simulator.customer(id);
            if ("O".equals(c.get("bill_status")) && c.get("name").toString().toLowerCase().contains("o")) {
                ids.add(id);
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> deliveredIds(MockEndpoint mock) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (Exchange e : mock.getExchanges()) {
            ids.add(((Number) JSON.readValue(bodyText(e), Map.class).get("i_customer")).longValue());
        }
        return ids;
    }

    /** The JSON text of a message; Camel holds it in its stream cache, which is rewound for the next reader. */
    private static String bodyText(Exchange e) {
        StreamCache cache = e.getMessage().getBody(StreamCache.class);
        String text = e.getMessage().getBody(String.class);
        if (cache != null) {
            cache.reset();
        }
        return text;
    }

    @Test
    @SuppressWarnings("unchecked")
    void sinkCreatesAndUpdatesFromTheJsonBody() {
        Exchange created = template.request("direct:create-customer", e -> {
            e.getMessage().setBody("{\"name\": \"Kamelet Creamery\", \"iso_4217\": \"EUR\"}");
            // a header from upstream does not change what the sink does
            e.getMessage().setHeader(PortaBillingConstants.OPERATION, "delete");
        });

        assertThat(created.getException()).isNull();
        RecordedRequest add = simulator.lastRequest("Customer/add_customer");
        assertThat(add).isNotNull();
        assertThat((Map<String, Object>) add.params().get("customer_info"))
                .containsEntry("name", "Kamelet Creamery").containsEntry("iso_4217", "EUR");
        assertThat(simulator.callCount("Customer/delete_customer")).isZero();
        long id = created.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        assertThat(simulator.customer(id)).containsEntry("name", "Kamelet Creamery");

        Exchange updated = template.request("direct:update-customer", e -> e.getMessage()
                .setBody("{\"i_customer\": " + id + ", \"email\": \"billing@creamery.example\"}"));

        assertThat(updated.getException()).isNull();
        RecordedRequest update = simulator.lastRequest("Customer/update_customer");
        assertThat((Map<String, Object>) update.params().get("customer_info"))
                .containsEntry("i_customer", (int) id).containsEntry("email", "billing@creamery.example");
        assertThat(update.bearerToken()).isNotBlank();
        assertThat(simulator.customer(id)).containsEntry("email", "billing@creamery.example");
    }

    @Test
    void aPasswordWithUriCharactersReachesTheServerUnchanged() {
        Exchange created = template.request("direct:create-customer-special-password",
                e -> e.getMessage().setBody("{\"name\": \"Special Chars Ltd\", \"iso_4217\": \"GBP\"}"));

        assertThat(created.getException()).isNull();
        RecordedRequest login = simulator.requests().stream()
                .filter(r -> "Session/login".equals(r.serviceMethod()) && "special".equals(r.params().get("login")))
                .findFirst().orElseThrow();
        assertThat(login.params()).containsEntry("password", SPECIAL_PASSWORD);
    }

    @Test
    void sinkFailsTheMessageWithTheApiFaultOfARejectedRecord() {
        // no currency: the simulator, as the API, rejects the record
        Exchange rejected = template.request("direct:create-customer",
                e -> e.getMessage().setBody("{\"name\": \"No Currency Ltd\"}"));

        assertThat(rejected.getException()).isInstanceOf(PortaBillingException.class);
        assertThat(((PortaBillingException) rejected.getException()).getFaultCode()).isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void actionCallsTheMethodWithTheBodyAsParamsAndAnswersJson() throws Exception {
        Exchange answered = template.request("direct:get-account",
                e -> e.getMessage().setBody("{\"i_account\": 100001}"));

        assertThat(answered.getException()).isNull();
        assertThat(simulator.lastRequest("Account/get_account_info").params()).isEqualTo(Map.of("i_account", 100001));
        Map<String, Object> answer = JSON.readValue(answered.getMessage().getBody(byte[].class), Map.class);
        assertThat(answer).containsOnlyKeys("account_info");
        assertThat((Map<String, Object>) answer.get("account_info"))
                .containsEntry("i_account", 100001).containsEntry("id", simulator.account(100001).get("id"));
        assertThat(answered.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPipeFromTheSourceDeliversTheFilteredAccounts() throws Exception {
        Set<Long> expected = new TreeSet<>();
        for (long id = 100_001; id <= 100_060; id++) { // the demo accounts
            Map<String, Object> a = simulator.account(id);
            if ("O".equals(a.get("bill_status")) && ((Number) a.get("i_customer")).longValue() == 1) {
                expected.add(id);
            }
        }
        assertThat(expected).isNotEmpty();

        MockEndpoint mock = camel.getEndpoint("mock:pipe-accounts", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mock.getReceivedCounter() >= expected.size());

        List<Long> delivered = new ArrayList<>();
        for (Exchange e : mock.getExchanges()) {
            delivered.add(((Number) JSON.readValue(bodyText(e), Map.class).get("i_account")).longValue());
        }
        // full mode: every cycle (100 ms apart here) delivers the list again, each record once per cycle
        assertThat(delivered.subList(0, expected.size())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(new TreeSet<>(delivered)).isEqualTo(expected);
        // the Pipe's own calls: another route of this context lists accounts too, by i_customer alone
        List<Map<String, Object>> pipeCalls = simulator.requests().stream()
                .filter(r -> r.serviceMethod().equals("Account/get_account_list") && r.params().containsKey("bill_status"))
                .map(r -> r.params()).toList();
        assertThat(pipeCalls).isNotEmpty();
        assertThat(pipeCalls.get(pipeCalls.size() - 1))
                .containsEntry("bill_status", "O")
                // a filter is text in the Pipe; the server's API description types i_customer, so it goes as a number
                .containsEntry("i_customer", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSourceFeedsTheActionAsInTheDocs() throws Exception {
        MockEndpoint mock = camel.getEndpoint("mock:accounts-of-open-customers", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mock.getReceivedCounter() >= 5);

        for (Exchange e : mock.getExchanges().subList(0, 5)) {
            // the record's id survives the action, and the answer is the accounts of that customer
            long iCustomer = e.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
            assertThat(simulator.customer(iCustomer)).containsEntry("bill_status", "O");
            Map<String, Object> answer = JSON.readValue(bodyText(e), Map.class);
            List<Map<String, Object>> accounts = (List<Map<String, Object>>) answer.get("account_list");
            assertThat(accounts).isNotEmpty().allSatisfy(
                    a -> assertThat(((Number) a.get("i_customer")).longValue()).isEqualTo(iCustomer));
        }
        assertThat(simulator.requests().stream()
                .filter(r -> "Account/get_account_list".equals(r.serviceMethod()))
                .filter(r -> r.params().containsKey("i_customer")).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void allKameletsShareOneSessionPerLogin() {
        template.request("direct:get-account", e -> e.getMessage().setBody("{\"i_account\": 100002}"));
        template.request("direct:create-customer",
                e -> e.getMessage().setBody("{\"name\": \"Shared Session Ltd\", \"iso_4217\": \"USD\"}"));

        // the source, the create sink and the action log in as demo once between them (the update sink uses a token)
        long passwordLogins = simulator.requests().stream()
                .filter(r -> "Session/login".equals(r.serviceMethod()))
                .filter(r -> PortaBillingSimulator.DEMO_LOGIN.equals(r.params().get("login"))).count();
        assertThat(passwordLogins).isEqualTo(1);
    }
}
