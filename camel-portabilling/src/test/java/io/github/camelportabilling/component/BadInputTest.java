package io.github.camelportabilling.component;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad URIs, options, bodies, headers and credentials: each one is refused before any API call with a message that
 * names the problem.
 */
class BadInputTest extends SimulatorTestSupport {

    private static final String GET = "portabilling:Account/account?operation=get";

    /** One bad input and how it is tried. */
    @FunctionalInterface
    interface Attempt {
        Throwable run(BadInputTest test) throws Exception;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // a component with the server but no credentials, for the missing-credential cases
        PortaBillingComponent bare = new PortaBillingComponent();
        bare.getConfiguration().setHost(simulator.host());
        bare.getConfiguration().setPort(simulator.port());
        bare.getConfiguration().setUseHttps(false);
        context.addComponent("pbbare", bare);
        return context;
    }

    static Attempt uri(String uri) {
        return test -> {
            try {
                test.context.getEndpoint(uri).createProducer().start();
                return null;
            } catch (Exception e) {
                return e;
            }
        };
    }

    static Attempt send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    static Attempt send(String uri, Object body, Map<String, Object> headers) {
        return test -> {
            try {
                Exchange out = test.template.send(uri, e -> {
                    e.getMessage().setBody(body);
                    e.getMessage().getHeaders().putAll(headers);
                });
                return out.getException();
            } catch (Exception e) {
                return e;
            }
        };
    }

    static Arguments bad(String what, Attempt attempt, String... expected) {
        return Arguments.of(what, attempt, List.of(expected));
    }

    public static class Unserializable {
        public Object getSelf() {
            return this;
        }
    }

    static Stream<Arguments> badInputs() {
        Map<Object, Object> intKeys = new HashMap<>();
        intKeys.put(1, "x");
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        return Stream.of(
                // the URI path
                bad("no record type", uri("portabilling:Account"), "expected portabilling:<Service>/<recordType>",
                        "'Account'"),
                bad("empty record type", uri("portabilling:Account/"), "expected portabilling:<Service>/<recordType>"),
                bad("empty service", uri("portabilling:/account"), "expected portabilling:<Service>/<recordType>"),
                bad("three path segments", uri("portabilling:Account/account/extra"), "'Account/account/extra'"),
                bad("service with a dash", uri("portabilling:Acc-ount/account?operation=get"), "service", "Acc-ount"),
                bad("record type with a dot", uri("portabilling:Account/acc.ount?operation=get"), "record type",
                        "acc.ount"),
                // options
                bad("unknown operation", uri("portabilling:Account/account?operation=fetch"),
                        "Invalid value 'fetch' for option operation", "create, get, list, update, delete, terminate, call"),
                bad("call without method", uri("portabilling:Account/account?operation=call"), "operation=call",
                        "method"),
                bad("method with a slash", uri(GET + "&method=../admin"), "method", "../admin"),
                bad("method with a space", uri(GET + "&method=get%20account"), "method"),
                bad("zero page size", uri(GET + "&pageSize=0"), "Invalid value '0' for option pageSize", "whole number > 0"),
                bad("page size not a number", uri(GET + "&pageSize=ten"), "Invalid value 'ten' for option pageSize",
                        "whole number > 0"),
                bad("page size with a unit", uri(GET + "&pageSize=100k"), "Invalid value '100k' for option pageSize"),
                bad("unknown realm", uri(GET + "&realm=superuser"), "Invalid value 'superuser' for option realm",
                        "admin, reseller, customer, account"),
                bad("unknown consumer mode", uri(GET + "&mode=sometimes"), "Invalid value 'sometimes' for option mode",
                        "full, incremental"),
                bad("unknown poison record action", uri(GET + "&poisonRecordAction=ignore"),
                        "Invalid value 'ignore' for option poisonRecordAction", "skip, stop"),
                bad("useHttps not a boolean", uri(GET + "&useHttps=maybe"), "useHttps", "maybe"),
                bad("retryBackoff not a duration", uri(GET + "&retryBackoff=soon"), "Invalid value 'soon' for option retryBackoff",
                        "duration"),
                bad("connectTimeout not a duration", uri(GET + "&connectTimeout=abc"),
                        "Invalid value 'abc' for option connectTimeout", "10s"),
                bad("connectTimeout with an upper-case unit Camel would read as 0", uri(GET + "&connectTimeout=10S"),
                        "Invalid value '10S' for option connectTimeout"),
                bad("negative responseTimeout duration", uri(GET + "&responseTimeout=-5s"),
                        "Invalid value '-5s' for option responseTimeout", "duration > 0"),
                bad("maxRetryAfter not a duration", uri(GET + "&maxRetryAfter=forever"),
                        "Invalid value 'forever' for option maxRetryAfter"),
                bad("maxConnections not a number", uri(GET + "&maxConnections=many"),
                        "Invalid value 'many' for option maxConnections"),
                bad("unknown option", uri(GET + "&pageSzie=10"), "pageSzie"),
                bad("filter name with a dash", uri(GET + "&filter.bill-status=O"), "filter", "bill-status"),
                bad("session bean that does not exist", uri(GET + "&session=#nope"), "nope"),
                bad("state repository that does not exist", uri(GET + "&stateRepository=#nostore"), "nostore"),
                bad("port out of range", uri(GET + "&port=70000"), "Invalid value '70000' for option port", "0 to 65535"),
                bad("negative port", uri(GET + "&port=-1"), "Invalid value '-1' for option port"),
                bad("zero connect timeout", uri(GET + "&connectTimeout=0"), "Invalid value '0' for option connectTimeout"),
                bad("negative response timeout", uri(GET + "&responseTimeout=-5"), "Invalid value '-5' for option responseTimeout"),
                bad("zero max connections", uri(GET + "&maxConnections=0"), "Invalid value '0' for option maxConnections"),
                bad("negative max retries", uri(GET + "&maxRetries=-1"), "Invalid value '-1' for option maxRetries",
                        "whole number >= 0"),
                bad("host with a scheme", uri(GET + "&host=https://billing.example.com"), "host", "bare host name"),
                bad("host with a port", uri(GET + "&host=billing.example.com:8443"), "host", "bare host name"),
                // credentials
                bad("no host", uri("pbbare:Account/account?operation=get&host=&login=a&password=b"), "host is required"),
                bad("no login", uri("pbbare:Account/account?operation=get&password=b"), "login is required"),
                bad("neither password nor token", uri("pbbare:Account/account?operation=get&login=a"),
                        "a password or a token is required"),
                bad("both password and token", uri("pbbare:Account/account?operation=get&login=a&password=b&token=c"),
                        "either password or token"),
                // bodies
                bad("list with a JSON array", send("portabilling:Account/account?operation=list", "[1,2]"),
                        "JSON object", "array"),
                bad("get without a body", send(GET, null), "i_account"),
                bad("create with broken JSON", send("portabilling:Account/account?operation=create", "{\"id\": "),
                        "not valid JSON"),
                bad("create with a number", send("portabilling:Account/account?operation=create", 42), "number body",
                        "create"),
                bad("get with a boolean", send(GET, Boolean.TRUE), "Boolean"),
                bad("create with a list", send("portabilling:Account/account?operation=create", List.of(1, 2)),
                        "JSON object", "List"),
                bad("create without a body", send("portabilling:Account/account?operation=create", null),
                        "needs the record"),
                bad("create with a blank body", send("portabilling:Account/account?operation=create", "   "),
                        "needs the record"),
                bad("params with a non-string key", send("portabilling:Account/account?operation=list", intKeys),
                        "Param names must be strings", "Integer"),
                bad("a POJO Jackson cannot write", send("portabilling:Account/account?operation=create",
                        new Unserializable()), "Unserializable", "Jackson"),
                bad("a stream that cannot be read", send("portabilling:Account/account?operation=create", broken),
                        "Cannot read the message body", "disk gone"),
                // headers
                bad("unknown operation header", send(GET, 1, Map.of(PortaBillingConstants.OPERATION, "fetch")),
                        PortaBillingConstants.OPERATION, "fetch", "create"),
                bad("method header with a slash", send(GET, 1, Map.of(PortaBillingConstants.METHOD, "a/b")),
                        PortaBillingConstants.METHOD, "a/b"),
                bad("limit header not a number",
                        send("portabilling:Account/account?operation=list", null,
                                Map.of(PortaBillingConstants.LIMIT, "lots")),
                        PortaBillingConstants.LIMIT, "lots"),
                bad("offset header not a number",
                        send("portabilling:Account/account?operation=list", null,
                                Map.of(PortaBillingConstants.OFFSET, "start")),
                        PortaBillingConstants.OFFSET, "start"),
                bad("no operation at all", send("portabilling:Account/account", Map.of()), "operation",
                        PortaBillingConstants.OPERATION),
                bad("call without a method header or option",
                        send("portabilling:Account/account?operation=get", Map.of(),
                                Map.of(PortaBillingConstants.OPERATION, "call")),
                        "operation=call", "method"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithAMessageNamingTheProblem(String what, Attempt attempt, List<String> expected) throws Exception {
        Throwable failure = attempt.run(this);

        assertThat(failure).as(what + " must fail").isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        for (String fragment : expected) {
            assertThat(messages.toString()).as(what).contains(fragment);
        }
        assertThat(simulator.totalCallCount()).as(what + ": no API call").isZero();
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastFortyCases() {
        assertThat(badInputs().count()).isGreaterThanOrEqualTo(40);
    }
}
