package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.github.camelportabilling.component.PortaBillingConfiguration;
import io.github.camelportabilling.component.PortaBillingSession;
import org.apache.hc.core5.net.InetAddressUtils;

/**
 * The rules for connection settings: which values are valid (with messages that name the option and quote the
 * value, never a secret), how an endpoint's own options combine with the component's and with a session bean's,
 * and how a host is written into a URL (IPv6 literals in brackets).
 */
public final class ConnectionSettingsCheck {

    /** The options that say which server and which login: set on an endpoint, they are its own. */
    public static final Set<String> CONNECTION_OPTIONS = Set.of(
            "host", "port", "realm", "useHttps", "login", "password", "token", "legacyAuth");

    private ConnectionSettingsCheck() {
    }

    /**
     * Checks the settings a session is started with.
     *
     * @param  where                    who set them, for the message ("the session bean", ...)
     * @throws IllegalArgumentException listing every problem
     */
    public static void validate(PortaBillingConfiguration c, String where) {
        StringBuilder problems = new StringBuilder();
        if (!hasText(c.getHost())) {
            problems.append(" host is required;");
        } else if (!isHost(c.getHost())) {
            problems.append(" host must be a bare host name or IP address (no scheme, port or path), got '")
                    .append(c.getHost()).append("';");
        }
        if (!hasText(c.getLogin())) {
            problems.append(" login is required;");
        }
        if (!hasText(c.getPassword()) && !hasText(c.getToken())) {
            problems.append(" a password or a token is required;");
        } else if (hasText(c.getPassword()) && hasText(c.getToken())) {
            problems.append(" set either password or token, not both (both are set on ").append(where).append(");");
        }
        range(problems, "port", c.getPort(), 0, 65535);
        positive(problems, "connectTimeout", c.getConnectTimeout(), " ms");
        positive(problems, "responseTimeout", c.getResponseTimeout(), " ms");
        positive(problems, "callTimeout", c.getCallTimeout(), " ms");
        positive(problems, "maxConnections", c.getMaxConnections(), "");
        if (c.getMaxRetries() < 0) {
            problems.append(" maxRetries must be >= 0, got ").append(c.getMaxRetries()).append(';');
        }
        if (hasText(c.getProxyHost())) {
            if (!isHost(c.getProxyHost())) {
                problems.append(" proxyHost must be a bare host name or IP address, got '").append(c.getProxyHost())
                        .append("';");
            }
            range(problems, "proxyPort", c.getProxyPort(), 1, 65535);
        } else if (hasText(c.getProxyUsername()) || hasText(c.getProxyPassword()) || c.getProxyPort() != 0) {
            problems.append(" proxyPort, proxyUsername and proxyPassword need proxyHost;");
        }
        if (problems.length() > 0) {
            throw new IllegalArgumentException("Invalid PortaBilling connection settings:" + problems);
        }
    }

    /**
     * A credential set on an endpoint replaces the component's: {@code token} on an endpoint drops the component's
     * {@code password}, and the other way round. Both left over is an error that says where they came from.
     *
     * @param  uriOptions               the option names written on the endpoint
     * @throws IllegalArgumentException for both credentials on the endpoint, or both from the component
     */
    public static void applyEndpointCredential(PortaBillingConfiguration endpoint, Set<String> uriOptions,
                                               String endpointUri) {
        boolean ownPassword = uriOptions.contains("password") && hasText(endpoint.getPassword());
        boolean ownToken = uriOptions.contains("token") && hasText(endpoint.getToken());
        if (ownPassword && ownToken) {
            throw new IllegalArgumentException("Invalid PortaBilling connection settings on " + endpointUri
                                               + ": set either password or token, not both (both are set on the"
                                               + " endpoint)");
        }
        if (ownToken && !uriOptions.contains("password")) {
            endpoint.setPassword(null);
        } else if (ownPassword && !uriOptions.contains("token")) {
            endpoint.setToken(null);
        } else if (hasText(endpoint.getPassword()) && hasText(endpoint.getToken()) && endpoint.getSession() == null) {
            throw new IllegalArgumentException("Invalid PortaBilling connection settings on " + endpointUri
                                               + ": set either password or token, not both (both come from the"
                                               + " component)");
        }
    }

    /**
     * A session bean and explicit endpoint connection options that name another server or login. When the bean is
     * given on the endpoint too ({@code session=#bean}), that is a contradiction and fails; when the bean came from
     * the component (autowired, or set there), the endpoint's explicit options win and it gets a session of its own.
     *
     * @param  uriOptions               the option names written on the endpoint
     * @return                          null when the bean is used as it is; otherwise a note for the log, and the
     *                                  bean is removed from the endpoint's settings
     * @throws IllegalArgumentException for a contradiction, naming both sides (never a secret)
     */
    public static String checkSessionBean(PortaBillingConfiguration endpoint, Set<String> uriOptions,
                                          String endpointUri) {
        PortaBillingSession bean = endpoint.getSession();
        if (bean == null) {
            return null;
        }
        List<String> conflicts = conflicts(endpoint, bean.getConfiguration(), uriOptions);
        if (conflicts.isEmpty()) {
            return null;
        }
        if (uriOptions.contains("session")) {
            throw new IllegalArgumentException(endpointUri + " names the session bean " + bean + " and also connection"
                                               + " options of its own that differ from it: " + String.join(", ", conflicts)
                                               + ". Remove the session option or those options.");
        }
        endpoint.setSession(null);
        return endpointUri + " sets connection options that differ from the session bean " + bean + " ("
               + String.join(", ", conflicts) + "): the endpoint's own options win and it uses a session of its own";
    }

    /** The explicit endpoint options whose value differs from the bean's, as "option: endpoint vs bean" (no secret). */
    static List<String> conflicts(PortaBillingConfiguration endpoint, PortaBillingConfiguration bean, Set<String> explicit) {
        List<String> out = new ArrayList<>();
        if (explicit.contains("host") && !sameHost(endpoint.getHost(), bean.getHost())) {
            out.add("host=" + endpoint.getHost() + " (session bean: " + bean.getHost() + ")");
        }
        if ((explicit.contains("port") || explicit.contains("realm")) && endpoint.effectivePort() != bean.effectivePort()) {
            out.add("port=" + endpoint.effectivePort() + " (session bean: " + bean.effectivePort() + ")");
        }
        if (explicit.contains("realm") && endpoint.getRealm() != bean.getRealm()) {
            out.add("realm=" + endpoint.getRealm() + " (session bean: " + bean.getRealm() + ")");
        }
        if (explicit.contains("useHttps") && endpoint.isUseHttps() != bean.isUseHttps()) {
            out.add("useHttps=" + endpoint.isUseHttps() + " (session bean: " + bean.isUseHttps() + ")");
        }
        if (explicit.contains("login") && !Objects.equals(endpoint.getLogin(), bean.getLogin())) {
            out.add("login=" + endpoint.getLogin() + " (session bean: " + bean.getLogin() + ")");
        }
        if (explicit.contains("password") && !Objects.equals(endpoint.getPassword(), bean.getPassword())) {
            out.add("password (differs from the session bean's; not shown)");
        }
        if (explicit.contains("token") && !Objects.equals(endpoint.getToken(), bean.getToken())) {
            out.add("token (differs from the session bean's; not shown)");
        }
        if (explicit.contains("legacyAuth") && endpoint.isLegacyAuth() != bean.isLegacyAuth()) {
            out.add("legacyAuth=" + endpoint.isLegacyAuth() + " (session bean: " + bean.isLegacyAuth() + ")");
        }
        return out;
    }

    /** A host name, an IPv4 address, or an IPv6 literal with or without brackets. */
    public static boolean isHost(String host) {
        String h = bareHost(host);
        if (InetAddressUtils.isIPv6(h)) {
            return true;
        }
        return !h.isEmpty() && h.chars().noneMatch(ch -> ch == '/' || ch == ':' || ch == '[' || ch == ']' || ch == '@'
                                                      || ch == '?' || ch == '#' || Character.isWhitespace(ch));
    }

    /** The host as written into a URL: IPv6 literals in brackets. */
    public static String urlHost(String host) {
        String h = bareHost(host);
        return InetAddressUtils.isIPv6(h) ? "[" + h + "]" : h;
    }

    /** Without the brackets of an IPv6 literal. */
    public static String bareHost(String host) {
        String h = host == null ? "" : host.strip();
        return h.length() > 2 && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    static boolean sameHost(String a, String b) {
        return bareHost(a).toLowerCase(Locale.ROOT).equals(bareHost(b).toLowerCase(Locale.ROOT));
    }

    /** An empty option (e.g. password= in a URI, to clear the component's value) counts as not set. */
    public static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static void range(StringBuilder problems, String option, int value, int min, int max) {
        if (value < min || value > max) {
            problems.append(' ').append(option).append(" must be between ").append(min).append(" and ").append(max)
                    .append(", got ").append(value).append(';');
        }
    }

    private static void positive(StringBuilder problems, String option, long value, String unit) {
        if (value <= 0) {
            problems.append(' ').append(option).append(" must be > 0").append(unit).append(", got ").append(value)
                    .append(';');
        }
    }
}
