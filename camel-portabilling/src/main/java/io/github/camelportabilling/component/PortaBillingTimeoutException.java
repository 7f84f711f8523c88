package io.github.camelportabilling.component;

/**
 * The server did not connect or answer within connectTimeout / responseTimeout. Whether the server executed the call
 * is unknown, so writes are never replayed after it.
 */
public class PortaBillingTimeoutException extends PortaBillingException {

    public PortaBillingTimeoutException(String message, String service, String method, Throwable cause) {
        super(message, service, method, null, null, 0, cause);
    }
}
