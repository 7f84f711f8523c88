package io.github.camelportabilling.simulator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the simulator received it and what it answered, for assertions (which headers reached a
 * redirect target, what a client really sent...). Bodies are kept up to {@link #MAX_BODY_CHARS} characters.
 */
public final class RecordedRequest {

    /** Longer request and response bodies are cut to this many characters, so the request log stays small. */
    public static final int MAX_BODY_CHARS = 4096;

    private final String httpMethod;
    private final String path;
    private final String service;
    private final String method;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Map<String, Object> params;
    private final Map<String, Object> authInfo;
    private final String bearerToken;
    private final int status;
    private final String responseBody;
    private final long receivedNanos;

    RecordedRequest(String httpMethod, String path, String service, String method, Map<String, List<String>> headers,
            String body, Map<String, Object> params, Map<String, Object> authInfo, String bearerToken, int status,
            String responseBody) {
        this(httpMethod, path, service, method, headers, body, params, authInfo, bearerToken, status, responseBody,
                System.nanoTime());
    }

    RecordedRequest(String httpMethod, String path, String service, String method, Map<String, List<String>> headers,
            String body, Map<String, Object> params, Map<String, Object> authInfo, String bearerToken, int status,
            String responseBody, long receivedNanos) {
        this.receivedNanos = receivedNanos;
        this.httpMethod = httpMethod;
        this.path = path;
        this.service = service;
        this.method = method;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
        this.body = cut(body);
        this.params = params == null ? Map.of() : Collections.unmodifiableMap(params);
        this.authInfo = authInfo == null ? null : Collections.unmodifiableMap(authInfo);
        this.bearerToken = bearerToken;
        this.status = status;
        this.responseBody = cut(responseBody);
    }

    public String httpMethod() {
        return httpMethod;
    }

    /** The request path as sent, e.g. {@code /rest/Account/get_account_info}. */
    public String path() {
        return path;
    }

    /** e.g. {@code Account}; null for a path outside {@code /rest/<Service>/<method>}. */
    public String service() {
        return service;
    }

    /** e.g. {@code get_account_info}; null for a path outside {@code /rest/<Service>/<method>}. */
    public String method() {
        return method;
    }

    /** e.g. {@code Account/get_account_info}; null for a path outside {@code /rest/<Service>/<method>}. */
    public String serviceMethod() {
        return service == null ? null : service + '/' + method;
    }

    /** First value of the header, case-insensitive name, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All headers; lookups in this map ignore case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String body() {
        return body;
    }

    /** Decoded params (empty when there were none or the body could not be decoded). */
    public Map<String, Object> params() {
        return params;
    }

    /** The legacy {@code auth_info} object, else null. */
    public Map<String, Object> authInfo() {
        return authInfo;
    }

    /** The token of an {@code Authorization: Bearer} header, else null. */
    public String bearerToken() {
        return bearerToken;
    }

    /** HTTP status answered; 0 when the connection was closed without an answer. */
    public int status() {
        return status;
    }

    /**
     * When the request arrived, as {@link System#nanoTime()} of the simulator's JVM: for comparing the gaps between
     * requests (a client's polling rhythm), not a wall-clock time.
     */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** The body answered ("" for none). */
    public String responseBody() {
        return responseBody;
    }

    @Override
    public String toString() {
        return httpMethod + " " + path + " -> " + status;
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() <= MAX_BODY_CHARS ? s : s.substring(0, MAX_BODY_CHARS);
    }
}
