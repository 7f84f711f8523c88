package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The pooled Apache HttpClient 5 that carries every call of one session: POST only, no automatic retries (the
 * component decides what may be replayed), no redirects (a token must never follow one), no cookies (the session is
 * carried by the token alone). The pool size is the cap on calls in flight.
 */
public final class HttpTransport implements AutoCloseable {

    private static final int MAX_CACHED_URIS = 1024;

    private final String baseUrl;
    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient client;
    private final Map<String, URI> uris = new ConcurrentHashMap<>();

    public HttpTransport(String baseUrl, SSLContext sslContext, int connectTimeoutMillis, int responseTimeoutMillis,
                         int maxConnections) {
        this.baseUrl = baseUrl;
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setConnectionFactory(QuietConnection.FACTORY)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                        .setSocketTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                        // a pooled connection the server closed while idle would fail the next call; writes are
                        // not replayed, so check connections that sat idle before reusing them
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build());
        if (sslContext != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        this.connectionManager = pool.build();
        this.client = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                        // waiting for a free connection is bounded too, so a hung server cannot block callers forever
                        .setConnectionRequestTimeout(
                                Timeout.ofMilliseconds((long) connectTimeoutMillis + responseTimeoutMillis))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("camel-portabilling")
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * POSTs to {@code <baseUrl>/rest/<service>/<method>} and reads the whole answer.
     *
     * @param bearerToken the access token for the Authorization header, or null
     */
    public ApiResponse post(String service, String method, HttpEntity body, String bearerToken) throws IOException {
        HttpPost post = new HttpPost(uri(service, method));
        // a new request has no headers yet: add, not set (set scans for an existing one)
        post.addHeader(HttpHeaders.ACCEPT, "application/json");
        if (bearerToken != null) {
            post.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        post.setEntity(body);
        return client.execute(post, response -> {
            HttpEntity entity = response.getEntity();
            byte[] bytes = entity != null ? EntityUtils.toByteArray(entity) : new byte[0];
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            return new ApiResponse(response.getCode(), response.getReasonPhrase(),
                    entity != null ? entity.getContentType() : null, retryAfter != null ? retryAfter.getValue() : null,
                    bytes);
        });
    }

    /** Connections currently leased, i.e. calls in flight. */
    public int leased() {
        return connectionManager.getTotalStats().getLeased();
    }

    private URI uri(String service, String method) {
        String key = service + "/" + method;
        URI uri = uris.get(key);
        if (uri == null) {
            uri = URI.create(baseUrl + "/rest/" + key);
            // method names may come from message headers: keep the cache bounded
            if (uris.size() < MAX_CACHED_URIS) {
                uris.put(key, uri);
            }
        }
        return uri;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        connectionManager.close(CloseMode.IMMEDIATE);
        connectionManager.closeIdle(TimeValue.of(0, TimeUnit.MILLISECONDS));
    }
}
