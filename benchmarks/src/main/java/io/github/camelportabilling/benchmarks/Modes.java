package io.github.camelportabilling.benchmarks;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/**
 * The four modes for one caller count, each with its own connection pool of that size: one Camel context (the
 * component's session and the hand-written routes' pools) and one raw client. Every Camel mode is entered through a
 * {@code direct:} route with a pre-resolved endpoint, so they pay the same template and exchange overhead.
 */
final class Modes implements AutoCloseable {

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final RawHttpClient raw;
    private final AccountRequests requests;
    private final Map<ProducerOp, URI> rawUris = new EnumMap<>(ProducerOp.class);

    Modes(PortaBillingSimulator simulator, int callers, AccountRequests requests) throws Exception {
        this.requests = requests;
        this.raw = new RawHttpClient(simulator.baseUrl(), callers)
                .login(PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD);
        for (ProducerOp op : ProducerOp.values()) {
            rawUris.put(op, raw.uri(op.serviceMethod));
        }
        this.camel = CamelContexts.withComponent(simulator.host(), simulator.port(), callers);
        camel.addRoutes(new ComponentRoutes());
        // the hand-written routes log in once too (their own session), as their authors would
        String token;
        try (RawHttpClient login = new RawHttpClient(simulator.baseUrl(), 1)) {
            token = login.login(PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD).accessToken();
        }
        camel.addRoutes(new HandWrittenRoutes(simulator.baseUrl(), token, callers));
        camel.start();
        this.template = camel.createProducerTemplate();
    }

    ApiCall call(Mode mode, ProducerOp op) {
        return switch (mode) {
            case COMPONENT -> componentCall(op);
            case RAW -> rawCall(op);
            case NAIVE, TUNED -> handWrittenCall(camel.getEndpoint(HandWrittenRoutes.endpoint(mode, op)), op);
        };
    }

    private ApiCall componentCall(ProducerOp op) {
        if (op == ProducerOp.GET) {
            Endpoint get = camel.getEndpoint(ComponentRoutes.GET);
            return (caller, n) -> requireKey(template.requestBody(get, requests.accountToGet(caller, n)), "i_account");
        }
        Endpoint create = camel.getEndpoint(ComponentRoutes.CREATE);
        return (caller, n) -> requireKey(template.requestBody(create, requests.newAccount()), "i_account");
    }

    private ApiCall rawCall(ProducerOp op) {
        URI uri = rawUris.get(op);
        if (op == ProducerOp.GET) {
            return (caller, n) -> requireKey(raw.call(uri, Map.of("i_account", requests.accountToGet(caller, n))),
                    "account_info");
        }
        return (caller, n) -> requireKey(raw.call(uri, Map.of("account_info", requests.newAccount())), "i_account");
    }

    private ApiCall handWrittenCall(Endpoint route, ProducerOp op) {
        if (op == ProducerOp.GET) {
            return (caller, n) -> requireKey(template.requestBody(route,
                    Map.of("params", Map.of("i_account", requests.accountToGet(caller, n)))), "account_info");
        }
        return (caller, n) -> requireKey(template.requestBody(route,
                Map.of("params", Map.of("account_info", requests.newAccount()))), "i_account");
    }

    /** The same cheap check in every mode: the answer is the one asked for, not an empty or error body. */
    private static void requireKey(Object answer, String key) {
        if (!(answer instanceof Map<?, ?> map) || map.get(key) == null) {
            throw new IllegalStateException("unexpected answer without " + key + ": "
                                            + (answer == null ? "null" : answer.getClass().getSimpleName()));
        }
    }

    @Override
    public void close() {
        template.stop();
        camel.stop();
        raw.close();
    }
}
