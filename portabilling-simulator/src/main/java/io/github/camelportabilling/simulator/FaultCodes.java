package io.github.camelportabilling.simulator;

/**
 * The fault codes the simulator answers (always HTTP 500 with {@code {"faultcode","faultstring"}}, except
 * {@link #NOT_FOUND} which answers 404 because it stands for the web server in front of the API).
 * Codes documented by PortaOne or seen in real client code are spelled exactly as there; the others
 * (marked "simulator's choice") fill gaps where no public sample exists.
 */
public final class FaultCodes {

    /** Bad login or password (or API token) at {@code Session/login} or in a legacy {@code auth_info}. */
    public static final String LOGIN_FAILED = "Server.Session.auth_failed";
    public static final String LOGIN_FAILED_TEXT =
            "The login or password is incorrect. Please note: your password is case sensitive.";
    /** Expired, logged-out or revoked session. */
    public static final String AUTH_FAILED = "Server.Session.check_auth.auth_failed";
    public static final String AUTH_FAILED_TEXT = "Authentification failed";
    /** A well-formed JWT (or a session id) this server never issued. */
    public static final String FAILED_TO_PROCESS_ACCESS_TOKEN =
            "Client.Session.check_auth.failed_to_process_access_token";
    /** A bearer value that is not a parsable JWT. */
    public static final String FAILED_TO_PROCESS_JWT = "Client.Session.check_auth.failed_to_process_jwt";
    /** No credentials at all. */
    public static final String ENVELOPE_MISSED = "Client.check_auth.envelope_missed";
    /** A login locked out after too many bad logins; even the right password fails until the lockout ends. */
    public static final String BRUTE_FORCE_LOCKOUT = "Server.Session.cannot_login_brute_force_activity";
    /** Simulator's wording; only the fault code is known from real clients. */
    public static final String BRUTE_FORCE_LOCKOUT_TEXT =
            "Too many failed login attempts: login is blocked for a while (brute force activity)";
    /** A correct login whose password must be changed before the API may be used. */
    public static final String MUST_CHANGE_PASSWORD = "Server.Session.alert_You_must_change_password";
    /** Simulator's wording; only the fault code is known from real clients. */
    public static final String MUST_CHANGE_PASSWORD_TEXT = "You must change your password";
    public static final String REFRESH_FAILED = "Server.Session.refresh_access_token.refresh_failed";
    public static final String LOGOUT_FAILED = "Client.Session.logout.failed_to_process_access_token";
    public static final String DUPLICATE_ID = "Server.Account.duplicate_id";
    public static final String READ_ONLY_MODE = "read_only_mode";

    /**
     * Default template for a missing mandatory field (simulator's choice, no public sample exists);
     * {@code {service}}, {@code {method}} and {@code {field}} are replaced, e.g.
     * {@code Client.Account.add_account.missing_mandatory_field}.
     */
    public static final String DEFAULT_MISSING_FIELD = "Client.{service}.{method}.missing_mandatory_field";
    /** A parameter of the wrong type or value, e.g. {@code Client.Account.add_account.invalid_parameter} (simulator's choice). */
    public static final String INVALID_PARAMETER = "Client.{service}.{method}.invalid_parameter";
    /**
     * A record that update/terminate/delete (or add_account's {@code i_customer}) names but that does not exist,
     * e.g. {@code Server.Account.account_not_found}: shaped like the real {@code Server.CDR.xdr_not_found}
     * (simulator's choice).
     */
    public static final String RECORD_NOT_FOUND = "Server.{service}.{record}_not_found";
    /** A {@code Service/method} the simulator does not serve (simulator's choice). */
    public static final String UNKNOWN_METHOD = "Client.unknown_method";
    /** A body that is not valid JSON / form data, or an unsupported content type (simulator's choice). */
    public static final String INVALID_REQUEST = "Client.invalid_request";
    /** Any HTTP method other than POST (simulator's choice). */
    public static final String HTTP_METHOD_NOT_ALLOWED = "Client.http_method_not_allowed";
    /** A path outside {@code /rest/}; answered with HTTP 404 (simulator's choice). */
    public static final String NOT_FOUND = "Client.not_found";
    /** A {@link CallHook} threw (simulator's choice). */
    public static final String HOOK_FAILED = "Server.simulator.hook_failed";

    private FaultCodes() {
    }

    static String expand(String template, String service, String method, String field) {
        return template.replace("{service}", service).replace("{method}", method).replace("{field}", field);
    }

    static String recordNotFound(String service, String record) {
        return RECORD_NOT_FOUND.replace("{service}", service).replace("{record}", record);
    }
}
