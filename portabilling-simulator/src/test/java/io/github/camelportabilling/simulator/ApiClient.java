package io.github.camelportabilling.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain java.net.http client speaking the PortaBilling protocol, so tests exercise the real HTTP server. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http;
    final String baseUrl;

    ApiClient(String baseUrl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl);
    }

    ApiClient(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    record Response(int status, String body, HttpHeaders headers) {
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {
                });
            } catch (IOException e) {
                throw new AssertionError("not a JSON object: " + body, e);
            }
        }

        String faultcode() {
            return (String) json().get("faultcode");
        }

        String faultstring() {
            return (String) json().get("faultstring");
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) json().get(key);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String key) {
            return (Map<String, Object>) json().get(key);
        }
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    /** Raw POST with this content type and body, and optional header pairs. */
    Response post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** Modern call: JSON body {"params": ...} and Authorization: Bearer (when token is not null). */
    Response call(String serviceMethod, Map<String, ?> params, String token) {
        String body = json(Map.of("params", params));
        return token == null
                ? post("/rest/" + serviceMethod, "application/json", body)
                : post("/rest/" + serviceMethod, "application/json", body, "Authorization", "Bearer " + token);
    }

    Response call(String serviceMethod, Map<String, ?> params) {
        return call(serviceMethod, params, null);
    }

    /** Legacy call: form fields auth_info and params holding JSON text. */
    Response legacy(String serviceMethod, Map<String, ?> authInfo, Map<String, ?> params) {
        StringBuilder form = new StringBuilder();
        if (authInfo != null) {
            form.append("auth_info=").append(URLEncoder.encode(json(authInfo), StandardCharsets.UTF_8)).append('&');
        }
        form.append("params=").append(URLEncoder.encode(json(params), StandardCharsets.UTF_8));
        return post("/rest/" + serviceMethod, "application/x-www-form-urlencoded", form.toString());
    }

    Map<String, Object> login(String login, String password) {
        Response r = call("Session/login", Map.of("login", login, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.body());
        }
        return r.json();
    }

    /** Logs in with the demo credentials; returns the access token. */
    String login() {
        return (String) login(PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD).get("access_token");
    }

    /** Asserts a 200 JSON object answer and returns it. */
    Map<String, Object> ok(String serviceMethod, Map<String, ?> params, String token) {
        Response r = call(serviceMethod, params, token);
        if (r.status() != 200) {
            throw new AssertionError(serviceMethod + " answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Map.of does not take nulls; tests need them. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
