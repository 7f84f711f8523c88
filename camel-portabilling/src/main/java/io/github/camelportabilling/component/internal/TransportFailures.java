package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;

import io.github.camelportabilling.component.PortaBillingException;
import io.github.camelportabilling.component.PortaBillingTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns a transport failure into the error its caller gets: typed ({@link PortaBillingTimeoutException} for every
 * timeout), naming the call, the bound that was hit and what to do, and saying when a write may have been executed.
 */
public final class TransportFailures {

    private static final String MAY_HAVE_RUN = "; the call may have been executed, so it is not replayed";

    private final TransportSettings settings;
    private final long callTimeoutMillis;
    private final UnaryOperator<String> redactor;

    public TransportFailures(TransportSettings settings, long callTimeoutMillis, UnaryOperator<String> redactor) {
        this.settings = settings;
        this.callTimeoutMillis = callTimeoutMillis;
        this.redactor = redactor;
    }

    /**
     * @param read         whether the method only reads (then a replay was allowed, so no warning about it)
     * @param retryRefused non-null when a retry was allowed by the policy but not made, saying why
     */
    public PortaBillingException of(String service, String method, IOException e, boolean read, String retryRefused) {
        String call = "PortaBilling " + service + "/" + method;
        String server = settings.baseUrl() + settings.throughProxy();
        String note = retryRefused != null ? "; not retried: " + retryRefused : "";
        if (e instanceof HttpTransport.Aborted a) {
            String bound = a.isResponseTimeout()
                    ? " got no complete answer within responseTimeout=" + settings.responseTimeoutMillis()
                      + " ms (from sending the request to the last byte of the answer)"
                    : " did not complete within callTimeout=" + callTimeoutMillis + " ms";
            return new PortaBillingTimeoutException(call + bound + (a.wasSent() && !read ? MAY_HAVE_RUN : ""),
                    service, method, e);
        }
        if (e instanceof HttpTransport.Closed) {
            return new PortaBillingException(call + ": the PortaBilling session for " + settings.baseUrl()
                                             + " is stopped", service, method, null, null, 0, e);
        }
        if (e instanceof HttpTransport.NoTlsAnswer) {
            return new PortaBillingTimeoutException(call + ": the server at " + server + " did not answer the TLS"
                                                    + " handshake within " + settings.handshakeTimeoutMillis() + " ms:"
                                                    + " it does not seem to speak TLS on that port. Set useHttps=false"
                                                    + " if it is a simulator or a plain-http proxy (a hung server"
                                                    + " looks the same); not retried",
                    service, method, e);
        }
        if (e instanceof SSLException && isPlaintextAnswer(e)) {
            return new PortaBillingException(call + ": the server at " + server + " answered the TLS handshake in"
                                             + " plain text: it does not speak TLS on that port. Set useHttps=false if"
                                             + " it is a simulator or a plain-http proxy; not retried",
                    service, method, null, null, 0, e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new PortaBillingTimeoutException(call + " could not connect to " + server + " within connectTimeout="
                                                    + settings.connectTimeoutMillis() + " ms" + note,
                    service, method, e);
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return new PortaBillingTimeoutException(call + " found no free connection: the pool is exhausted, all"
                                                    + " maxConnections=" + settings.maxConnections()
                                                    + " connections to " + settings.baseUrl() + " stayed busy for"
                                                    + " connectTimeout=" + settings.connectTimeoutMillis() + " ms (a"
                                                    + " slow or hung server, or more parallel callers than"
                                                    + " maxConnections); not retried, the request was not sent",
                    service, method, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new PortaBillingTimeoutException(call + " got no answer within responseTimeout="
                                                    + settings.responseTimeoutMillis() + " ms" + (read ? "" : MAY_HAVE_RUN),
                    service, method, e);
        }
        String what = e instanceof NoHttpResponseException
                ? " the server closed the connection without answering"
                : " failed: " + e.getClass().getSimpleName() + ": " + redactor.apply(String.valueOf(e.getMessage()));
        return new PortaBillingException(call + what + (read || RetryPolicy.neverSent(e) ? "" : MAY_HAVE_RUN) + note,
                service, method, null, null, 0, e);
    }

    /** The JDK's words for a TLS ClientHello answered by a plain-http server. */
    static boolean isPlaintextAnswer(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("plaintext connection") || m.contains("unrecognized ssl message")) {
                return true;
            }
        }
        return false;
    }
}
