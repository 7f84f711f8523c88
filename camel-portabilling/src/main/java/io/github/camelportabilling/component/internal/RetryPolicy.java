package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Decides whether a failed call is tried again, and after how long. Bounded retries with exponential backoff and
 * jitter; a server's Retry-After is honoured up to a ceiling (above it the call fails at once instead of blocking the
 * route). A call that may have reached the server is replayed only when it only reads: a create or update is never
 * executed twice.
 */
public final class RetryPolicy {

    /** Returned when the call must not be tried again. */
    public static final long GIVE_UP = -1;

    private final int maxRetries;
    private final long backoffMillis;
    private final long maxRetryAfterMillis;

    public RetryPolicy(int maxRetries, long backoffMillis, long maxRetryAfterMillis) {
        this.maxRetries = Math.max(0, maxRetries);
        this.backoffMillis = Math.max(0, backoffMillis);
        this.maxRetryAfterMillis = Math.max(0, maxRetryAfterMillis);
    }

    public int maxRetries() {
        return maxRetries;
    }

    /**
     * After an HTTP answer that is not the API's own (a 5xx or 429 from a proxy).
     *
     * @param  retryNumber 1 for the first retry
     * @param  read        whether the method only reads
     * @return             milliseconds to wait before the retry, or {@link #GIVE_UP}
     */
    public long afterStatus(int retryNumber, boolean read, int status, String retryAfter) {
        if (retryNumber > maxRetries) {
            return GIVE_UP;
        }
        long serverDelay = retryAfterMillis(retryAfter);
        if (serverDelay > maxRetryAfterMillis) {
            return GIVE_UP;
        }
        // 429, and 503 with Retry-After, are the server refusing the call before doing anything with it
        boolean rejectedBeforeExecution = status == 429 || (status == 503 && serverDelay >= 0);
        boolean retryableForReads = status == 502 || status == 503 || status == 504 || status == 429;
        if (!rejectedBeforeExecution && !(read && retryableForReads)) {
            return GIVE_UP;
        }
        return serverDelay >= 0 ? serverDelay : backoff(retryNumber);
    }

    /**
     * After an I/O failure with no answer.
     *
     * @return milliseconds to wait before the retry, or {@link #GIVE_UP}
     */
    public long afterTransportError(int retryNumber, boolean read, IOException error) {
        if (retryNumber > maxRetries || error instanceof SSLException) {
            // an untrusted certificate, a failed handshake or a port that does not speak TLS is not transient
            return GIVE_UP;
        }
        if (error instanceof ConnectionRequestTimeoutException || error instanceof HttpTransport.Aborted
            || error instanceof HttpTransport.Closed) {
            // an exhausted pool stays exhausted while the server is slow; a deadline passed is final; so is a stop
            return GIVE_UP;
        }
        if (neverSent(error)) {
            return backoff(retryNumber);
        }
        // a read timeout means the server is hung: waiting responseTimeout again would only double the delay
        if (error instanceof SocketTimeoutException) {
            return GIVE_UP;
        }
        return read ? backoff(retryNumber) : GIVE_UP;
    }

    /**
     * Failures that happen before the request leaves the client, so the server cannot have executed it, and that
     * may pass: a connection that could not be opened. (A pool wait that timed out was not sent either, but is not
     * retried: see {@link #afterTransportError}.)
     */
    public static boolean neverSent(IOException error) {
        return error instanceof ConnectTimeoutException || error instanceof ConnectException
               || error instanceof UnknownHostException || error instanceof NoRouteToHostException;
    }

    /** Exponential backoff with "equal jitter": between half and all of base * 2^(n-1). */
    long backoff(int retryNumber) {
        long ceiling = backoffMillis << Math.min(retryNumber - 1, 20);
        if (ceiling <= 1) {
            return ceiling;
        }
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    /** Retry-After in seconds or as an HTTP date; -1 when absent or unreadable. */
    static long retryAfterMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return -1;
        }
        String value = retryAfter.strip();
        try {
            return Math.max(0, Long.parseLong(value)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - System.currentTimeMillis());
            } catch (DateTimeParseException notADate) {
                return -1;
            }
        }
    }
}
