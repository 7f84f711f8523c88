package io.github.camelportabilling.component.internal;

import javax.net.ssl.SSLContext;

import org.apache.camel.component.http.HttpClientConfigurer;

/**
 * What the HTTP transport of one session is built with. {@link #toString()} never shows the proxy password.
 *
 * @param proxyHost  null for a direct connection
 * @param configurer a user's camel-http configurer applied to the client builder, or null
 */
public record TransportSettings(String baseUrl, boolean https, SSLContext sslContext, long connectTimeoutMillis,
                                long responseTimeoutMillis, int maxConnections, String proxyHost, int proxyPort,
                                String proxyUsername, String proxyPassword, HttpClientConfigurer configurer) {

    /** The transport of a session with these connection options; blank proxy settings mean none. */
    public static TransportSettings of(io.github.camelportabilling.component.PortaBillingConfiguration c, String baseUrl,
                                       SSLContext sslContext) {
        return new TransportSettings(baseUrl, c.isUseHttps(), sslContext, c.getConnectTimeout(), c.getResponseTimeout(),
                c.getMaxConnections(), ConnectionSettingsCheck.hasText(c.getProxyHost()) ? c.getProxyHost() : null,
                c.getProxyPort(), ConnectionSettingsCheck.hasText(c.getProxyUsername()) ? c.getProxyUsername() : null,
                c.getProxyPassword(), c.getHttpClientConfigurer());
    }

    /** Longest wait for the server's side of a TLS handshake (a plain-http port never answers one). */
    public static final int MAX_HANDSHAKE_TIMEOUT_MILLIS = 5_000;

    /** The TLS handshake timeout: connectTimeout, at most {@value #MAX_HANDSHAKE_TIMEOUT_MILLIS} ms. */
    public long handshakeTimeoutMillis() {
        return Math.min(connectTimeoutMillis, MAX_HANDSHAKE_TIMEOUT_MILLIS);
    }

    /** " through the proxy host:port", or "" without a proxy, for messages. */
    public String throughProxy() {
        return proxyHost != null ? " through the proxy " + proxyHost + ":" + proxyPort : "";
    }

    @Override
    public String toString() {
        return "TransportSettings[" + baseUrl + throughProxy() + ", connectTimeout=" + connectTimeoutMillis
               + ", responseTimeout=" + responseTimeoutMillis + ", maxConnections=" + maxConnections
               + (proxyUsername != null ? ", proxyUsername=" + proxyUsername + ", proxyPassword=***" : "") + "]";
    }
}
