package io.github.camelportabilling.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLContext;

import io.github.camelportabilling.component.internal.AccessToken;
import io.github.camelportabilling.component.internal.ApiAnswer;
import io.github.camelportabilling.component.internal.ApiDescriptionLocation;
import io.github.camelportabilling.component.internal.ApiDescriptionSource;
import io.github.camelportabilling.component.internal.CallLoop;
import io.github.camelportabilling.component.internal.CallStatistics;
import io.github.camelportabilling.component.internal.ConnectionSettingsCheck;
import io.github.camelportabilling.component.internal.Deadline;
import io.github.camelportabilling.component.internal.HttpTransport;
import io.github.camelportabilling.component.internal.LoginAnswer;
import io.github.camelportabilling.component.internal.LoginSchedule;
import io.github.camelportabilling.component.internal.MethodNames;
import io.github.camelportabilling.component.internal.MethodSchema;
import io.github.camelportabilling.component.internal.Redactor;
import io.github.camelportabilling.component.internal.RequestGate;
import io.github.camelportabilling.component.internal.RetryPolicy;
import io.github.camelportabilling.component.internal.SessionCounters;
import io.github.camelportabilling.component.internal.TokenKeeper;
import io.github.camelportabilling.component.internal.TransportFailures;
import io.github.camelportabilling.component.internal.TransportSettings;
import io.github.camelportabilling.component.internal.ValidationLog;
import io.github.camelportabilling.component.internal.WireFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in session on one PortaBilling server for one login, shared by every endpoint that talks to that server
 * as that user. It logs in with a password or an API token, refreshes the access token ahead of expiry, logs in again
 * and replays a call once when the server rejects the token, and logs out when stopped.
 * <p>
 * The token lifecycle (single flight, login schedule after rejections) is {@link TokenKeeper} and
 * {@link LoginSchedule}; sending with retries within each call's deadline is {@link CallLoop}. This class wires them
 * to the settings, and shows the counters in JMX.
 * <p>
 * Can be bound as a bean and referenced with {@code session=#name}; configure it like the component (host, login,
 * password or token, ...). A bound bean is started on first use if needed but never stopped by the component: stop
 * or close it yourself. Never exposes a password or token: not in toString, exceptions or logs.
 */
@ManagedResource(description = "PortaBilling session: logins, refreshes, calls and their outcomes; no secret")
public class PortaBillingSession extends ServiceSupport implements CamelContextAware {

    /** The deadline of the logout made when the session stops: a hung server never holds a shutdown longer. */
    public static final long LOGOUT_TIMEOUT_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingSession.class);
    private static final String SESSION = "Session";

    private final PortaBillingConfiguration settings;
    private final WireFormat wire = new WireFormat();
    private final SessionCounters counters = new SessionCounters();
    private final CallStatistics statistics = new CallStatistics();
    private final Redactor redactor = new Redactor(this::secrets);
    private volatile LongSupplier loginClock = System::currentTimeMillis;
    private final LoginSchedule schedule = new LoginSchedule(() -> loginClock.getAsLong());
    private final TokenKeeper tokens;

    private CamelContext camelContext;
    /** The started transport and its call loop; null when not started. */
    private volatile CallLoop loop;
    private volatile HttpTransport transport;
    private volatile boolean startedOnce;
    /** The API description and the checks before sending; replaced at each start (the server may have changed). */
    private volatile RequestGate gate;
    private final ValidationLog validationLog = new ValidationLog();

    /** For bean-style configuration: set the connection options on {@link #getConfiguration()}. */
    public PortaBillingSession() {
        this(new PortaBillingConfiguration());
    }

    /** Uses a copy of the given connection options. */
    public PortaBillingSession(PortaBillingConfiguration configuration) {
        this.settings = configuration.copy();
        // a session bean never points at another session
        this.settings.setSession(null);
        this.tokens = new TokenKeeper(new TokenKeeper.Renewals() {
            @Override
            public AccessToken login(Deadline deadline) {
                return PortaBillingSession.this.login(deadline);
            }

            @Override
            public AccessToken refresh(AccessToken old, Deadline deadline) {
                return PortaBillingSession.this.refresh(old, deadline);
            }
        }, schedule, counters, () -> !settings.isLegacyAuth(), this);
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

    /** {@code https://host:port}, the server this session talks to (IPv6 literals in brackets). */
    @ManagedAttribute(description = "The server this session talks to")
    public String getBaseUrl() {
        return (settings.isUseHttps() ? "https" : "http") + "://" + ConnectionSettingsCheck.urlHost(settings.getHost())
               + ":" + settings.effectivePort();
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
        return (c.isUseHttps() ? "https" : "http") + "://" + ConnectionSettingsCheck.urlHost(c.getHost()) + ":"
               + c.effectivePort() + "|" + c.getRealm() + "|" + c.getLogin() + "|" + sha256(credential) + "|"
               + (c.isLegacyAuth() ? "legacy" : "json");
    }

    /**
     * Calls a method with the session's credentials and returns the answer object, within the call's deadline
     * ({@code callTimeout}). Logs in first when needed; retries transient failures as the retry policy allows;
     * replays once after an auth fault.
     *
     * @throws PortaBillingException for faults, unreadable answers, transport failures and a stopped session
     */
    public Map<String, Object> call(String service, String method, Map<String, Object> params) {
        return call(service, method, params, settings.getValidation());
    }

    /**
     * {@link #call(String, String, Map)} with a validation mode of its own (an endpoint's): before anything is sent
     * (the login included), the params are checked against the server's API description and converted to their
     * fields' types, or follow the spec-less boolean rule without one.
     *
     * @throws PortaBillingValidationException with validation=fail, for a call the description says would fail
     */
    public Map<String, Object> call(String service, String method, Map<String, Object> params,
                                    PortaBillingValidation validation) {
        return answer(service, method, params, validation, true).json();
    }

    /**
     * Like {@link #call(String, String, Map, PortaBillingValidation)}, for the producer's operation=call, which also
     * takes answers that are files.
     *
     * @param jsonOnly whether a file answer is an error (counted as a failed call) rather than a result
     */
    ApiAnswer answer(String service, String method, Map<String, Object> params, PortaBillingValidation validation,
                     boolean jsonOnly) {
        Deadline deadline = Deadline.after(settings.getCallTimeout());
        try {
            CallLoop calls = startedLoop(service, method);
            params = gate.prepare(service, method, params, validation);
            boolean read = MethodNames.isRead(method);
            AccessToken token = tokens.token(deadline);
            try {
                return checked(calls.answer(service, method, encode(token, params), bearer(token), read, deadline),
                        service, method, jsonOnly);
            } catch (PortaBillingException e) {
                if (!e.isAuthFault()) {
                    throw e;
                }
                counters.authFaults.increment();
                LOG.debug("{}/{} rejected with {}: logging in again and replaying once", service, method,
                        e.getFaultCode());
            }
            // the server did not execute a call it rejected for auth: replaying it, even a create, is safe
            AccessToken fresh = tokens.afterRejection(token, deadline);
            try {
                return checked(calls.answer(service, method, encode(fresh, params), bearer(fresh), read, deadline),
                        service, method, jsonOnly);
            } catch (PortaBillingException e) {
                if (!e.isAuthFault()) {
                    throw e;
                }
                counters.authFaults.increment();
                // a fresh login that is rejected straight away means something else is wrong: never loop
                throw new PortaBillingException("PortaBilling " + service + "/" + method + " was rejected with "
                                                + e.getFaultCode() + " again right after a new login; not retrying",
                        service, method, e.getFaultCode(), e.getFaultString(), e.getHttpStatus(), e);
            }
        } catch (PortaBillingException e) {
            counters.failedCalls.increment();
            throw e;
        }
    }

    private static ApiAnswer checked(ApiAnswer answer, String service, String method, boolean jsonOnly) {
        if (jsonOnly) {
            answer.requireJson(service, method);
        }
        return answer;
    }

    /**
     * What the server's API description says about a method (loading the description on first use), or null without
     * a description or when it does not describe the method. For the producer and the consumer: record and list keys,
     * whether a list pages.
     */
    MethodSchema describedMethod(String service, String method) {
        RequestGate current = gate;
        var description = current != null ? current.description() : null;
        return description != null ? description.method(service, method) : null;
    }

    /** Whether an API description is loaded, where from, its size and release, or why there is none. */
    public Map<String, Object> getApiDescriptionStatus() {
        RequestGate current = gate;
        if (current == null) {
            return Map.of("loaded", false, "reason", "the session is not started");
        }
        return current.source().status();
    }

    /** The last problems validation found (newest first), for the dev console. */
    public List<Map<String, Object>> getValidationProblems() {
        return validationLog.recent();
    }

    @ManagedAttribute(description = "Whether the server's API description is loaded")
    public boolean isApiDescriptionLoaded() {
        RequestGate current = gate;
        return current != null && current.current() != null;
    }

    @ManagedAttribute(description = "Calls refused by validation=fail")
    public long getValidationRefusals() {
        return validationLog.refusedCount();
    }

    /** A snapshot of the counters; no secret in it. */
    public PortaBillingSessionStats getStats() {
        AccessToken token = tokens.current();
        return new PortaBillingSessionStats(
                token != null, counters.logins.sum(), counters.loginFailures.sum(), counters.refreshes.sum(),
                counters.refreshFailures.sum(), counters.authFaults.sum(), counters.calls.sum(),
                counters.failedCalls.sum(), counters.retries.sum(), counters.inFlight.get(),
                token != null ? token.issuedAtMillis() : 0,
                token != null && token.expiresAtMillis() != AccessToken.NO_EXPIRY ? token.expiresAtMillis() : 0,
                counters.lastFault());
    }

    /** Whether the session currently holds a token it believes valid (no API call is made). */
    @ManagedAttribute(description = "Whether the session holds a token it believes valid")
    public boolean isLoggedIn() {
        AccessToken token = tokens.current();
        return token != null && !token.isStale(System.currentTimeMillis());
    }

    /** Whether the server rejected the last login (wrong credentials, lockout, password to change). */
    @ManagedAttribute(description = "Whether the server rejected the last login attempt")
    public boolean isLoginRejected() {
        return schedule.lastRejection() != null;
    }

    /** Whether logins are held now after a rejection: calls fail at once, without a login attempt. */
    @ManagedAttribute(description = "Whether logins are held after a rejection (no attempt before NextLoginAttempt)")
    public boolean isLoginOnHold() {
        return schedule.isOnHold();
    }

    /** The fault code the server rejected the last login with, or null. */
    @ManagedAttribute(description = "The fault code of the last rejected login")
    public String getLoginRejectionFaultCode() {
        PortaBillingException rejection = schedule.lastRejection();
        return rejection != null ? rejection.getFaultCode() : null;
    }

    /** Epoch millis from which a login is attempted again after a rejection; 0 when logins are not held. */
    @ManagedAttribute(description = "Epoch millis from which a login is attempted again after a rejection; 0 = now")
    public long getNextLoginAttempt() {
        return schedule.holdUntilMillis();
    }

    /** Forgets rejected logins, e.g. once an operator fixed the credentials on the server: the next call logs in. */
    @ManagedOperation(description = "Forget rejected logins so that the next call logs in at once")
    public void resetLoginSchedule() {
        schedule.reset();
    }

    /** Calls in a row (not attempts) that got no answer from the API itself (transport failures, proxy errors). */
    @ManagedAttribute(description = "Calls in a row that got no answer from the API itself")
    public int getConsecutiveFailures() {
        return counters.consecutiveFailures.get();
    }

    @ManagedAttribute(description = "Successful logins")
    public long getLogins() {
        return counters.logins.sum();
    }

    @ManagedAttribute(description = "Successful token refreshes")
    public long getRefreshes() {
        return counters.refreshes.sum();
    }

    @ManagedAttribute(description = "Calls rejected for authentication (each followed by one re-login and replay)")
    public long getAuthFaults() {
        return counters.authFaults.sum();
    }

    @ManagedAttribute(description = "API calls sent, retries and replays included")
    public long getCalls() {
        return counters.calls.sum();
    }

    @ManagedAttribute(description = "Calls that ended in an exception for the caller, rejected logins included")
    public long getFailedCalls() {
        return counters.failedCalls.sum();
    }

    @ManagedAttribute(description = "Calls tried again by the retry policy")
    public long getRetries() {
        return counters.retries.sum();
    }

    @ManagedAttribute(description = "Calls waiting for an answer now")
    public int getInFlight() {
        return counters.inFlight.get();
    }

    @ManagedAttribute(description = "The last faultcode or error seen")
    public String getLastFault() {
        return counters.lastFault();
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

    /** For tests: the clock of the login schedule (epoch millis), so that an hour of retries needs no hour. */
    void setLoginClock(LongSupplier clock) {
        this.loginClock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        ConnectionSettingsCheck.validate(settings, "the session " + this);
        if (!settings.isUseHttps()) {
            LOG.warn("PortaBilling session {} uses plain http (useHttps=false): credentials and tokens are sent"
                     + " unencrypted. Use this only with the simulator or on a trusted network.",
                    this);
        }
        SSLContext sslContext = null;
        if (settings.isUseHttps() && settings.getSslContextParameters() != null) {
            sslContext = settings.getSslContextParameters().createSSLContext(camelContext);
        }
        TransportSettings transportSettings = new TransportSettings(getBaseUrl(), settings.isUseHttps(), sslContext,
                settings.getConnectTimeout(), settings.getResponseTimeout(), settings.getMaxConnections(),
                hasText(settings.getProxyHost()) ? settings.getProxyHost() : null, settings.getProxyPort(),
                hasText(settings.getProxyUsername()) ? settings.getProxyUsername() : null, settings.getProxyPassword(),
                settings.getHttpClientConfigurer());
        HttpTransport started = new HttpTransport(transportSettings);
        RetryPolicy retryPolicy = new RetryPolicy(settings.getMaxRetries(), settings.getRetryBackoff(),
                settings.getMaxRetryAfter());
        transport = started;
        loop = new CallLoop(started, retryPolicy, wire, counters, statistics,
                new TransportFailures(transportSettings, settings.getCallTimeout(), redactor), redactor);
        gate = new RequestGate(new ApiDescriptionSource(ApiDescriptionLocation.parse(settings.getApiDescription()),
                getBaseUrl(), settings.getRealm().name(), () -> transport, this::classLoader, settings.getCallTimeout()),
                validationLog);
        tokens.open();
        startedOnce = true;
    }

    /** Logs out within {@link #LOGOUT_TIMEOUT_MILLIS}, then closes every connection; calls in flight fail as stopped. */
    @Override
    protected void doStop() throws Exception {
        CallLoop calls = loop;
        HttpTransport closing = transport;
        AccessToken token = tokens.close();
        loop = null;
        transport = null;
        if (token != null && calls != null) {
            try {
                Map<String, Object> params = new HashMap<>();
                if (token.accessToken() != null) {
                    params.put("access_token", token.accessToken());
                }
                calls.call(SESSION, "logout", encode(token, params), bearer(token), false,
                        Deadline.after(LOGOUT_TIMEOUT_MILLIS));
                LOG.debug("Logged out of {}", this);
            } catch (RuntimeException e) {
                // servers are known to answer logout oddly, or not at all; the token dies at expiry anyway
                LOG.debug("Logout from {} failed: {}", this, e.getClass().getSimpleName());
            }
        }
        if (closing != null) {
            closing.close();
        }
    }

    private CallLoop startedLoop(String service, String method) {
        CallLoop calls = loop;
        if (calls == null) {
            throw new PortaBillingException("PortaBilling " + service + "/" + method + ": the session " + this
                                            + (startedOnce ? " is stopped" : " is not started"),
                    service, method, null, null, 0, null);
        }
        return calls;
    }

    private AccessToken login(Deadline deadline) {
        Map<String, Object> params = new HashMap<>();
        params.put("login", settings.getLogin());
        if (hasText(settings.getToken())) {
            params.put("token", settings.getToken());
        } else {
            params.put("password", settings.getPassword());
        }
        HttpEntity body = settings.isLegacyAuth() ? wire.legacyRequest(null, params) : wire.jsonRequest(params);
        Map<String, Object> answer = startedLoop(SESSION, "login").call(SESSION, "login", body, null, true, deadline);
        AccessToken token = LoginAnswer.read(answer, null, System.currentTimeMillis(), wire.mapper());
        if (token == null) {
            throw unusableLogin("without access_token or session_id", answer);
        }
        if (settings.isLegacyAuth() && token.sessionId() == null) {
            throw unusableLogin("without session_id, which legacyAuth=true sends with every call", answer);
        }
        LOG.debug("Logged in to {} as {}", getBaseUrl(), settings.getLogin());
        return token;
    }

    private AccessToken refresh(AccessToken old, Deadline deadline) {
        Map<String, Object> params = Map.of("refresh_token", old.refreshToken());
        Map<String, Object> answer = startedLoop(SESSION, "refresh_access_token")
                .call(SESSION, "refresh_access_token", wire.jsonRequest(params), null, true, deadline);
        return LoginAnswer.read(answer, old.sessionId(), System.currentTimeMillis(), wire.mapper());
    }

    private static PortaBillingException unusableLogin(String what, Map<String, Object> answer) {
        // the field names only: the values may be tokens
        return new PortaBillingException("PortaBilling Session/login answered " + what + " (fields: "
                                         + answer.keySet() + ")", SESSION, "login", null, null, 200, null);
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

    /** What the redactor masks by value wherever it appears. */
    private List<String> secrets() {
        AccessToken token = tokens.current();
        List<String> secrets = new ArrayList<>(Arrays.asList(settings.getPassword(), settings.getToken(),
                settings.getProxyPassword()));
        if (token != null) {
            secrets.addAll(Arrays.asList(token.accessToken(), token.refreshToken(), token.sessionId()));
        }
        return secrets;
    }

    /** For classpath: API descriptions: the application's class loader when Camel knows it. */
    private ClassLoader classLoader() {
        ClassLoader loader = camelContext != null ? camelContext.getApplicationContextClassLoader() : null;
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader != null ? loader : PortaBillingSession.class.getClassLoader();
    }

    private static boolean hasText(String value) {
        return ConnectionSettingsCheck.hasText(value);
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
}
