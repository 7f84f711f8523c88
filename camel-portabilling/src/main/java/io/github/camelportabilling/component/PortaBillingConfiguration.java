package io.github.camelportabilling.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The connection options: where the server is, who logs in, and how the HTTP client behaves. Settable on the component
 * (shared by every endpoint) and on each endpoint.
 */
@Configurer
@UriParams
public class PortaBillingConfiguration implements Cloneable {

    @UriParam(label = "common")
    @Metadata(description = "Host name of the PortaBilling web server (no scheme, no port). Required unless a session"
                            + " bean is given.")
    private String host;

    @UriParam(label = "common")
    @Metadata(description = "TCP port; 0 (the default) means the realm's port: admin 443, reseller 8442,"
                            + " customer 8444, account 8445.",
              defaultValue = "0")
    private int port;

    @UriParam(label = "common", defaultValue = "admin", enums = "admin,reseller,customer,account")
    @Metadata(description = "The realm the login belongs to; it picks the default port.")
    private PortaBillingRealm realm = PortaBillingRealm.admin;

    @UriParam(label = "security", defaultValue = "true")
    @Metadata(description = "Use HTTPS (the default). Set to false only for the simulator or a trusted network; a"
                            + " warning is logged when it is off.")
    private boolean useHttps = true;

    @UriParam(label = "security")
    @Metadata(description = "The user name to log in with (Session/login).")
    private String login;

    @UriParam(label = "security", secret = true)
    @Metadata(description = "The password of the login. A password or an API token is required.", secret = true)
    private String password;

    @UriParam(label = "security", secret = true)
    @Metadata(description = "The API token of the login, used instead of a password.", secret = true)
    private String token;

    @UriParam(label = "security")
    @Metadata(description = "TLS settings (trust store, key store, protocols) for HTTPS. Without them the JVM's default"
                            + " trust store is used and host names are verified.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    @Metadata(description = "How long to wait for a TCP connection to the server: milliseconds, or a duration such as"
                            + " 10s, 1m30s or PT10S.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    @Metadata(description = "How long to wait for the server's whole answer, from sending the request to the last"
                            + " byte (a slow answer that drips in is cut off too), before the attempt fails with a"
                            + " PortaBillingTimeoutException: milliseconds, or a duration such as 30s or 2m.")
    private long responseTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "20")
    @Metadata(description = "Size of the HTTP connection pool, which is also the cap on calls in flight to the server"
                            + " (callers beyond it wait for a free connection). PortaBilling stops getting faster above"
                            + " about 20 parallel calls.")
    private int maxConnections = 20;

    @UriParam(label = "advanced")
    @Metadata(description = "Send calls in the legacy form encoding (auth_info with the session id, params as JSON"
                            + " text) for old servers that do not accept JSON bodies with a Bearer token.")
    private boolean legacyAuth;

    @UriParam(label = "advanced", defaultValue = "3")
    @Metadata(description = "How many times a call is tried again after a transient failure: a connection that could"
                            + " not be opened, 429, 503 with Retry-After (any method), or 502/503/504 and a dropped"
                            + " connection (methods that only read). A call that may have been executed, such as a"
                            + " create whose answer was lost, is never replayed. 0 disables retries.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "200", javaType = "java.time.Duration")
    @Metadata(description = "Base delay of the exponential backoff between retries (doubled each retry, with jitter):"
                            + " milliseconds, or a duration such as 500ms or 1s.")
    private long retryBackoff = 200;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    @Metadata(description = "Ceiling on a server's Retry-After: a longer wait is not honoured and the call fails at"
                            + " once instead of blocking the route. Milliseconds, or a duration such as 10s.")
    private long maxRetryAfter = 10_000;

    // ---- deadlines, proxy and HttpClient extension (a block of their own, to keep merges easy)

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    @Metadata(description = "The deadline of one call for its caller, in milliseconds or as a duration (60s, 2m):"
                            + " waiting for the session lock and for a login or refresh in progress, for a free"
                            + " connection, every attempt and every pause before a retry. Past it the call fails"
                            + " with a PortaBillingTimeoutException; a write that may have reached the server is not"
                            + " replayed.")
    private long callTimeout = 60_000;

    @UriParam(label = "proxy")
    @Metadata(description = "Host of an HTTP proxy to reach the server through. HTTPS goes through a CONNECT tunnel, so"
                            + " the proxy never sees the Authorization header or any token.")
    private String proxyHost;

    @UriParam(label = "proxy")
    @Metadata(description = "Port of the HTTP proxy; required with proxyHost.")
    private int proxyPort;

    @UriParam(label = "security")
    @Metadata(description = "User name for the HTTP proxy (Basic authentication), if it asks for one.")
    private String proxyUsername;

    @UriParam(label = "security", secret = true)
    @Metadata(description = "Password for the HTTP proxy.", secret = true)
    private String proxyPassword;

    @UriParam(label = "advanced")
    @Metadata(description = "A camel-http HttpClientConfigurer applied to the Apache HttpClient builder of the session,"
                            + " for anything else the client must be set up with (request interceptors, a route"
                            + " planner, ...). The component's own rules are applied after it: its connection pool and"
                            + " timeouts, no redirects, no automatic retries.")
    private HttpClientConfigurer httpClientConfigurer;

    // ---- the server's API description (a block of its own, to keep merges easy)

    @UriParam(label = "common", defaultValue = "auto")
    @Metadata(description = "Where the server's API description (its OpenAPI 3.0 document) is read from, once per"
                            + " session, on the first call: auto (the realm's /doc/api/{Realm}Interface.json on the"
                            + " configured server, e.g. AdminInterface.json), an http:, https:, file: or classpath:"
                            + " location (e.g. a copy saved for offline use), or none. With it, calls are checked"
                            + " (see validation) and every field is sent in its own type (Y/N flags, 1/0 switches,"
                            + " numbers); without one (none, or a server that publishes none) the component works as"
                            + " without this option.",
              defaultValue = "auto")
    private String apiDescription = "auto";

    @UriParam(label = "common", defaultValue = "warn", enums = "off,warn,fail")
    @Metadata(description = "What is done, before a call is sent, with what the API description says about it (an"
                            + " unknown method, a missing required field, a value of the wrong type; a field it does"
                            + " not list is only a warning): off (nothing reported), warn (logged once each, and sent),"
                            + " fail (refused with a PortaBillingValidationException, nothing sent; recommended for"
                            + " production routes).")
    private PortaBillingValidation validation = PortaBillingValidation.warn;

    @UriParam(label = "advanced")
    @Metadata(description = "A shared PortaBillingSession bean to use instead of the one the component keeps for this"
                            + " host, port and login. Autowired when exactly one is bound.",
              autowired = true)
    private PortaBillingSession session;

    @UriParam(label = "advanced")
    @Metadata(description = "The Jackson ObjectMapper used to turn POJO bodies into params. Autowired when exactly one"
                            + " is bound. The component uses a copy that leaves out null properties (so an update"
                            + " changes only what the POJO sets), unless the mapper sets its own default inclusion;"
                            + " the answers are always read with the component's own settings so that numbers and"
                            + " flags keep their JSON types.",
              autowired = true)
    private ObjectMapper objectMapper;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public PortaBillingRealm getRealm() {
        return realm;
    }

    public void setRealm(PortaBillingRealm realm) {
        this.realm = realm;
    }

    public boolean isUseHttps() {
        return useHttps;
    }

    public void setUseHttps(boolean useHttps) {
        this.useHttps = useHttps;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /** In milliseconds. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** In milliseconds. */
    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public boolean isLegacyAuth() {
        return legacyAuth;
    }

    public void setLegacyAuth(boolean legacyAuth) {
        this.legacyAuth = legacyAuth;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public PortaBillingSession getSession() {
        return session;
    }

    public void setSession(PortaBillingSession session) {
        this.session = session;
    }

    public ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    public void setObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getApiDescription() {
        return apiDescription;
    }

    public void setApiDescription(String apiDescription) {
        this.apiDescription = apiDescription;
    }

    public PortaBillingValidation getValidation() {
        return validation;
    }

    public void setValidation(PortaBillingValidation validation) {
        this.validation = validation;
    }

    /** The port actually used: the explicit one, else the realm's. */
    public int effectivePort() {
        return port > 0 ? port : realm.defaultPort();
    }

    public PortaBillingConfiguration copy() {
        try {
            return (PortaBillingConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Never shows the password or token, only whether they are set. */
    @Override
    public String toString() {
        return "PortaBillingConfiguration[host=" + host + ", port=" + effectivePort() + ", realm=" + realm
               + ", useHttps=" + useHttps + ", login=" + login + ", password=" + (password != null ? "***" : "none")
               + ", token=" + (token != null ? "***" : "none") + ", legacyAuth=" + legacyAuth
               + (proxyHost != null ? ", proxy=" + proxyHost + ":" + proxyPort : "")
               + (proxyPassword != null ? ", proxyPassword=***" : "") + "]";
    }
}
