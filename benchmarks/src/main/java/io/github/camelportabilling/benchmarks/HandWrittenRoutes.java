package io.github.camelportabilling.benchmarks;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What users write without the component: the body is the whole {@code {"params": ...}} envelope, the token goes
 * in as a header, Jackson marshals, camel-http posts, Jackson unmarshals.
 * <ul>
 * <li>naive: the method as a header ({@code setHeader(Exchange.HTTP_METHOD, "POST")}), the way most examples do it;
 * camel-http then resolves the method through a type-converter lookup on every call;</li>
 * <li>tuned: {@code httpMethod=POST} on the endpoint instead, resolved once.</li>
 * </ul>
 * Both get a connection pool sized to the callers (camel-http's default is 20 per route), so the comparison is about
 * per-call cost, not pool limits.
 */
final class HandWrittenRoutes extends RouteBuilder {

    private final String baseUrl;
    private final String accessToken;
    private final int poolSize;

    HandWrittenRoutes(String baseUrl, String accessToken, int poolSize) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
        this.poolSize = poolSize;
    }

    static String endpoint(Mode mode, ProducerOp op) {
        return "direct:" + mode.key() + "-" + op.label;
    }

    @Override
    public void configure() {
        for (ProducerOp op : ProducerOp.values()) {
            from(endpoint(Mode.NAIVE, op))
                    .setHeader("Authorization", constant("Bearer " + accessToken))
                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                    .marshal().json()
                    .to(url(op))
                    .unmarshal().json();

            from(endpoint(Mode.TUNED, op))
                    .setHeader("Authorization", constant("Bearer " + accessToken))
                    .marshal().json()
                    .to(url(op) + "&httpMethod=POST")
                    .unmarshal().json();
        }
    }

    private String url(ProducerOp op) {
        return baseUrl + "/rest/" + op.serviceMethod + "?connectionsPerRoute=" + poolSize + "&maxTotalConnections="
               + poolSize;
    }
}
