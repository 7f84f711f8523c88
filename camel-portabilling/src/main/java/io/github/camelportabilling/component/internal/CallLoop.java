package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.camelportabilling.component.PortaBillingException;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one call and reads its answer, trying it again as the {@link RetryPolicy} allows, within the caller's
 * {@link Deadline}: a pause before a retry that would pass the deadline is not taken. Counts requests per attempt
 * (statistics, JMX {@code Calls}) and failures per call: a call that ends without an answer from the API adds one
 * to the consecutive failures the readiness check reads, however many attempts it made; any answer from the API
 * resets them.
 */
public final class CallLoop {

    private static final Logger LOG = LoggerFactory.getLogger(CallLoop.class);

    private final HttpTransport transport;
    private final RetryPolicy retryPolicy;
    private final WireFormat wire;
    private final SessionCounters counters;
    private final CallStatistics statistics;
    private final TransportFailures failures;
    private final UnaryOperator<String> redactor;

    public CallLoop(HttpTransport transport, RetryPolicy retryPolicy, WireFormat wire, SessionCounters counters,
                    CallStatistics statistics, TransportFailures failures, UnaryOperator<String> redactor) {
        this.transport = transport;
        this.retryPolicy = retryPolicy;
        this.wire = wire;
        this.counters = counters;
        this.statistics = statistics;
        this.failures = failures;
        this.redactor = redactor;
    }

    /**
     * @param  bearer                the access token for the Authorization header, or null
     * @param  read                  whether the method only reads (then a call that may have reached the server can be
     *                               tried again)
     * @throws PortaBillingException a fault, an unreadable answer, or a transport failure that is not retried
     */
    public Map<String, Object> call(String service, String method, HttpEntity body, String bearer, boolean read,
                                    Deadline deadline) {
        return answer(service, method, body, bearer, read, deadline).requireJson(service, method);
    }

    /** Like {@link #call}, for methods that may answer a file instead of a JSON object. */
    public ApiAnswer answer(String service, String method, HttpEntity body, String bearer, boolean read,
                            Deadline deadline) {
        int retry = 0;
        while (true) {
            long start = System.nanoTime();
            ApiResponse response;
            try {
                response = send(service, method, body, bearer, deadline);
            } catch (IOException e) {
                record(service, method, CallStatistics.Outcome.error, start);
                counters.lastFault(e.getClass().getSimpleName());
                long delay = retryPolicy.afterTransportError(++retry, read, e);
                String refused = delay != RetryPolicy.GIVE_UP ? refusedByDeadline(delay, deadline) : null;
                if (delay == RetryPolicy.GIVE_UP || refused != null) {
                    throw noApiAnswer(failures.of(service, method, e, read, refused));
                }
                pause(service, method, delay, e.getClass().getSimpleName());
                continue;
            }
            if (response.status() != 200 && response.status() != 500) {
                long delay = retryPolicy.afterStatus(++retry, read, response.status(), response.retryAfter());
                if (delay != RetryPolicy.GIVE_UP && refusedByDeadline(delay, deadline) == null) {
                    record(service, method, CallStatistics.Outcome.error, start);
                    counters.lastFault("HTTP " + response.status());
                    pause(service, method, delay, "HTTP " + response.status());
                    continue;
                }
            }
            return decode(service, method, response, start);
        }
    }

    /** Reads an answer and counts its outcome; an answer from the API itself proves the server is reachable. */
    private ApiAnswer decode(String service, String method, ApiResponse response, long startNanos) {
        try {
            ApiAnswer answer = response.status() == 200 && FileAnswer.isFile(response)
                    ? ApiAnswer.file(FileAnswer.of(response))
                    : ApiAnswer.json(wire.decode(service, method, response, redactor));
            record(service, method, CallStatistics.Outcome.ok, startNanos);
            counters.consecutiveFailures.set(0);
            return answer;
        } catch (PortaBillingException e) {
            boolean fault = e.getFaultCode() != null;
            record(service, method, fault ? CallStatistics.Outcome.fault : CallStatistics.Outcome.error, startNanos);
            counters.lastFault(fault ? e.getFaultCode() : "HTTP " + e.getHttpStatus());
            if (fault) {
                counters.consecutiveFailures.set(0);
                throw e;
            }
            throw noApiAnswer(e);
        }
    }

    private PortaBillingException noApiAnswer(PortaBillingException e) {
        counters.consecutiveFailures.incrementAndGet();
        return e;
    }

    private ApiResponse send(String service, String method, HttpEntity body, String bearer, Deadline deadline)
            throws IOException {
        counters.calls.increment();
        counters.inFlight.incrementAndGet();
        try {
            return transport.post(service, method, body, bearer, deadline);
        } finally {
            counters.inFlight.decrementAndGet();
        }
    }

    private void record(String service, String method, CallStatistics.Outcome outcome, long startNanos) {
        statistics.record(service, method, outcome, System.nanoTime() - startNanos);
    }

    /** Non-null (the reason) when waiting {@code delay} ms and trying again would pass the caller's deadline. */
    private static String refusedByDeadline(long delay, Deadline deadline) {
        return delay >= deadline.remainingMillis()
                ? "the pause before a retry (" + delay + " ms) would pass the call's deadline (callTimeout="
                  + deadline.budgetMillis() + " ms)"
                : null;
    }

    private void pause(String service, String method, long delayMillis, String reason) {
        counters.retries.increment();
        LOG.debug("{}/{} failed ({}); retrying in {} ms", service, method, reason, delayMillis);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortaBillingException("PortaBilling " + service + "/" + method + " interrupted while waiting to retry",
                    service, method, null, null, 0, e);
        }
    }
}
