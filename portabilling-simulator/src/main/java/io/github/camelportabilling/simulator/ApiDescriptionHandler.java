package io.github.camelportabilling.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /doc/api/<Realm>Interface.json} without authentication, as real servers serve their API description:
 * the document of {@link ApiDescriptionDocument} (built once), or what a server without one answers, as
 * {@link PortaBillingSimulator.ApiDescription} chooses. Counted and recorded like any other request.
 */
final class ApiDescriptionHandler implements HttpHandler {

    static final String PREFIX = "/doc/api/";

    private final String fileName;
    private final String realm;
    private final Set<String> served;
    private final int extraMethods;
    private final CallCounters counters;
    private final RequestLog log;
    private volatile PortaBillingSimulator.ApiDescription mode;
    private volatile byte[] document;

    ApiDescriptionHandler(String realm, Set<String> served, int extraMethods, PortaBillingSimulator.ApiDescription mode,
                          CallCounters counters, RequestLog log) {
        this.realm = realm;
        this.fileName = ApiDescriptionDocument.fileName(realm);
        this.served = served;
        this.extraMethods = extraMethods;
        this.mode = mode;
        this.counters = counters;
        this.log = log;
    }

    void setMode(PortaBillingSimulator.ApiDescription mode) {
        this.mode = mode;
    }

    /** The synthetic document, built on first use. */
    byte[] document() {
        byte[] doc = document;
        if (doc == null) {
            doc = ApiDescriptionDocument.build(realm, served, extraMethods);
            document = doc;
        }
        return doc;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        counters.enter();
        int status = 404;
        byte[] body = new byte[0];
        String path = ex.getRequestURI().getRawPath();
        try {
            counters.count(null);
            ex.getRequestBody().readAllBytes();
            String contentType = "text/html";
            PortaBillingSimulator.ApiDescription now = mode;
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                status = 405;
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                body = FaultBodies.nginxPage(405).getBytes(StandardCharsets.UTF_8);
            } else if (!path.equals(PREFIX + fileName) || now == PortaBillingSimulator.ApiDescription.NONE) {
                body = FaultBodies.nginxPage(404).getBytes(StandardCharsets.UTF_8);
            } else if (now == PortaBillingSimulator.ApiDescription.HTML_PAGE) {
                status = 200;
                body = ("<!DOCTYPE html><html><head><title>API documentation</title></head><body>"
                        + "<div id=\"swagger-ui\"></div></body></html>").getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                contentType = "application/json";
                body = now == PortaBillingSimulator.ApiDescription.SWAGGER_2
                        ? "{\"swagger\":\"2.0\",\"info\":{\"title\":\"old\",\"version\":\"1\"},\"paths\":{}}"
                                .getBytes(StandardCharsets.UTF_8)
                        : document();
            }
            ex.getResponseHeaders().set("Content-Type", contentType);
            record(ex, path, status, body);
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            counters.exit();
            ex.close();
        }
    }

    private void record(HttpExchange ex, String path, int status, byte[] body) {
        if (log.enabled()) {
            log.add(new RecordedRequest(ex.getRequestMethod(), path, null, null, ex.getRequestHeaders(), "", null, null,
                    RequestDecoder.bearerToken(ex.getRequestHeaders().getFirst("Authorization")), status,
                    new String(body, 0, Math.min(body.length, RecordedRequest.MAX_BODY_CHARS), StandardCharsets.UTF_8)));
        }
    }
}
