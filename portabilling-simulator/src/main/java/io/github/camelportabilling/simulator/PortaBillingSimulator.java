package io.github.camelportabilling.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory PortaBilling-compatible JSON API server on the loopback interface: sessions with JWT access
 * tokens, Account and Customer records, both request encodings, PortaBilling's faults, plus switches to inject
 * the failures real servers and proxies produce. Start one per test class (port 0) and close it afterwards.
 *
 * <pre>{@code
 * try (PortaBillingSimulator sim = PortaBillingSimulator.builder().seedCustomers(100).start()) {
 *     String url = sim.baseUrl(); // http://127.0.0.1:<port>, log in as DEMO_LOGIN / DEMO_PASSWORD
 * }
 * }</pre>
 */
public final class PortaBillingSimulator implements AutoCloseable {

    public static final String DEMO_LOGIN = "demo";
    public static final String DEMO_PASSWORD = "demo-password";
    public static final String DEMO_TOKEN_LOGIN = "demo-api";
    public static final String DEMO_API_TOKEN = "demo-api-token";

    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingSimulator.class);
    private static final String DEFAULT_HOST = "127.0.0.1";

    static {
        // The JDK server writes headers and body as two TCP segments; with Nagle on, each answer waits for the
        // client's delayed ACK (~44 ms). The property is read once per JVM, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServerThreads threads;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String baseUrl;
    private final int port;
    private final String host;
    private final ServerConditions conditions;
    private final PlainHttpListener plainHttp;
    private final DelayedAnswers delayedAnswers;
    private final String realm;

    private final Credentials credentials;
    private final SessionStore sessions;
    private final CustomerStore customers = new CustomerStore();
    private final AccountStore accounts = new AccountStore(customers);
    private final ApiDispatcher dispatcher;
    private final CallCounters counters = new CallCounters();
    private final RequestLog requestLog;
    private final FaultInjector faults = new FaultInjector();
    private final CallHooks hooks = new CallHooks();
    private final ListPaging paging = new ListPaging();
    private final ApiDescriptionHandler apiDescription;
    private volatile boolean closed;

    private PortaBillingSimulator(Builder b) throws IOException {
        this.credentials = b.credentials;
        this.conditions = b.conditions;
        this.realm = b.realm;
        this.sessions = new SessionStore(b.realm, b.tokenLifetime, conditions);
        this.dispatcher = new ApiDispatcher(new Authenticator(sessions, credentials), b.missingFieldFaultCode);
        new SessionService(sessions, credentials, conditions).register(dispatcher);
        new CustomerService(customers, paging).register(dispatcher);
        new AccountService(accounts, paging).register(dispatcher);
        setListOrder(b.listOrder);
        paging.setPageCap(b.pageCap);
        b.pagingIgnored.forEach(m -> paging.setIgnored(m, true));
        new GenericService().register(dispatcher);
        new RecordingService().register(dispatcher);
        this.requestLog = new RequestLog(b.requestLogCapacity);

        if (b.demoData) {
            seedDemoData();
        }
        seedCustomers(b.seedCustomers);
        seedAccounts(b.seedAccounts);

        this.host = b.host;
        InetAddress bindAddress = InetAddress.getByName(host);
        InetSocketAddress address = new InetSocketAddress(bindAddress, b.port);
        int backlog = Math.max(1024, b.serverThreads * 2);
        if (b.keyStore != null) {
            HttpsServer https = HttpsServer.create(address, backlog);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext(b.keyStore, b.keyPassword)));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, backlog);
        }
        this.port = server.getAddress().getPort();
        this.baseUrl = (b.keyStore != null ? "https://" : "http://") + urlHost(host) + ":" + port;
        this.threads = new ServerThreads(port);
        this.executor = threads.newPool(b.serverThreads);
        server.setExecutor(executor);
        this.delayedAnswers = new DelayedAnswers(threads, executor);
        server.createContext("/", new ExchangeHandler(counters, requestLog, hooks, faults, dispatcher, closing, conditions,
                delayedAnswers));
        this.apiDescription = new ApiDescriptionHandler(b.realm, dispatcher.served(), b.apiDescriptionExtraMethods,
                b.apiDescription, counters);
        server.createContext(ApiDescriptionHandler.PREFIX, apiDescription);
        threads.start(server);
        this.plainHttp = b.plainHttp != null ? new PlainHttpListener(bindAddress, b.plainHttp == PlainHttp.SILENT) : null;
        LOG.debug("PortaBilling simulator listening on {}", baseUrl);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts with defaults and the demo credentials on this port (0 = a free one). */
    public static PortaBillingSimulator start(int port) throws IOException {
        return builder().port(port).start();
    }

    /** {@code http://127.0.0.1:<port>} ({@code https://...} with TLS), no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The address it listens on: {@code 127.0.0.1} unless {@link Builder#host} said otherwise (e.g. {@code ::1}). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Stops at once: open connections are closed and delayed answers end without an answer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        if (plainHttp != null) {
            plainHttp.close();
        }
        server.stop(0);
        delayedAnswers.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("PortaBilling simulator on {} stopped", baseUrl);
    }

    // ---- counters and observation

    /** Calls of {@code Service/method} that reached the simulator, faulted ones included. */
    public long callCount(String serviceMethod) {
        return counters.calls(serviceMethod);
    }

    public long loginCount() {
        return callCount("Session/login");
    }

    public long refreshCount() {
        return callCount("Session/refresh_access_token");
    }

    /** Every request that reached the simulator, paths outside {@code /rest/} included. */
    public long totalCallCount() {
        return counters.total();
    }

    /** Resets the call counters and the in-flight high-water mark (to the calls in flight now). */
    public void resetCounters() {
        counters.reset();
    }

    public int inFlight() {
        return counters.inFlight();
    }

    public int inFlightHighWaterMark() {
        return counters.highWaterMark();
    }

    /** CPU time used so far by the simulator's own threads (request pool and HTTP dispatcher); -1 if unsupported. */
    public long serverCpuTimeNanos() {
        return threads.cpuTimeNanos();
    }

    /** The recorded requests, oldest first (a bounded ring, see {@link Builder#requestLogCapacity}). */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    /** The latest recorded request of {@code Service/method}, or null. */
    public RecordedRequest lastRequest(String serviceMethod) {
        return requestLog.last(serviceMethod);
    }

    public void clearRequests() {
        requestLog.clear();
    }

    /**
     * Every access token, refresh token and session id ever issued, plus the configured passwords and API tokens:
     * none of them may ever show up in a log line, an exception message or a URL.
     */
    public Set<String> issuedSecrets() {
        Set<String> all = new LinkedHashSet<>(credentials.secrets());
        all.addAll(sessions.issuedSecrets());
        return all;
    }

    // ---- session control

    /** Every current session ends: its access tokens, refresh token and session id stop working. */
    public void revokeAllSessions() {
        sessions.revokeAll();
    }

    /** Sessions not logged out or revoked (expired ones still count: they can be refreshed). */
    public int activeSessionCount() {
        return sessions.activeCount();
    }

    /** Lifetime of tokens issued from now on. */
    public void setTokenLifetime(Duration lifetime) {
        sessions.setLifetime(Objects.requireNonNull(lifetime, "lifetime"));
    }

    /** In read-only mode writes ({@code add_, update_, terminate_, delete_}) answer fault {@code read_only_mode}. */
    public void setReadOnly(boolean readOnly) {
        dispatcher.setReadOnly(readOnly);
    }

    // ---- unfriendly server conditions (see ServerConditions); resetServerConditions() turns all off

    /** From {@code badLogins} bad logins within {@code window}, the login is locked out for {@code period}. */
    public void setBruteForceLockout(int badLogins, Duration window, Duration period) {
        conditions.lockout(new ServerConditions.Lockout(badLogins, window, period));
    }

    /** Whether the login is locked out now (bad logins reached the limit). */
    public boolean isLockedOut(String login) {
        return conditions.isLockedOut(login, System.currentTimeMillis());
    }

    /** The login's correct credentials answer {@code Server.Session.alert_You_must_change_password}. */
    public void setMustChangePassword(String login, boolean must) {
        conditions.mustChangePassword(Objects.requireNonNull(login, "login"), must);
    }

    /** Every {@code Session/login} waits this long before it is answered (a hung login); zero = none. */
    public void setLoginDelay(Duration delay) {
        conditions.loginDelay(delay);
    }

    /** Every answer body drips {@code bytes} at a time with {@code every} between chunks; null turns it off. */
    public void setSlowBody(int bytes, Duration every) {
        conditions.slowBody(every == null ? null : new ServerConditions.SlowBody(bytes, every));
    }

    /** The server's clock is this far ahead (negative: behind) in the iat, exp and expires_at it issues. */
    public void setClockOffset(Duration offset) {
        conditions.clockOffset(Objects.requireNonNull(offset, "offset"));
    }

    /** Whether login and refresh answers carry {@code expires_in} (older releases do not). */
    public void setExpiresIn(boolean answered) {
        conditions.expiresIn(answered);
    }

    /**
     * Every answer waits {@code perCall} from the request's arrival, plus {@code perRecord} per record of a list page
     * (a far-away server and its query time), without holding a request thread; zero and zero turn it off.
     */
    public void setLatency(Duration perCall, Duration perRecord) {
        conditions.latency(new ServerConditions.Latency(perCall, perRecord));
    }

    /** Every condition above off, lockouts and bad-login counts forgotten (builder settings included). */
    public void resetServerConditions() {
        conditions.reset();
    }

    /** The plain-http listener's port (see {@link Builder#plainHttpListener}); -1 without one. */
    public int plainHttpPort() {
        return plainHttp != null ? plainHttp.port() : -1;
    }

    /** Connections the plain-http listener accepted. */
    public long plainHttpConnections() {
        return plainHttp != null ? plainHttp.connections() : 0;
    }

    /** How the plain-http listener answers what arrives (a TLS ClientHello included). */
    public enum PlainHttp {
        /** {@code 400 Bad Request} in plain text at once, as nginx on its http port. */
        ANSWERS_400,
        /** reads and never answers, as the JDK's HTTP server does with a ClientHello. */
        SILENT
    }

    // ---- the API description (GET /doc/api/<Realm>Interface.json, no auth)

    /** What {@code GET /doc/api/<Realm>Interface.json} answers. */
    public enum ApiDescription {
        /** the simulator's own OpenAPI 3.0.2 document of every method it serves (the default) */
        SYNTHETIC,
        /** 404, as a server without a document */
        NONE,
        /** 200 with an HTML page (a documentation UI) instead of the JSON document */
        HTML_PAGE,
        /** 200 with a Swagger 2.0 document, not OpenAPI 3.0.x */
        SWAGGER_2
    }

    /** What the API description path answers from now on. */
    public void setApiDescription(ApiDescription mode) {
        apiDescription.setMode(Objects.requireNonNull(mode, "mode"));
    }

    /** The path of the API description, e.g. {@code /doc/api/AdminInterface.json} (the realm's file name). */
    public String apiDescriptionPath() {
        return ApiDescriptionHandler.PREFIX + ApiDescriptionDocument.fileName(realm);
    }

    /** Requests of {@code /doc/api/...} so far (they are counted in {@link #totalCallCount()}, not in {@link #requests()}). */
    public long apiDescriptionRequests() {
        return apiDescription.requests();
    }

    /** The Authorization header of the last {@code /doc/api/...} request, or null: the document needs no credentials. */
    public String apiDescriptionAuthorization() {
        return apiDescription.lastAuthorization();
    }

    /** The methods with a handler, for tests. */
    Set<String> servedMethods() {
        return dispatcher.served();
    }

    /** The synthetic document the simulator serves (a copy), whatever {@link #setApiDescription} says. */
    public byte[] apiDescriptionDocument() {
        return apiDescription.document().clone();
    }

    // ---- fault injection

    /** The next {@code times} calls of {@code Service/method} ({@code "*"}: any method outside Session/*) get the fault. */
    public void injectFault(String serviceMethod, int times, Fault fault) {
        faults.inject(serviceMethod, times, fault);
    }

    /** Until {@link #clearFaults()}, each matching call gets one of the faults with this probability; the seed makes runs repeatable. */
    public void injectFaultRandomly(String serviceMethod, double probability, long seed, Fault... faults) {
        this.faults.injectRandomly(serviceMethod, probability, seed, faults);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Runs the hook before each call of {@code Service/method} ({@code "*"}: every call) is processed. */
    public void onCall(String serviceMethod, CallHook hook) {
        hooks.add(serviceMethod, hook);
    }

    public void clearHooks() {
        hooks.clear();
    }

    // ---- list order and paging (what real servers and proxies do)

    /** Serves {@code get_*_list} in this order from now on; default {@link ListOrder#NATURAL}. */
    public void setListOrder(ListOrder order) {
        Objects.requireNonNull(order, "order");
        customers.setOrder(order);
        accounts.setOrder(order);
    }

    public ListOrder listOrder() {
        return accounts.order();
    }

    /** At most {@code cap} records per list page whatever {@code limit} asks ({@code total} stays right); 0 = no cap. */
    public void setPageCap(int cap) {
        paging.setPageCap(cap);
    }

    /** Whether {@code Service/method} (a list method) ignores {@code limit}/{@code offset} and answers the whole list. */
    public void setPagingIgnored(String serviceMethod, boolean ignored) {
        paging.setIgnored(Objects.requireNonNull(serviceMethod, "serviceMethod"), ignored);
    }

    /**
     * Adds a subscription to an account, served by {@code Account/get_subscriptions} (answer key {@code subscriptions},
     * not paged: the whole list whatever {@code limit}/{@code offset} say); returns its {@code i_account_subscription}.
     */
    public long addSubscription(long iAccount, Map<String, Object> fields) {
        return direct(() -> accounts.addSubscription(iAccount, fields));
    }

    // ---- data, directly

    /** Adds a customer as add_customer would ({@code name} and {@code iso_4217} required); returns {@code i_customer}. */
    public long addCustomer(Map<String, Object> fields) {
        return direct(() -> customers.add(fields).iCustomer);
    }

    /** Adds an account as add_account would ({@code id, billing_model, i_product, i_customer} required); returns {@code i_account}. */
    public long addAccount(Map<String, Object> fields) {
        return direct(() -> accounts.add(fields).iAccount);
    }

    /** The customer as {@code customer_info} shows it, or null. */
    public Map<String, Object> customer(long iCustomer) {
        CustomerRecord c = customers.get(iCustomer);
        return c == null ? null : c.toMap();
    }

    /** The account as {@code account_info} shows it, or null. */
    public Map<String, Object> account(long iAccount) {
        AccountRecord a = accounts.get(iAccount);
        return a == null ? null : a.toMap();
    }

    /** Applies changes as update_customer would; throws IllegalArgumentException for an unknown customer or a bad value. */
    public void updateCustomer(long iCustomer, Map<String, Object> changes) {
        Map<String, Object> info = new java.util.LinkedHashMap<>(changes);
        info.put("i_customer", iCustomer);
        direct(() -> customers.update(info));
    }

    /** Applies changes as update_account would; throws IllegalArgumentException for an unknown account or a bad value. */
    public void updateAccount(long iAccount, Map<String, Object> changes) {
        Map<String, Object> info = new java.util.LinkedHashMap<>(changes);
        info.put("i_account", iAccount);
        direct(() -> accounts.update(info));
    }

    /** Removes the customer (no-op when unknown). */
    public void deleteCustomerRecord(long iCustomer) {
        customers.delete(iCustomer);
    }

    /** Removes the account (no-op when unknown). */
    public void deleteAccountRecord(long iAccount) {
        accounts.delete(iAccount);
    }

    public int customerCount() {
        return customers.size();
    }

    public int accountCount() {
        return accounts.size();
    }

    /** Adds n open customers named "Customer 000001", "Customer 000002", ... */
    public void seedCustomers(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        if (n > 0) {
            customers.seed(n);
        }
    }

    /** Adds n open accounts ("15550000001", ...) spread over the existing customers (one is created if there is none). */
    public void seedAccounts(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        if (n > 0) {
            accounts.seed(n);
        }
    }

    /** Adds 30 customers (statuses O/S/C/E/D, three currencies) with 60 accounts (statuses O/I/C, some blocked). */
    public void seedDemoData() {
        DemoData.load(customers, accounts);
    }

    @Override
    public String toString() {
        return "PortaBillingSimulator[" + baseUrl + (closed ? ", closed" : "") + "]";
    }

    private static String urlHost(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** Turns the API's validation faults into exceptions for the Java API. */
    private static <T> T direct(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (MissingFieldException | InvalidFieldException | RecordNotFoundException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (ApiFault e) {
            throw new IllegalArgumentException(e.faultCode() + ": " + e.faultString(), e);
        }
    }

    private static SSLContext sslContext(KeyStore keyStore, char[] password) throws IOException {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the key store for TLS: " + e.getMessage(), e);
        }
    }

    /** Settings for {@link #start()}. Without any user or API token, the demo credentials are configured. */
    public static final class Builder {
        private int port;
        private final Credentials credentials = new Credentials();
        private String realm = "admin";
        private Duration tokenLifetime = Duration.ofSeconds(172_800);
        private int seedCustomers;
        private int seedAccounts;
        private boolean demoData;
        private String missingFieldFaultCode = FaultCodes.DEFAULT_MISSING_FIELD;
        private KeyStore keyStore;
        private char[] keyPassword;
        private int serverThreads = 128;
        private int requestLogCapacity = 10_000;
        private ListOrder listOrder = ListOrder.NATURAL;
        private int pageCap;
        private final Set<String> pagingIgnored = new LinkedHashSet<>();
        private boolean started;
        private String host = DEFAULT_HOST;
        private final ServerConditions conditions = new ServerConditions();
        private PlainHttp plainHttp;
        private ApiDescription apiDescription = ApiDescription.SYNTHETIC;
        private int apiDescriptionExtraMethods;

        private Builder() {
        }

        /** 0 = a free port (default). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** A login with a password; may be called more than once. */
        public Builder user(String login, String password) {
            credentials.addPassword(Objects.requireNonNull(login, "login"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /** A login with an API token ({@code Session/login} with {@code login} + {@code token}); may be called more than once. */
        public Builder apiToken(String login, String token) {
            credentials.addToken(Objects.requireNonNull(login, "login"), Objects.requireNonNull(token, "token"));
            return this;
        }

        /** The JWT {@code realm} claim; default {@code admin}. */
        public Builder realm(String realm) {
            this.realm = Objects.requireNonNull(realm, "realm");
            return this;
        }

        /** Access token lifetime; default 172800 s (48 h). Millisecond precision. */
        public Builder tokenLifetime(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, got " + d);
            }
            this.tokenLifetime = d;
            return this;
        }

        public Builder seedCustomers(int n) {
            this.seedCustomers = requireNonNegative(n);
            return this;
        }

        public Builder seedAccounts(int n) {
            this.seedAccounts = requireNonNegative(n);
            return this;
        }

        /** Loads the demo data set (see {@link PortaBillingSimulator#seedDemoData()}). */
        public Builder demoData() {
            this.demoData = true;
            return this;
        }

        /**
         * The fault code for a missing mandatory field. {@code {service}}, {@code {method}} and {@code {field}}
         * are replaced; default {@link FaultCodes#DEFAULT_MISSING_FIELD}
         * ({@code Client.Account.add_account.missing_mandatory_field}).
         */
        public Builder missingFieldFaultCode(String code) {
            this.missingFieldFaultCode = Objects.requireNonNull(code, "code");
            return this;
        }

        /** Serve HTTPS with the key in this key store (see {@link SelfSignedCertificate}). */
        public Builder https(KeyStore keyStore, char[] password) {
            this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
            this.keyPassword = password == null ? null : password.clone();
            return this;
        }

        /** Request threads; default 128, so the server never caps a client's concurrency. */
        public Builder serverThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("serverThreads must be at least 1, got " + n);
            }
            this.serverThreads = n;
            return this;
        }

        /** How many requests {@link PortaBillingSimulator#requests()} keeps; default 10000, 0 = none. */
        public Builder requestLogCapacity(int n) {
            this.requestLogCapacity = requireNonNegative(n);
            return this;
        }

        // ---- unfriendly server conditions (runtime switches of the same names on the simulator)

        /** A loopback address to listen on instead of {@code 127.0.0.1}, e.g. {@code ::1}. */
        public Builder host(String address) {
            try {
                if (!InetAddress.getByName(Objects.requireNonNull(address, "address")).isLoopbackAddress()) {
                    throw new IllegalArgumentException("the simulator listens on loopback only, got " + address);
                }
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + address, e);
            }
            this.host = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            return this;
        }

        /** From {@code badLogins} bad logins within {@code window}, even the right password fails for {@code period}. */
        public Builder bruteForceLockout(int badLogins, Duration window, Duration period) {
            conditions.lockout(new ServerConditions.Lockout(badLogins, window, period));
            return this;
        }

        /** The login's correct credentials answer {@code Server.Session.alert_You_must_change_password}. */
        public Builder mustChangePassword(String login) {
            conditions.mustChangePassword(Objects.requireNonNull(login, "login"), true);
            return this;
        }

        /** Every {@code Session/login} waits this long before it is answered (a hung login). */
        public Builder loginDelay(Duration delay) {
            conditions.loginDelay(delay);
            return this;
        }

        /** Every answer body drips {@code bytes} at a time with {@code every} between chunks. */
        public Builder slowBody(int bytes, Duration every) {
            conditions.slowBody(new ServerConditions.SlowBody(bytes, every));
            return this;
        }

        /** The server's clock is this far ahead (negative: behind) in the iat, exp and expires_at it issues. */
        public Builder clockOffset(Duration offset) {
            conditions.clockOffset(Objects.requireNonNull(offset, "offset"));
            return this;
        }

        /** Every answer waits {@code perCall}, plus {@code perRecord} per record of a list page; see {@code setLatency}. */
        public Builder latency(Duration perCall, Duration perRecord) {
            conditions.latency(new ServerConditions.Latency(perCall, perRecord));
            return this;
        }

        /** Login and refresh answers without {@code expires_in}, as older releases answer. */
        public Builder withoutExpiresIn() {
            conditions.expiresIn(false);
            return this;
        }

        /** A second, plain-http port that a client configured for https may be pointed at by mistake. */
        public Builder plainHttpListener(PlainHttp answer) {
            this.plainHttp = Objects.requireNonNull(answer, "answer");
            return this;
        }

        /** The order of list answers; default {@link ListOrder#NATURAL} (accounts by id, customers by name). */
        public Builder listOrder(ListOrder order) {
            this.listOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /** At most {@code cap} records per list page whatever {@code limit} asks, as a capping proxy; 0 = none (default). */
        public Builder pageCap(int cap) {
            this.pageCap = requireNonNegative(cap);
            return this;
        }

        /** {@code Service/method} answers its whole list whatever {@code limit}/{@code offset} say; may be repeated. */
        public Builder ignorePaging(String serviceMethod) {
            pagingIgnored.add(Objects.requireNonNull(serviceMethod, "serviceMethod"));
            return this;
        }

        // ---- the API description

        /** What {@code GET /doc/api/<Realm>Interface.json} answers; default {@link ApiDescription#SYNTHETIC}. */
        public Builder apiDescription(ApiDescription mode) {
            this.apiDescription = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Adds {@code n} generated methods to the document that are documented but not served (one path and two
         * schemas each), for a document of a real server's size: 1000 gives about 1,000 paths and 2,000 schemas.
         */
        public Builder apiDescriptionExtraMethods(int n) {
            this.apiDescriptionExtraMethods = requireNonNegative(n);
            return this;
        }

        public PortaBillingSimulator start() throws IOException {
            if (started) {
                throw new IllegalStateException("this builder already started a simulator");
            }
            started = true;
            if (credentials.isEmpty()) {
                credentials.addPassword(DEMO_LOGIN, DEMO_PASSWORD);
                credentials.addToken(DEMO_TOKEN_LOGIN, DEMO_API_TOKEN);
            }
            return new PortaBillingSimulator(this);
        }

        private static int requireNonNegative(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("must not be negative, got " + n);
            }
            return n;
        }
    }
}
