package io.github.camelportabilling.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adoc's examples ({@code [source,java|yaml,id=example-<name>-<dsl>]}) run against the simulator, in both DSLs, with
 * the component's dependencies alone (this class runs in the surefire execution without camel-bean, plus
 * camel-yaml-dsl). The YAML examples are read from the adoc itself; the Java ones must be in {@link DocsExampleRoutes}
 * verbatim.
 */
class DocsExamplesWithoutCamelBeanTest extends SimulatorTestSupport {

    private static final Path ADOC = Path.of("src/main/docs/portabilling-component.adoc");
    private static final Path JAVA_ROUTES = Path.of(
            "src/test/java/io/github/camelportabilling/component/DocsExampleRoutes.java");
    private static final Pattern EXAMPLE = Pattern.compile(
            "\\[source,(java|yaml),id=example-([a-z]+)-(?:java|yaml)]\\n----\\n(.*?)\\n----\\n", Pattern.DOTALL);
    private static final List<String> OPERATIONS = List.of("create", "get", "list", "update", "delete", "terminate",
            "call");

    @Override
    protected boolean useJmx() {
        return false;
    }

    /** name to snippet, for one DSL, in the adoc's order. */
    private static Map<String, String> examples(String dsl) throws Exception {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(Files.readString(ADOC));
        while (m.find()) {
            if (m.group(1).equals(dsl)) {
                assertThat(examples.put(m.group(2), m.group(3))).as("example " + m.group(2) + " twice").isNull();
            }
        }
        return examples;
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").strip();
    }

    private void addRoutes(String dsl, boolean consumer) throws Exception {
        if (dsl.equals("java")) {
            context.addRoutes(consumer ? DocsExampleRoutes.consumer() : DocsExampleRoutes.operations());
            return;
        }
        List<String> yaml = new ArrayList<>();
        examples("yaml").forEach((name, snippet) -> {
            if (name.equals("consumer") == consumer) {
                yaml.add(snippet);
            }
        });
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("docs-examples.yaml",
                String.join("\n", yaml)));
    }

    @Test
    void camelBeanIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.camel.language.bean.BeanLanguage"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void everyOperationHasAJavaAndAYamlExampleAndTheJavaOnesAreTheOnesRunHere() throws Exception {
        List<String> expected = new ArrayList<>(OPERATIONS);
        expected.add("consumer");
        assertThat(examples("java").keySet()).containsAll(expected);
        assertThat(examples("yaml").keySet()).containsAll(expected);
        String routes = normalized(Files.readString(JAVA_ROUTES));
        examples("java").forEach((name, snippet) -> {
            if (expected.contains(name)) {
                assertThat(routes).as("the adoc's Java example '" + name + "' in DocsExampleRoutes")
                        .contains(normalized(snippet));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void theOperationExamplesDoWhatTheyDocument(String dsl) throws Exception {
        addRoutes(dsl, false);

        // create: the new id in the header, the record on the server
        String name = "Docs Co " + dsl + System.nanoTime();
        Exchange created = template.request("direct:newCustomer",
                e -> e.getMessage().setBody(Map.of("name", name, "iso_4217", "USD")));
        assertThat(created.getException()).isNull();
        Long iCustomer = created.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        assertThat(simulator.customer(iCustomer)).containsEntry("name", name);
        assertThat(created.getMessage().getBody(Map.class)).containsEntry("i_customer", iCustomer.intValue());

        long open1 = newAccount(iCustomer, "docs-" + dsl + "-1-" + System.nanoTime());
        long open2 = newAccount(iCustomer, "docs-" + dsl + "-2-" + System.nanoTime());
        long closed = newAccount(iCustomer, "docs-" + dsl + "-3-" + System.nanoTime());
        simulator.updateAccount(closed, Map.of("bill_status", "C"));

        // get: the record, found or not
        Exchange got = template.request("direct:account", e -> e.getMessage().setBody(open1));
        assertThat(got.getMessage().getBody(Map.class)).containsEntry("i_account", (int) open1);
        assertThat(got.getMessage().getHeader(PortaBillingConstants.FOUND)).isEqualTo(true);
        Exchange missing = template.request("direct:account", e -> e.getMessage().setBody(987654321L));
        assertThat(missing.getException()).isNull();
        assertThat(missing.getMessage().getBody()).isNull();
        assertThat(missing.getMessage().getHeader(PortaBillingConstants.FOUND)).isEqualTo(false);

        // list: one page of the open accounts of the customer, with the total; the limit header and filter sent
        Exchange listed = template.request("direct:openAccountsOfCustomer",
                e -> e.getMessage().setBody(Map.of("i_customer", iCustomer)));
        List<Map<String, Object>> page = listed.getMessage().getBody(List.class);
        assertThat(page).extracting(r -> ((Number) r.get("i_account")).longValue()).containsExactlyInAnyOrder(open1, open2);
        assertThat(listed.getMessage().getHeader(PortaBillingConstants.TOTAL, Long.class)).isEqualTo(2L);
        RecordedRequest listCall = simulator.lastRequest("Account/get_account_list");
        assertThat(listCall.params()).containsEntry("limit", 50).containsEntry("bill_status", "O")
                .containsEntry("get_total", 1);

        // update: a Java boolean of a Y/N field goes as "Y"
        Exchange blocked = template.request("direct:blockAccount",
                e -> e.getMessage().setBody(Map.of("i_account", open1, "blocked", true)));
        assertThat(blocked.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(open1);
        assertThat(simulator.account(open1)).containsEntry("blocked", "Y");

        // terminate: closed, still readable
        Exchange terminated = template.request("direct:closeAccount", e -> e.getMessage().setBody(open2));
        assertThat(terminated.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(open2);
        assertThat(simulator.account(open2)).containsEntry("bill_status", "C");

        // call: the whole answer of a method outside the conventions
        simulator.addSubscription(open1, Map.of("i_subscription", 501, "name", "Docs plan"));
        Exchange subscriptions = template.request("direct:subscriptions",
                e -> e.getMessage().setBody(Map.of("i_account", open1)));
        assertThat((List<?>) subscriptions.getMessage().getBody(Map.class).get("subscriptions")).hasSize(1);

        // delete: the answer map and the id sent
        long doomed = newCustomer("Docs Doomed " + dsl + System.nanoTime());
        Exchange deleted = template.request("direct:deleteCustomer", e -> e.getMessage().setBody(doomed));
        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getHeader(PortaBillingConstants.ID)).isEqualTo(doomed);
        assertThat(deleted.getMessage().getBody(Map.class)).containsEntry("success", 1);
        assertThat(simulator.customer(doomed)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml" })
    void theConsumerExampleDeliversEveryOpenCustomerOnce(String dsl) throws Exception {
        String tag = "Docs Consumer " + dsl + System.nanoTime();
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(newCustomer(tag + " " + i));
        }
        long closed = newCustomer(tag + " closed");
        simulator.updateCustomer(closed, Map.of("bill_status", "C"));
        MockEndpoint crm = getMockEndpoint("mock:crm");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a Java predicate: Simple's ${body[name]} would need camel-bean
                from("direct:crm").filter(e -> e.getMessage().getBody(Map.class).get("name").toString().startsWith(tag))
                        .to("mock:crm");
            }
        });
        crm.expectedMessageCount(3);
        addRoutes(dsl, true);
        crm.assertIsSatisfied(30_000);
        assertThat(crm.getExchanges()).extracting(e -> e.getMessage().getHeader(PortaBillingConstants.ID, Long.class))
                .containsExactlyInAnyOrderElementsOf(open);
        assertThat(simulator.lastRequest("Customer/get_customer_list").params()).containsEntry("bill_status", "O");
    }
}
