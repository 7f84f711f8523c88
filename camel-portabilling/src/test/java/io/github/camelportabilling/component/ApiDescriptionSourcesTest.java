package io.github.camelportabilling.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelportabilling.simulator.Fault;
import io.github.camelportabilling.simulator.PortaBillingSimulator;
import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Where the API description comes from and what happens without one: servers that publish none (404, an HTML page,
 * a Swagger 2 document), a large document read once by many callers at the same time, a classpath copy describing a
 * list that is not paged, the describe command, and bad option values. Each test starts its own simulator and context.
 */
@Timeout(120)
class ApiDescriptionSourcesTest {

    @TempDir
    Path dir;

    private static CamelContext context(PortaBillingSimulator sim, String extra) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        PortaBillingComponent component = new PortaBillingComponent();
        PortaBillingConfiguration c = component.getConfiguration();
        c.setHost(sim.host());
        c.setPort(sim.port());
        c.setUseHttps(false);
        c.setLogin(PortaBillingSimulator.DEMO_LOGIN);
        c.setPassword(PortaBillingSimulator.DEMO_PASSWORD);
        if (extra != null) {
            c.setApiDescription(extra);
        }
        context.addComponent("portabilling", component);
        context.start();
        return context;
    }

    private static Map<String, Object> status(CamelContext context) {
        return ((PortaBillingComponent) context.getComponent("portabilling")).getSessions().iterator().next()
                .getApiDescriptionStatus();
    }

    @Test
    void aServerWithoutADocumentBehavesAsBefore() throws Exception {
        for (PortaBillingSimulator.ApiDescription none : List.of(PortaBillingSimulator.ApiDescription.NONE,
                PortaBillingSimulator.ApiDescription.HTML_PAGE, PortaBillingSimulator.ApiDescription.SWAGGER_2)) {
            try (PortaBillingSimulator sim = PortaBillingSimulator.builder().apiDescription(none).start();
                 CamelContext context = context(sim, null)) {
                long customer = sim.addCustomer(Map.of("name", "No Doc Co", "iso_4217", "USD"));
                var template = context.createProducerTemplate();
                // spec-less: a URI filter stays text, booleans follow the Y/N list
                template.requestBody("portabilling:Account/account?operation=list&validation=fail&filter.i_customer="
                                     + customer, (Object) null);
                assertThat(sim.lastRequest("Account/get_account_list").params()).containsEntry("i_customer",
                        String.valueOf(customer));
                Map<String, Object> fields = new java.util.LinkedHashMap<>(Map.of("id", "nodoc-" + none, "billing_model", 1,
                        "i_product", 1, "i_customer", customer, "blocked", true));
                template.requestBody("portabilling:Account/account?operation=create&validation=fail", fields);
                assertThat(ApiDescriptionTest.info(sim.lastRequest("Account/add_account")))
                        .containsEntry("blocked", "Y");
                // validation=fail refuses nothing without a document: the server answers, as before
                fields.remove("i_product");
                fields.put("id", "nodoc2-" + none);
                assertThatThrownBy(() -> template.requestBody("portabilling:Account/account?operation=create&validation=fail",
                        fields)).cause().hasMessageContaining("missing_mandatory_field");
                assertThat(sim.apiDescriptionRequests()).as("read once").isEqualTo(1);
                assertThat(status(context)).containsEntry("loaded", false);
                assertThat((String) status(context).get("reason")).contains(switch (none) {
                    case NONE -> "HTTP 404";
                    case HTML_PAGE -> "an HTML page";
                    default -> "not an OpenAPI 3.0.x document (swagger 2.0)";
                });
            }
        }
    }

    /** A document over the 64 MB cap, as a file and over HTTP: not read past the cap, no description, calls go on. */
    @Test
    void aDocumentOverTheCapIsRefusedAndCallsGoOn() throws Exception {
        long overCap = io.github.camelportabilling.component.internal.ApiDescriptionSource.MAX_BYTES + 1;
        Path big = dir.resolve("huge.json");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(overCap); // sparse: no 64 MB written
        }
        java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        com.sun.net.httpserver.HttpServer docServer = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        docServer.createContext("/huge.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: the length is not announced
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            try (var out = exchange.getResponseBody()) {
                for (long sent = 0; sent < overCap + (1 << 20); sent += spaces.length) {
                    out.write(spaces);
                    served.addAndGet(spaces.length);
                }
            } catch (java.io.IOException clientGaveUp) {
                // the client stops reading at the cap
            }
        });
        docServer.start();
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().start()) {
            for (String location : List.of("file:" + big, "http://127.0.0.1:" + docServer.getAddress().getPort()
                                                           + "/huge.json")) {
                try (CamelContext context = context(sim, location)) {
                    Object version = context.createProducerTemplate().requestBody(
                            "portabilling:Generic/version?operation=call&method=get_version", (Object) null);
                    assertThat(version).as(location).isInstanceOf(Map.class);
                    assertThat(status(context)).as(location).containsEntry("loaded", false);
                    assertThat((String) status(context).get("reason")).as(location)
                            .contains("longer than " + (overCap - 1) + " bytes");
                }
            }
        } finally {
            docServer.stop(0);
        }
    }

    @Test
    void apiDescriptionNoneNeverAsks() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().start();
             CamelContext context = context(sim, "none")) {
            context.createProducerTemplate().requestBody("portabilling:Generic/version?operation=call&method=get_version",
                    (Object) null);
            assertThat(sim.apiDescriptionRequests()).isZero();
            assertThat(status(context)).containsEntry("reason", "apiDescription=none");
        }
    }

    @Test
    void aLargeDocumentIsReadOnceByCallersArrivingTogether() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().apiDescriptionExtraMethods(1000).demoData()
                .start();
             CamelContext context = context(sim, null)) {
            var template = context.createProducerTemplate();
            List<Exception> failures = SimulatorTestSupport.inParallel(8, 5, () -> {
                try {
                    template.requestBody("portabilling:Account/account?operation=list&pageSize=5&filter.bill_stauts=O", (Object) null);
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            assertThat(failures).isEmpty();
            assertThat(sim.apiDescriptionRequests()).isEqualTo(1);
            Map<String, Object> status = status(context);
            assertThat(status).containsEntry("loaded", true).containsEntry("release", "117.0 (portabilling-simulator)");
            assertThat((Integer) status.get("methods")).isGreaterThanOrEqualTo(1000);
            assertThat((Integer) status.get("schemas")).isGreaterThanOrEqualTo(2000);
            assertThat((Long) status.get("bytes")).isGreaterThan(1_000_000L);
            PortaBillingSession session = ((PortaBillingComponent) context.getComponent("portabilling")).getSessions()
                    .iterator().next();
            assertThat(session.getValidationProblems()).singleElement().satisfies(p -> assertThat(p)
                    .containsEntry("count", 40L).extractingByKey("problem").asString()
                    .contains("field bill_stauts is not in the API description: did you mean bill_status?"));
        }
    }

    /** Account/get_subscriptions as the document describes it: answer key subscriptions, no limit/offset. */
    @Test
    void aListThatIsNotPagedIsReadWholeWithoutResponseKey() throws Exception {
        String answer = "{\"subscriptions\":[{\"i_subscription\":1,\"name\":\"a\"},{\"i_subscription\":2,\"name\":\"b\"},"
                        + "{\"i_subscription\":3,\"name\":\"c\"}]}";
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().start();
             CamelContext context = context(sim, "classpath:api/SubscriptionsInterface.json")) {
            sim.injectFault("Account/get_subscriptions", 1000, Fault.rawAnswer(200, "application/json", answer));
            var template = context.createProducerTemplate();
            String uri = "portabilling:Account/subscription?operation=list&method=get_subscriptions&pageSize=2"
                         + "&validation=fail&filter.i_account=100001";
            List<?> records = template.requestBody(uri, null, List.class);
            assertThat(records).hasSize(3);
            RecordedRequest sent = sim.lastRequest("Account/get_subscriptions");
            assertThat(sent.params()).containsOnlyKeys("i_account").containsEntry("i_account", 100001);
            Iterator<?> all = template.requestBody(uri + "&streamList=true", null, Iterator.class);
            List<Object> walked = new ArrayList<>();
            all.forEachRemaining(walked::add);
            assertThat(walked).hasSize(3);
            assertThat(sim.callCount("Account/get_subscriptions")).isEqualTo(2);

            List<Object> delivered = new CopyOnWriteArrayList<>();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // parallelPages (issue 18): a list read whole is never fetched ahead, one call per cycle still
                    from("portabilling:Account/subscription?method=get_subscriptions&pageSize=2&delay=50"
                         + "&filter.i_account=100001&parallelPages=4").routeId("subs").process(e -> delivered.add(e.getMessage().getBody()));
                }
            });
            await().until(() -> delivered.size() >= 6);
            context.getRouteController().stopRoute("subs");
            // one call per cycle of three records, never a limit or an offset
            assertThat(sim.requests().stream().filter(r -> "Account/get_subscriptions".equals(r.serviceMethod()))
                    .allMatch(r -> !r.params().containsKey("limit") && !r.params().containsKey("offset"))).isTrue();
            long cycles = sim.callCount("Account/get_subscriptions") - 2;
            assertThat(cycles).isBetween((long) delivered.size() / 3, (long) delivered.size() / 3 + 1);
            assertThat(status(context)).containsEntry("location", "classpath:api/SubscriptionsInterface.json");
        }
    }

    @Test
    void theDescribeCommandPrintsWhatAMethodExpects() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().start()) {
            String url = sim.baseUrl() + sim.apiDescriptionPath();
            Out out = new Out();
            assertThat(PortaBillingDescribe.run(new String[] {"Account/add_account", "--api-description=" + url},
                    out.stream)).isZero();
            assertThat(out.text()).contains("release 117.0 (portabilling-simulator)", "Account/add_account", "params:")
                    .containsPattern("account_info +an object \\(AddAccountInfo\\)  required")
                    .containsPattern("\n    billing_model +an integer  required")
                    .containsPattern("\n    blocked +\"Y\" or \"N\"")
                    .containsPattern("  generate_web_password +one of 0, 1 \\(integer\\)")
                    .contains("pages with limit/offset: no", "answer:");
            // offline, from a saved copy; a list; an unknown method
            Path copy = dir.resolve("AdminInterface.json");
            Files.write(copy, sim.apiDescriptionDocument());
            out = new Out();
            assertThat(PortaBillingDescribe.run(new String[] {"Customer/", "--api-description=file:" + copy}, out.stream))
                    .isZero();
            assertThat(out.text()).contains("  Customer/add_customer", "  Customer/update_customer")
                    .doesNotContain("Account/");
            out = new Out();
            assertThat(PortaBillingDescribe.run(new String[] {"Account/get_acount_info", "--server=" + sim.baseUrl()},
                    out.stream)).isEqualTo(1);
            assertThat(out.text()).contains("did you mean Account/get_account_info or");
            out = new Out();
            assertThat(PortaBillingDescribe.run(new String[] {"--api-description=ftp://x"}, out.stream)).isEqualTo(2);
            assertThat(out.text()).contains("Invalid value 'ftp://x' for option apiDescription");
        }
    }

    @Test
    void badOptionValuesAreRefusedWithWhatIsExpected() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().start();
             CamelContext context = context(sim, null)) {
            assertThatThrownBy(() -> context.getEndpoint("portabilling:Account/account?apiDescription=ftp://host/x.json"))
                    .hasStackTraceContaining("Invalid value 'ftp://host/x.json' for option apiDescription: expected auto,"
                                             + " none, or an http:, https:, file: or classpath: location");
            assertThatThrownBy(() -> context.getEndpoint("portabilling:Account/account?validation=strict"))
                    .hasStackTraceContaining("Invalid value 'strict' for option validation: expected one of off, warn, fail");
        }
    }

    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
