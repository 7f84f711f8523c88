package io.github.camelportabilling.component;

import java.util.Set;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A PortaBilling call that failed: a fault answered by the server ({@link #getFaultCode()} set), an HTTP error from a
 * proxy, an answer that is not the JSON the API documents, or a transport failure (then the cause is the I/O error).
 * The message names the service, the method and the fault code; it never contains a password or token.
 */
public class PortaBillingException extends RuntimeCamelException implements HttpResponseAware {

    /** The fault codes that mean "the session is not valid any more: log in again and replay once". */
    public static final Set<String> AUTH_FAULT_CODES = Set.of(
            "Server.Session.check_auth.auth_failed",
            "Client.Session.check_auth.failed_to_process_access_token",
            "Client.Session.check_auth.failed_to_process_jwt",
            "Client.check_auth.envelope_missed");

    /**
     * The exchange property holding the fault code when a producer's call failed with a fault, e.g. for
     * {@code onException(PortaBillingException.class).onWhen(exchangeProperty(FAULT_CODE_PROPERTY).isNotNull())}
     * or {@code simple("${exchangeProperty.CamelPortaBillingFaultCode} != null")}, which need nothing beyond the
     * component (reading {@code ${exception.faultCode}} in Simple needs camel-bean). Cleared at the start of each call.
     */
    public static final String FAULT_CODE_PROPERTY = "CamelPortaBillingFaultCode";

    /** The fault code a login with a wrong password or token answers. */
    public static final String LOGIN_REJECTED_FAULT_CODE = "Server.Session.auth_failed";

    private final String service;
    private final String method;
    private final String faultCode;
    private final String faultString;
    private int httpStatus;
    private String httpStatusLine;

    public PortaBillingException(String message, String service, String method, String faultCode, String faultString,
                                 int httpStatus, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.method = method;
        this.faultCode = faultCode;
        this.faultString = faultString;
        this.httpStatus = httpStatus;
    }

    /** A fault answered by the server (HTTP 500 with faultcode and faultstring). */
    public static PortaBillingException fault(String service, String method, String faultCode, String faultString) {
        return new PortaBillingException(
                "PortaBilling " + service + "/" + method + " failed with fault " + faultCode + ": " + faultString,
                service, method, faultCode, faultString, 500, null);
    }

    public String getService() {
        return service;
    }

    public String getMethod() {
        return method;
    }

    /** The server's faultcode, e.g. {@code Server.Account.duplicate_id}; null when the server answered no fault. */
    public String getFaultCode() {
        return faultCode;
    }

    /** The server's faultstring; null when the server answered no fault. */
    public String getFaultString() {
        return faultString;
    }

    /** The HTTP status of the answer; 0 when no answer was received. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** True for the faults that mean the session is no longer valid. */
    public boolean isAuthFault() {
        return faultCode != null && AUTH_FAULT_CODES.contains(faultCode);
    }

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpStatusLine;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpStatusLine = status;
    }
}
