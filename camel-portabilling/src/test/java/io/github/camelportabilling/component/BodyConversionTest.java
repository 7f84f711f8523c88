package io.github.camelportabilling.component;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bodies are read through Camel's type converters: a file: route into create sends the file's JSON (never the file's
 * path and metadata), and every kind of content Camel hands a producer is read as JSON.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BodyConversionTest extends SimulatorTestSupport {

    @TempDir
    static Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("inbox") + "?initialDelay=0&delay=50&move=.done&moveFailed=.failed")
                        .to("portabilling:Customer/customer?operation=create")
                        .to("mock:created");
                from("file:" + dir.resolve("latin1") + "?initialDelay=0&delay=50&move=.done&charset=ISO-8859-1")
                        .to("portabilling:Customer/customer?operation=create")
                        .to("mock:created");
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sentCustomer() {
        return (Map<String, Object>) simulator.lastRequest("Customer/add_customer").params().get("customer_info");
    }

    @Test
    void aFileRouteIntoCreateSendsTheFilesJson() throws Exception {
        MockEndpoint created = getMockEndpoint("mock:created");
        created.expectedMessageCount(1);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));

        Files.writeString(inbox.resolve("acme.json"), "{\"name\": \"File Route Co\", \"iso_4217\": \"EUR\"}");

        created.assertIsSatisfied(30_000);
        assertThat(sentCustomer()).containsOnlyKeys("name", "iso_4217").containsEntry("name", "File Route Co");
        assertThat(simulator.lastRequest("Customer/add_customer").body()).doesNotContain("acme.json", "absolute", inbox.toString());
        long id = created.getExchanges().get(0).getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        assertThat(simulator.customer(id)).containsEntry("name", "File Route Co").containsEntry("iso_4217", "EUR");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done/acme.json")));
    }

    @Test
    void aFileInADeclaredCharsetIsDecodedWithIt() throws Exception {
        MockEndpoint created = getMockEndpoint("mock:created");
        created.expectedMessageCount(1);
        Path latin1 = Files.createDirectories(dir.resolve("latin1"));

        Files.write(latin1.resolve("mueller.json"),
                "{\"name\": \"M\u00fcller GmbH\", \"iso_4217\": \"EUR\"}".getBytes(StandardCharsets.ISO_8859_1));

        created.assertIsSatisfied(30_000);
        assertThat(sentCustomer()).containsEntry("name", "M\u00fcller GmbH");
    }

    @Test
    void everyKindOfJsonContentIsRead() throws Exception {
        String json = "{\"name\": \"Content K\u00f6ln\", \"iso_4217\": \"USD\"}";
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("content.json"), json, StandardCharsets.UTF_8);
        List<Object> bodies = List.of(json, utf8, new ByteArrayInputStream(utf8), new StringReader(json),
                new InputStreamCache(utf8), file.toFile(), file, ByteBuffer.wrap(utf8));

        for (Object body : bodies) {
            simulator.clearRequests();
            Exchange out = template.send("portabilling:Customer/customer?operation=create",
                    e -> e.getMessage().setBody(body));

            assertThat(out.getException()).as(body.getClass().getName()).isNull();
            assertThat(sentCustomer()).as(body.getClass().getName()).containsOnlyKeys("name", "iso_4217")
                    .containsEntry("name", "Content K\u00f6ln");
        }
        assertThat(new File(file.toString())).exists();
    }
}
