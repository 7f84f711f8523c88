package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The pooled Apache HttpClient 5 that carries every call of one session: POST only, no automatic retries (the
 * component decides what may be replayed), no redirects (a token must never follow one), no cookies (the session is
 * carried by the token alone). The pool size is the cap on calls in flight.
 * <p>
 * Every attempt is bounded from end to end: the wait for a free connection by connectTimeout, the TCP connect by
 * connectTimeout, the TLS handshake by the handshake timeout, and the answer, from the moment the request is sent
 * to its last byte, by responseTimeout, enforced by aborting the request (a body dripping a few bytes at a time
 * never trips a socket read timeout). The caller's deadline bounds the whole attempt too. Through a proxy, https
 * goes through a CONNECT tunnel, so the proxy never sees the Authorization header.
 */
public final class HttpTransport implements AutoCloseable {

    /** The attempt was aborted at a deadline. */
    public static final class Aborted extends InterruptedIOException {
        private final boolean responseTimeout;
        private final boolean sent;

        Aborted(boolean responseTimeout, boolean sent) {
            super(responseTimeout ? "no complete answer within responseTimeout" : "the call's deadline passed");
            this.responseTimeout = responseTimeout;
            this.sent = sent;
        }

        /** True for responseTimeout, false for the caller's deadline. */
        public boolean isResponseTimeout() {
            return responseTimeout;
        }

        /** Whether the request had been sent (so a write may have been executed). */
        public boolean wasSent() {
            return sent;
        }
    }

    /** An https connection whose TLS handshake got no answer: most likely a port that speaks plain http. */
    public static final class NoTlsAnswer extends SSLException {
        NoTlsAnswer(IOException cause) {
            super("no answer to the TLS handshake", cause);
        }
    }

    /** The transport was closed (the session stopped) while or before the call was made. */
    public static final class Closed extends IOException {
        Closed(Throwable cause) {
            super("the session's HTTP client is closed", cause);
        }
    }

    private static final int MAX_CACHED_URIS = 1024;
    private static final String ACCEPT = "application/json, */*;q=0.1";
    private static final String ATTEMPT = "portabilling.attempt";

    private final TransportSettings settings;
    private final PoolingHttpClientConnectionManager connectionManager;
    private final CloseableHttpClient client;
    private final RequestConfig defaults;
    private final AttemptDeadlines deadlines;
    private final Map<String, URI> uris = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public HttpTransport(TransportSettings settings) {
        this.settings = settings;
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setConnectionFactory(QuietConnection.FACTORY)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        // a pooled connection the server closed while idle would fail the next call; writes are
                        // not replayed, so check connections that sat idle before reusing them
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                // a plain-http port never answers a ClientHello: do not wait responseTimeout for it
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setHandshakeTimeout(Timeout.ofMilliseconds(settings.handshakeTimeoutMillis())).build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        this.connectionManager = pool.build();
        this.defaults = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setDefaultRequestConfig(defaults)
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("camel-portabilling")
                // the request goes out now: from here the answer must arrive within responseTimeout
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "portabilling-answer-deadline",
                        (request, scope, chain) -> {
                            Object attempt = scope.clientContext.getAttribute(ATTEMPT);
                            if (attempt instanceof Attempt a) {
                                a.sending();
                            }
                            return chain.proceed(request, scope);
                        });
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost("http", settings.proxyHost(), settings.proxyPort()));
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(settings.proxyHost(), settings.proxyPort()),
                        new UsernamePasswordCredentials(settings.proxyUsername(),
                                settings.proxyPassword() != null ? settings.proxyPassword().toCharArray() : new char[0]));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        // the component's own rules stay, whatever a configurer did
        this.client = builder.setConnectionManager(connectionManager)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
        this.deadlines = new AttemptDeadlines("portabilling-deadlines " + settings.baseUrl());
    }

    public String baseUrl() {
        return settings.baseUrl();
    }

    public TransportSettings settings() {
        return settings;
    }

    /**
     * POSTs to {@code <baseUrl>/rest/<service>/<method>} and reads the whole answer, within the attempt's bounds.
     *
     * @param bearerToken the access token for the Authorization header, or null
     * @throws Aborted     at responseTimeout or the deadline
     * @throws NoTlsAnswer when an https server did not answer the TLS handshake
     * @throws Closed      when the transport is closed
     */
    public ApiResponse post(String service, String method, HttpEntity body, String bearerToken, Deadline deadline)
            throws IOException {
        if (closed) {
            throw new Closed(null);
        }
        long remaining = deadline.remainingMillis();
        if (remaining <= 0) {
            throw new Aborted(false, false);
        }
        HttpPost post = new HttpPost(uri(service, method));
        // a new request has no headers yet: add, not set (set scans for an existing one)
        // JSON first, but methods that answer a file (call recordings, invoices) must not be refused for the Accept
        post.addHeader(HttpHeaders.ACCEPT, ACCEPT);
        if (bearerToken != null) {
            post.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        post.setEntity(body);
        if (remaining < settings.connectTimeoutMillis()) {
            post.setConfig(RequestConfig.copy(defaults)
                    .setConnectionRequestTimeout(Timeout.ofMilliseconds(remaining)).build());
        }
        return execute(post, deadline, (response, attempt) -> {
            HttpEntity entity = response.getEntity();
            byte[] bytes = entity != null ? EntityUtils.toByteArray(entity) : new byte[0];
            attempt.done();
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            Header disposition = response.getFirstHeader(HttpHeaders.CONTENT_DISPOSITION);
            return new ApiResponse(response.getCode(), response.getReasonPhrase(),
                    entity != null ? entity.getContentType() : null,
                    retryAfter != null ? retryAfter.getValue() : null, bytes,
                    disposition != null ? disposition.getValue() : null);
        });
    }

    /** Reads one answer within the attempt's bounds (the caller's deadline; responseTimeout once it is sent). */
    private interface AnswerReader {
        ApiResponse read(org.apache.hc.core5.http.ClassicHttpResponse response, Attempt attempt) throws IOException;
    }

    private ApiResponse execute(HttpUriRequestBase request, Deadline deadline, AnswerReader reader) throws IOException {
        Attempt attempt = new Attempt(request, deadline);
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(ATTEMPT, attempt);
        try {
            return client.execute(request, context, response -> reader.read(response, attempt));
        } catch (IOException e) {
            throw attempt.explain(e);
        } catch (IllegalStateException e) {
            // HttpClient's "Connection pool shut down"
            if (closed) {
                throw new Closed(e);
            }
            throw e;
        } finally {
            attempt.done();
        }
    }

    /** A document longer than the caller's cap. */
    public static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("longer than " + maxBytes + " bytes");
        }
    }

    /**
     * GETs a document (the API description) without any credential, within the same bounds as a call, reading at most
     * {@code maxBytes} of it. Redirects are not followed here either.
     *
     * @throws TooLarge when the body is longer than {@code maxBytes}
     */
    public ApiResponse get(URI uri, long maxBytes, Deadline deadline) throws IOException {
        if (closed) {
            throw new Closed(null);
        }
        HttpGet get = new HttpGet(uri);
        get.addHeader(HttpHeaders.ACCEPT, "application/json");
        return execute(get, deadline, (response, attempt) -> {
            HttpEntity entity = response.getEntity();
            byte[] bytes = new byte[0];
            if (entity != null) {
                if (entity.getContentLength() > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                try (java.io.InputStream in = entity.getContent()) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                }
                if (bytes.length > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
            }
            attempt.done();
            return new ApiResponse(response.getCode(), response.getReasonPhrase(),
                    entity != null ? entity.getContentType() : null, null, bytes);
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
            uri = URI.create(settings.baseUrl() + "/rest/" + key);
            // method names may come from message headers: keep the cache bounded
            if (uris.size() < MAX_CACHED_URIS) {
                uris.put(key, uri);
            }
        }
        return uri;
    }

    /** Closes every connection at once: calls in flight fail (as stopped), nothing waits for them. */
    @Override
    public void close() {
        closed = true;
        deadlines.close();
        client.close(CloseMode.IMMEDIATE);
        connectionManager.close(CloseMode.IMMEDIATE);
    }

    /** One attempt's deadlines: the caller's from the start, responseTimeout from the moment it is sent. */
    private final class Attempt implements AttemptDeadlines.Watched {
        private final HttpUriRequestBase post;
        private final long callEndNanos;
        private volatile long answerEndNanos;
        private volatile boolean sent;
        private volatile boolean finished;
        /** 0: not aborted, 1: at the caller's deadline, 2: at responseTimeout. */
        private volatile int abortedAt;

        Attempt(HttpUriRequestBase post, Deadline deadline) {
            this.post = post;
            this.callEndNanos = deadline.endNanos();
            deadlines.watch(this);
        }

        void sending() {
            answerEndNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.responseTimeoutMillis());
            sent = true;
        }

        @Override
        public boolean expireAt(long nowNanos) {
            if (finished) {
                return true;
            }
            if (nowNanos - callEndNanos >= 0) {
                abort(1);
                return true;
            }
            if (sent && nowNanos - answerEndNanos >= 0) {
                abort(2);
                return true;
            }
            return false;
        }

        private void abort(int reason) {
            if (!finished && abortedAt == 0) {
                abortedAt = reason;
                post.cancel();
            }
        }

        void done() {
            if (!finished) {
                finished = true;
                deadlines.unwatch(this);
            }
        }

        IOException explain(IOException e) {
            if (abortedAt != 0) {
                Aborted aborted = new Aborted(abortedAt == 2, sent);
                aborted.initCause(e);
                return aborted;
            }
            if (closed) {
                return new Closed(e);
            }
            // HttpClient reports a handshake that timed out as a connect timeout; the TCP connect had succeeded
            if (settings.https() && !sent && e instanceof ConnectTimeoutException
                && String.valueOf(e.getMessage()).contains("Read timed out")) {
                return new NoTlsAnswer(e);
            }
            return e;
        }
    }
}
