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
 * {@link PortaBillingSimulator.ApiDescription} chooses. Counted in the total and on their own
 * ({@link #requests()}), but not put in the request log, whose entries are API calls.
 */
final class ApiDescriptionHandler implements HttpHandler {

    static final String PREFIX = "/doc/api/";

    private final String fileName;
    private final String realm;
    private final Set<String> served;
    private final int extraMethods;
    private final CallCounters counters;
    private volatile PortaBillingSimulator.ApiDescription mode;
    private volatile byte[] document;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    private volatile String lastAuthorization;

    ApiDescriptionHandler(String realm, Set<String> served, int extraMethods, PortaBillingSimulator.ApiDescription mode,
                          CallCounters counters) {
        this.realm = realm;
        this.fileName = ApiDescriptionDocument.fileName(realm);
        this.served = served;
        this.extraMethods = extraMethods;
        this.mode = mode;
        this.counters = counters;
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
            requests.incrementAndGet();
            lastAuthorization = ex.getRequestHeaders().getFirst("Authorization");
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

    /** Requests of the API description path (any file name, any HTTP method). */
    long requests() {
        return requests.get();
    }

    /** The Authorization header of the last such request, or null (a client must send none). */
    String lastAuthorization() {
        return lastAuthorization;
    }
}
