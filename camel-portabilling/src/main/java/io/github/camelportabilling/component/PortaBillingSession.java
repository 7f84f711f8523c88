package io.github.camelportabilling.component;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLContext;

import io.github.camelportabilling.component.internal.AccessToken;
import io.github.camelportabilling.component.internal.CallStatistics;
import io.github.camelportabilling.component.internal.ApiResponse;
import io.github.camelportabilling.component.internal.HttpTransport;
import io.github.camelportabilling.component.internal.LoginAnswer;
import io.github.camelportabilling.component.internal.MethodNames;
import io.github.camelportabilling.component.internal.RetryPolicy;
import io.github.camelportabilling.component.internal.WireFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in session on one PortaBilling server for one login, shared by every endpoint that talks to that server
 * as that user. It logs in with a password or an API token, refreshes the access token ahead of expiry, logs in again
 * and replays a call once when the server rejects the token, and logs out when stopped.
 * <p>
 * Single flight: however many callers find the token expired or rejected at the same moment, one login (or refresh)
 * is made and the others wait for it and use its token. A login the server rejects is not retried: callers within the
 * next {@value #LOGIN_COOL_DOWN_MILLIS} ms get the same error without a new attempt, so a wrong password can never
 * trigger the server's brute-force lockout.
 * <p>
 * Can be bound as a bean and referenced with {@code session=#name}; configure it like the component (host, login,
 * password or token, ...). Never exposes a password or token: not in toString, exceptions or logs.
 */
@ManagedResource(description = "PortaBilling session: logins, refreshes, calls and their outcomes; no secret")
public class PortaBillingSession extends ServiceSupport implements CamelContextAware {

    /** How long a rejected login is remembered, during which no new login is attempted. */
    public static final long LOGIN_COOL_DOWN_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingSession.class);
    private static final String SESSION = "Session";

    private final PortaBillingConfiguration settings;
    private final WireFormat wire = new WireFormat();
    private final ReentrantLock renewLock = new ReentrantLock();

    private CamelContext camelContext;
    private HttpTransport transport;
    private RetryPolicy retryPolicy;

    private volatile AccessToken current;
    private volatile RejectedLogin rejectedLogin;
    private volatile String lastFault;

    private final LongAdder logins = new LongAdder();
    private final LongAdder loginFailures = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder refreshFailures = new LongAdder();
    private final LongAdder authFaults = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final CallStatistics statistics = new CallStatistics();

    /** For bean-style configuration: set the connection options on {@link #getConfiguration()}. */
    public PortaBillingSession() {
        this(new PortaBillingConfiguration());
    }

    /** Uses a copy of the given connection options. */
    public PortaBillingSession(PortaBillingConfiguration configuration) {
        this.settings = configuration.copy();
        // a session bean never points at another session
        this.settings.setSession(null);
    }

    /** The connection options; change them only before the session is started. */
    public PortaBillingConfiguration getConfiguration() {
        return settings;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** {@code https://host:port}, the server this session talks to. */
    @ManagedAttribute(description = "The server this session talks to")
    public String getBaseUrl() {
        return (settings.isUseHttps() ? "https" : "http") + "://" + settings.getHost() + ":" + settings.effectivePort();
    }

    @ManagedAttribute(description = "The login of this session")
    public String getLogin() {
        return settings.getLogin();
    }

    public PortaBillingRealm getRealm() {
        return settings.getRealm();
    }

    /**
     * The identity of the session: server, realm, login and a hash of the credential (never the credential itself),
     * so that an endpoint configured with a wrong password cannot ride on another endpoint's good login.
     */
    public static String keyOf(PortaBillingConfiguration c) {
        String credential = hasText(c.getToken()) ? "token:" + c.getToken() : "password:" + c.getPassword();
        return (c.isUseHttps() ? "https" : "http") + "://" + c.getHost() + ":" + c.effectivePort() + "|" + c.getRealm()
               + "|" + c.getLogin() + "|" + sha256(credential) + "|" + (c.isLegacyAuth() ? "legacy" : "json");
    }

    /**
     * Calls a method with the session's credentials and returns the answer object. Logs in first when needed;
     * retries transient failures as the retry policy allows; replays once after an auth fault.
     *
     * @throws PortaBillingException for faults, unreadable answers and transport failures
     */
    public Map<String, Object> call(String service, String method, Map<String, Object> params) {
        ensureStarted();
        boolean read = MethodNames.isRead(method);
        boolean replayedAfterAuthFault = false;
        while (true) {
            AccessToken token;
            try {
                token = validToken();
            } catch (PortaBillingException e) {
                throw failed(e);
            }
            try {
                return sendWithRetries(service, method, encode(token, params), bearer(token), read);
            } catch (PortaBillingException e) {
                if (!e.isAuthFault()) {
                    throw failed(e);
                }
                authFaults.increment();
                if (replayedAfterAuthFault) {
                    // a fresh login that is rejected straight away means something else is wrong: never loop
                    throw failed(new PortaBillingException(
                            "PortaBilling " + service + "/" + method + " was rejected with " + e.getFaultCode()
                                                           + " again right after a new login; not retrying",
                            service, method, e.getFaultCode(), e.getFaultString(), e.getHttpStatus(), e));
                }
                replayedAfterAuthFault = true;
                LOG.debug("{}/{} rejected with {}: logging in again and replaying once", service, method,
                        e.getFaultCode());
                renewAfterRejection(token);
            }
        }
    }

    /** A snapshot of the counters; no secret in it. */
    public PortaBillingSessionStats getStats() {
        AccessToken token = current;
        return new PortaBillingSessionStats(
                token != null, logins.sum(), loginFailures.sum(), refreshes.sum(), refreshFailures.sum(),
                authFaults.sum(), calls.sum(), failedCalls.sum(), retries.sum(), inFlight.get(),
                token != null ? token.issuedAtMillis() : 0,
                token != null && token.expiresAtMillis() != AccessToken.NO_EXPIRY ? token.expiresAtMillis() : 0,
                lastFault);
    }

    /** Whether the session currently holds a token it believes valid (no API call is made). */
    @ManagedAttribute(description = "Whether the session holds a token it believes valid")
    public boolean isLoggedIn() {
        AccessToken token = current;
        return token != null && !token.isStale(System.currentTimeMillis());
    }

    /** Whether the last login attempt was rejected by the server (wrong credentials, lockout). */
    @ManagedAttribute(description = "Whether the last login attempt was rejected by the server")
    public boolean isLoginRejected() {
        return rejectedLogin != null;
    }

    /** Calls in a row that got no answer from the API itself (transport failures, proxy errors). */
    @ManagedAttribute(description = "Calls in a row that got no answer from the API itself")
    public int getConsecutiveFailures() {
        return consecutiveFailures.get();
    }

    @ManagedAttribute(description = "Successful logins")
    public long getLogins() {
        return logins.sum();
    }

    @ManagedAttribute(description = "Successful token refreshes")
    public long getRefreshes() {
        return refreshes.sum();
    }

    @ManagedAttribute(description = "Calls rejected for authentication (each followed by one re-login and replay)")
    public long getAuthFaults() {
        return authFaults.sum();
    }

    @ManagedAttribute(description = "API calls sent, retries and replays included")
    public long getCalls() {
        return calls.sum();
    }

    @ManagedAttribute(description = "Calls that ended in an exception for the caller")
    public long getFailedCalls() {
        return failedCalls.sum();
    }

    @ManagedAttribute(description = "Calls tried again by the retry policy")
    public long getRetries() {
        return retries.sum();
    }

    @ManagedAttribute(description = "Calls waiting for an answer now")
    public int getInFlight() {
        return inFlight.get();
    }

    @ManagedAttribute(description = "The last faultcode or error seen")
    public String getLastFault() {
        return lastFault;
    }

    /** Calls per Service/method and outcome (ok, fault, error) with mean and max latency. */
    public Map<String, Map<String, Object>> getCallStatistics() {
        return statistics.snapshot();
    }

    @ManagedOperation(description = "Calls per Service/method and outcome (ok, fault, error) with mean and max latency")
    public String dumpCallStatistics() {
        StringBuilder out = new StringBuilder();
        statistics.snapshot().forEach((name, stats) -> out.append(name).append(' ').append(stats).append('\n'));
        return out.toString();
    }

    @Override
    protected void doStart() throws Exception {
        validate();
        if (!settings.isUseHttps()) {
            LOG.warn("PortaBilling session {} uses plain http (useHttps=false): credentials and tokens are sent"
                     + " unencrypted. Use this only with the simulator or on a trusted network.",
                    this);
        }
        SSLContext sslContext = null;
        if (settings.isUseHttps() && settings.getSslContextParameters() != null) {
            sslContext = settings.getSslContextParameters().createSSLContext(camelContext);
        }
        retryPolicy = new RetryPolicy(settings.getMaxRetries(), settings.getRetryBackoff(), settings.getMaxRetryAfter());
        transport = new HttpTransport(getBaseUrl(), sslContext, (int) Math.min(Integer.MAX_VALUE, settings.getConnectTimeout()),
                (int) Math.min(Integer.MAX_VALUE, settings.getResponseTimeout()), settings.getMaxConnections());
    }

    @Override
    protected void doStop() throws Exception {
        AccessToken token = current;
        current = null;
        if (token != null && transport != null) {
            try {
                Map<String, Object> params = new HashMap<>();
                if (token.accessToken() != null) {
                    params.put("access_token", token.accessToken());
                }
                ApiResponse response = send(SESSION, "logout", encode(token, params), bearer(token));
                LOG.debug("Logged out of {} (HTTP {})", this, response.status());
            } catch (IOException | RuntimeException e) {
                // servers are known to answer logout oddly; the token dies at expiry anyway
                LOG.debug("Logout from {} failed: {}", this, e.getClass().getSimpleName());
            }
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    private void validate() {
        StringBuilder problems = new StringBuilder();
        if (settings.getHost() == null || settings.getHost().isBlank()) {
            problems.append(" host is required;");
        } else if (settings.getHost().contains("/") || settings.getHost().contains(":")) {
            problems.append(" host must be a bare host name (no scheme, port or path), got '")
                    .append(settings.getHost()).append("';");
        }
        if (settings.getLogin() == null || settings.getLogin().isBlank()) {
            problems.append(" login is required;");
        }
        if (!hasText(settings.getPassword()) && !hasText(settings.getToken())) {
            problems.append(" a password or a token is required;");
        } else if (hasText(settings.getPassword()) && hasText(settings.getToken())) {
            problems.append(" set either password or token, not both;");
        }
        if (settings.getPort() < 0 || settings.getPort() > 65535) {
            problems.append(" port must be between 0 and 65535, got ").append(settings.getPort()).append(';');
        }
        if (settings.getConnectTimeout() <= 0) {
            problems.append(" connectTimeout must be > 0 ms, got ").append(settings.getConnectTimeout()).append(';');
        }
        if (settings.getResponseTimeout() <= 0) {
            problems.append(" responseTimeout must be > 0 ms, got ").append(settings.getResponseTimeout()).append(';');
        }
        if (settings.getMaxConnections() <= 0) {
            problems.append(" maxConnections must be > 0, got ").append(settings.getMaxConnections()).append(';');
        }
        if (settings.getMaxRetries() < 0) {
            problems.append(" maxRetries must be >= 0, got ").append(settings.getMaxRetries()).append(';');
        }
        if (problems.length() > 0) {
            throw new IllegalArgumentException("Invalid PortaBilling connection settings:" + problems);
        }
    }

    private void ensureStarted() {
        if (transport == null) {
            throw new IllegalStateException("PortaBilling session " + this + " is not started");
        }
    }

    /** A token fit to send: the current one, refreshed ahead of expiry by one caller while the others go on. */
    private AccessToken validToken() {
        AccessToken token = current;
        long now = System.currentTimeMillis();
        if (token != null && !token.needsRefresh(now)) {
            return token;
        }
        if (token != null && !token.isStale(now)) {
            // still usable: whoever gets the lock refreshes, nobody waits
            if (renewLock.tryLock()) {
                try {
                    if (current == token) {
                        renew(token);
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Refresh ahead of expiry failed ({}); the current token is still used",
                            e.getClass().getSimpleName());
                } finally {
                    renewLock.unlock();
                }
            }
            AccessToken now2 = current;
            return now2 != null ? now2 : token;
        }
        renewLock.lock();
        try {
            AccessToken latest = current;
            if (latest != null && latest != token && !latest.isStale(System.currentTimeMillis())) {
                return latest;
            }
            return renew(latest);
        } finally {
            renewLock.unlock();
        }
    }

    /** After an auth fault with {@code rejected}: log in again unless another caller already did. */
    private void renewAfterRejection(AccessToken rejected) {
        renewLock.lock();
        try {
            if (current == rejected || current == null) {
                current = null;
                login();
            }
        } finally {
            renewLock.unlock();
        }
    }

    /** Refreshes when possible, else logs in. Called with the lock held. */
    private AccessToken renew(AccessToken old) {
        if (old != null && old.refreshToken() != null && !settings.isLegacyAuth()) {
            try {
                AccessToken refreshed = refresh(old);
                if (refreshed != null) {
                    current = refreshed;
                    refreshes.increment();
                    return refreshed;
                }
            } catch (PortaBillingException e) {
                LOG.debug("Token refresh failed ({}); logging in again",
                        e.getFaultCode() != null ? e.getFaultCode() : e.getClass().getSimpleName());
            }
            refreshFailures.increment();
        }
        current = null;
        return login();
    }

    private AccessToken refresh(AccessToken old) {
        Map<String, Object> params = Map.of("refresh_token", old.refreshToken());
        Map<String, Object> answer = sessionCall("refresh_access_token", wire.jsonRequest(params));
        return LoginAnswer.read(answer, old.sessionId(), System.currentTimeMillis(), wire.mapper());
    }

    /** Called with the lock held. */
    private AccessToken login() {
        RejectedLogin rejected = rejectedLogin;
        if (rejected != null && System.currentTimeMillis() - rejected.atMillis < LOGIN_COOL_DOWN_MILLIS) {
            PortaBillingException cause = rejected.error;
            throw new PortaBillingException(
                    cause.getMessage() + " (login not attempted again within " + LOGIN_COOL_DOWN_MILLIS
                                            + " ms of the rejection)",
                    SESSION, "login", cause.getFaultCode(), cause.getFaultString(), cause.getHttpStatus(), cause);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("login", settings.getLogin());
        if (hasText(settings.getToken())) {
            params.put("token", settings.getToken());
        } else {
            params.put("password", settings.getPassword());
        }
        HttpEntity body = settings.isLegacyAuth() ? wire.legacyRequest(null, params) : wire.jsonRequest(params);
        Map<String, Object> answer;
        try {
            answer = sessionCall("login", body);
        } catch (PortaBillingException e) {
            loginFailures.increment();
            if (e.getFaultCode() != null) {
                rejectedLogin = new RejectedLogin(e, System.currentTimeMillis());
            }
            throw e;
        }
        AccessToken token = LoginAnswer.read(answer, null, System.currentTimeMillis(), wire.mapper());
        if (token == null) {
            loginFailures.increment();
            throw new PortaBillingException(
                    "PortaBilling Session/login answered without access_token or session_id (keys: " + answer.keySet()
                                            + ")",
                    SESSION, "login", null, null, 200, null);
        }
        rejectedLogin = null;
        current = token;
        logins.increment();
        LOG.debug("Logged in to {} as {}", getBaseUrl(), settings.getLogin());
        return token;
    }

    /** A Session call without a token; repeating a login or refresh at worst opens another session. */
    private Map<String, Object> sessionCall(String method, HttpEntity body) {
        return sendWithRetries(SESSION, method, body, null, true);
    }

    /**
     * Sends one call, tries it again as the retry policy allows, and reads the answer.
     *
     * @throws PortaBillingException a fault, an unreadable answer, or a transport failure that is not retried
     */
    private Map<String, Object> sendWithRetries(String service, String method, HttpEntity body, String bearer,
                                                boolean read) {
        int retry = 0;
        while (true) {
            long start = System.nanoTime();
            ApiResponse response;
            try {
                response = send(service, method, body, bearer);
            } catch (IOException e) {
                recordTransportFailure(service, method, start);
                long delay = retryPolicy.afterTransportError(++retry, read, e);
                if (delay == RetryPolicy.GIVE_UP) {
                    throw transportFailure(service, method, e, read);
                }
                pauseBeforeRetry(service, method, delay, e.getClass().getSimpleName());
                continue;
            }
            if (response.status() != 200 && response.status() != 500) {
                long delay = retryPolicy.afterStatus(++retry, read, response.status(), response.retryAfter());
                if (delay != RetryPolicy.GIVE_UP) {
                    recordTransportFailure(service, method, start);
                    pauseBeforeRetry(service, method, delay, "HTTP " + response.status());
                    continue;
                }
            }
            return decode(service, method, response, start);
        }
    }

    /** Reads an answer and counts its outcome; an answer from the API itself proves the server is reachable. */
    private Map<String, Object> decode(String service, String method, ApiResponse response, long startNanos) {
        try {
            Map<String, Object> answer = wire.decode(service, method, response, this::redact);
            statistics.record(service, method, CallStatistics.Outcome.ok, System.nanoTime() - startNanos);
            consecutiveFailures.set(0);
            return answer;
        } catch (PortaBillingException e) {
            boolean fault = e.getFaultCode() != null;
            statistics.record(service, method, fault ? CallStatistics.Outcome.fault : CallStatistics.Outcome.error,
                    System.nanoTime() - startNanos);
            lastFault = fault ? e.getFaultCode() : "HTTP " + e.getHttpStatus();
            if (fault) {
                consecutiveFailures.set(0);
            } else {
                consecutiveFailures.incrementAndGet();
            }
            throw e;
        }
    }

    private void recordTransportFailure(String service, String method, long startNanos) {
        statistics.record(service, method, CallStatistics.Outcome.error, System.nanoTime() - startNanos);
        consecutiveFailures.incrementAndGet();
    }

    private ApiResponse send(String service, String method, HttpEntity body, String bearer) throws IOException {
        calls.increment();
        inFlight.incrementAndGet();
        try {
            return transport.post(service, method, body, bearer);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private HttpEntity encode(AccessToken token, Map<String, Object> params) {
        if (settings.isLegacyAuth()) {
            return wire.legacyRequest(Map.of("session_id", token.sessionId()), params);
        }
        return wire.jsonRequest(params);
    }

    private String bearer(AccessToken token) {
        return settings.isLegacyAuth() ? null : token.accessToken();
    }

    private void pauseBeforeRetry(String service, String method, long delayMillis, String reason) {
        retries.increment();
        LOG.debug("{}/{} failed ({}); retrying in {} ms", service, method, reason, delayMillis);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortaBillingException("PortaBilling " + service + "/" + method + " interrupted while waiting to retry",
                    service, method, null, null, 0, e);
        }
    }

    private PortaBillingException transportFailure(String service, String method, IOException e, boolean read) {
        lastFault = e.getClass().getSimpleName();
        String call = "PortaBilling " + service + "/" + method;
        if (e instanceof ConnectTimeoutException) {
            return new PortaBillingTimeoutException(
                    call + " could not connect to " + getBaseUrl() + " within connectTimeout="
                                                    + settings.getConnectTimeout() + " ms",
                    service, method, e);
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return new PortaBillingTimeoutException(
                    call + " found no free connection: all maxConnections=" + settings.getMaxConnections()
                                                    + " calls in flight did not finish in time",
                    service, method, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new PortaBillingTimeoutException(
                    call + " got no answer within responseTimeout=" + settings.getResponseTimeout() + " ms"
                                                    + (read ? "" : "; the call may have been executed, so it is not replayed"),
                    service, method, e);
        }
        String what = e instanceof NoHttpResponseException
                ? " the server closed the connection without answering"
                : " failed: " + e.getClass().getSimpleName() + ": " + redact(String.valueOf(e.getMessage()));
        return new PortaBillingException(
                call + what + (read || RetryPolicy.neverSent(e) ? "" : "; the call may have been executed, so it is not replayed"),
                service, method, null, null, 0, e);
    }

    private PortaBillingException failed(PortaBillingException e) {
        failedCalls.increment();
        return e;
    }

    /** Masks the credentials and tokens of this session in text quoted from the server or the network. */
    private String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        AccessToken token = current;
        for (String secret : new String[] {
                settings.getPassword(), settings.getToken(),
                token != null ? token.accessToken() : null, token != null ? token.refreshToken() : null }) {
            if (secret != null && secret.length() >= 4 && result.contains(secret)) {
                result = result.replace(secret, "***");
            }
        }
        return result;
    }

    /** An empty option (e.g. password= in a URI, to clear the component's value) counts as not set. */
    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "PortaBillingSession[" + getBaseUrl() + ", realm=" + settings.getRealm() + ", login="
               + settings.getLogin() + "]";
    }

    private record RejectedLogin(PortaBillingException error, long atMillis) {
    }
}
