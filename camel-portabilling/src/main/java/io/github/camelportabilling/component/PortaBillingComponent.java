package io.github.camelportabilling.component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.internal.ConnectionSettingsCheck;
import io.github.camelportabilling.component.internal.KnownMethods;
import io.github.camelportabilling.component.internal.OptionChecks;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code portabilling:} component. Keeps one {@link PortaBillingSession} per server, realm and login (and
 * credential), shared by all its endpoints, and logs them out when it stops, all at once and within
 * {@link PortaBillingSession#LOGOUT_TIMEOUT_MILLIS}. A session bean bound by the user is used, started when needed,
 * and never stopped: its lifecycle belongs to whoever bound it (another context may share it).
 */
@Component("portabilling")
public class PortaBillingComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingComponent.class);
    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

    @Metadata
    private PortaBillingConfiguration configuration = new PortaBillingConfiguration();

    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    /** The sessions this component created and owns, by key. */
    private final Map<String, PortaBillingSession> sessions = new ConcurrentHashMap<>();
    private final Set<PortaBillingSession> startedSessions = ConcurrentHashMap.newKeySet();
    private final Map<PortaBillingSession, Object> managedSessions = new ConcurrentHashMap<>();
    private final Set<String> warnedMethods = ConcurrentHashMap.newKeySet();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] path = remaining.split("/", -1);
        if (path.length != 2 || path[0].isBlank() || path[1].isBlank()) {
            throw new IllegalArgumentException(
                    "Invalid PortaBilling URI " + URISupport.sanitizeUri(uri)
                                               + ": expected portabilling:<Service>/<recordType>"
                                               + " (e.g. portabilling:Account/account), got '" + remaining + "'");
        }
        PortaBillingConfiguration config = configuration != null ? configuration.copy() : new PortaBillingConfiguration();
        PortaBillingEndpoint endpoint = new PortaBillingEndpoint(uri, this, config);
        endpoint.setService(path[0]);
        endpoint.setRecordType(path[1]);
        Map<String, Object> filters = PropertiesHelper.extractProperties(parameters, "filter.");
        endpoint.getFilter().putAll(filters);
        Set<String> uriOptions = Set.copyOf(parameters.keySet());
        OptionChecks.check(parameters);
        setProperties(endpoint, parameters);
        ConnectionSettingsCheck.applyEndpointCredential(config, uriOptions, URISupport.sanitizeUri(uri));
        endpoint.setUriOptions(uriOptions);
        if (config.getSslContextParameters() == null) {
            config.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.validate();
        return endpoint;
    }

    /**
     * The session for these connection options: the configured bean, or the component's shared one for the same
     * server, realm, login and credential.
     */
    PortaBillingSession sessionFor(PortaBillingConfiguration config, PortaBillingEndpoint endpoint) {
        // checked here, not when the endpoint is created: an autowired bean arrives after that
        String note = ConnectionSettingsCheck.checkSessionBean(config, endpoint.getUriOptions(),
                URISupport.sanitizeUri(endpoint.getEndpointUri()));
        if (note != null) {
            LOG.info(note);
        }
        PortaBillingSession session = config.getSession();
        if (session == null) {
            String key = PortaBillingSession.keyOf(config);
            session = sessions.computeIfAbsent(key, k -> new PortaBillingSession(config));
            warnIfSettingsDiffer(session, config, endpoint);
        }
        if (session.getCamelContext() == null) {
            session.setCamelContext(getCamelContext());
        }
        synchronized (startedSessions) {
            if (!startedSessions.contains(session)) {
                // a bound bean may already run (started by its owner or by another context): start only if needed
                if (!session.isStarted()) {
                    ServiceHelper.startService(session);
                }
                // as a context service the session shows up in JMX (type=services) when management is enabled
                manage(session);
                startedSessions.add(session);
            }
        }
        return session;
    }

    private static void warnIfSettingsDiffer(PortaBillingSession session, PortaBillingConfiguration config,
                                             PortaBillingEndpoint endpoint) {
        PortaBillingConfiguration used = session.getConfiguration();
        List<String> differing = new java.util.ArrayList<>();
        if (used.getConnectTimeout() != config.getConnectTimeout()) {
            differing.add("connectTimeout");
        }
        if (used.getResponseTimeout() != config.getResponseTimeout()) {
            differing.add("responseTimeout");
        }
        if (used.getMaxConnections() != config.getMaxConnections()) {
            differing.add("maxConnections");
        }
        if (used.getMaxRetries() != config.getMaxRetries()) {
            differing.add("maxRetries");
        }
        if (used.getRetryBackoff() != config.getRetryBackoff()) {
            differing.add("retryBackoff");
        }
        if (used.getMaxRetryAfter() != config.getMaxRetryAfter()) {
            differing.add("maxRetryAfter");
        }
        if (!Objects.equals(used.getSslContextParameters(), config.getSslContextParameters())) {
            differing.add("sslContextParameters");
        }
        if (used.getCallTimeout() != config.getCallTimeout()) {
            differing.add("callTimeout");
        }
        if (!Objects.equals(used.getProxyHost(), config.getProxyHost()) || used.getProxyPort() != config.getProxyPort()
            || !Objects.equals(used.getProxyUsername(), config.getProxyUsername())) {
            differing.add("proxy");
        }
        if (!Objects.equals(used.getHttpClientConfigurer(), config.getHttpClientConfigurer())) {
            differing.add("httpClientConfigurer");
        }
        if (!Objects.equals(used.getApiDescription(), config.getApiDescription())) {
            differing.add("apiDescription");
        }
        if (!differing.isEmpty()) {
            LOG.warn("{} shares the session {} with an endpoint that set other values of {}: the session keeps the"
                     + " first endpoint's values. Set these options on the component to use one value everywhere.",
                    endpoint, session, differing);
        }
    }

    /**
     * Shows the session in JMX (type=services) when management is enabled. Sessions start lazily, after Camel's own
     * registration of services has ended, so they are registered here.
     */
    private void manage(PortaBillingSession session) {
        ManagementStrategy management = getCamelContext().getManagementStrategy();
        if (management == null || management.getManagementAgent() == null) {
            return;
        }
        try {
            Object managed = management.getManagementObjectStrategy().getManagedObjectForService(getCamelContext(),
                    session);
            if (managed != null && !management.isManaged(managed)) {
                management.manageObject(managed);
                managedSessions.put(session, managed);
            }
        } catch (Exception e) {
            LOG.warn("Could not register {} in JMX: {}", session, e.getMessage());
        }
    }

    private void unmanage(PortaBillingSession session) {
        Object managed = managedSessions.remove(session);
        if (managed != null) {
            try {
                getCamelContext().getManagementStrategy().unmanageObject(managed);
            } catch (Exception e) {
                LOG.debug("Could not unregister {} from JMX: {}", session, e.getMessage());
            }
        }
    }

    /** Logs a "did you mean" hint once per unknown method name; newer servers do have methods the list lacks. */
    void warnOnceIfUnknown(String service, String method) {
        KnownMethods known = KnownMethods.get();
        if (!known.isKnown(service, method) && warnedMethods.add(service + "/" + method)) {
            List<String> suggestions = known.suggestionsFor(service, method);
            LOG.warn("PortaBilling method {}/{} is not in the list of {} known methods (it may be newer than the"
                     + " list){}",
                    service, method, known.size(),
                    suggestions.isEmpty() ? "" : ": did you mean " + String.join(" or ", suggestions) + "?");
        }
    }

    /** The mapper for POJO bodies when none is configured; a bound one arrives through the autowired option. */
    ObjectMapper defaultMapper() {
        return DEFAULT_MAPPER;
    }

    /** The sessions this component has started, for health checks and the dev console. */
    public Set<PortaBillingSession> getSessions() {
        return Set.copyOf(startedSessions);
    }

    /**
     * Stops the sessions this component owns, all at once: each logout has its own deadline, so two sessions on a
     * hung server take that deadline, not twice it. Bound session beans are left running for their owner.
     */
    @Override
    protected void doStop() throws Exception {
        List<PortaBillingSession> owned = List.copyOf(sessions.values());
        SessionStopper.stopAll(owned, PortaBillingSession.LOGOUT_TIMEOUT_MILLIS);
        for (PortaBillingSession session : startedSessions) {
            unmanage(session);
        }
        startedSessions.clear();
        sessions.clear();
        super.doStop();
    }

    public PortaBillingConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection options shared by every endpoint of this component. */
    public void setConfiguration(PortaBillingConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSL context parameters when no sslContextParameters are set. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
