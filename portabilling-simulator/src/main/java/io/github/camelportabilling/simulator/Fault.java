package io.github.camelportabilling.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong on one call, for {@link PortaBillingSimulator#injectFault}. Immutable.
 * Unless said otherwise the call is <em>not</em> executed (the fault stands for a proxy or a server that answers
 * before doing the work); {@link #delay}, {@link #dropAfterCommit} and {@link #truncatedJson} execute it.
 */
public final class Fault {

    enum Kind {
        API_FAULT, HTTP_STATUS, DELAY, DROP_BEFORE_COMMIT, DROP_AFTER_COMMIT, TRUNCATED_JSON, HTML_ERROR_PAGE,
        EMPTY_BODY, JSON_ARRAY, WRONG_TYPES, REDIRECT, SLOW_BODY, RAW_ANSWER
    }

    /** What {@link #rawAnswer} sends. */
    record Raw(String contentType, String body) {
    }

    final Kind kind;
    final int status;
    final int retryAfterSeconds; // -1 = no Retry-After header
    final String faultCode;
    final String faultString;
    final Duration delay;
    final String location;
    /** {@link ServerConditions.SlowBody} for SLOW_BODY, {@link Raw} for RAW_ANSWER, else null. */
    final Object detail;

    private Fault(Kind kind, int status, int retryAfterSeconds, String faultCode, String faultString, Duration delay,
            String location) {
        this(kind, status, retryAfterSeconds, faultCode, faultString, delay, location, null);
    }

    private Fault(Kind kind, int status, int retryAfterSeconds, String faultCode, String faultString, Duration delay,
            String location, Object detail) {
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.faultCode = faultCode;
        this.faultString = faultString;
        this.delay = delay;
        this.location = location;
        this.detail = detail;
    }

    private static Fault of(Kind kind, int status) {
        return new Fault(kind, status, -1, null, null, null, null);
    }

    /** HTTP 500 with {@code {"faultcode","faultstring"}}, like any PortaBilling fault. */
    public static Fault apiFault(String faultcode, String faultstring) {
        return new Fault(Kind.API_FAULT, 500, -1, Objects.requireNonNull(faultcode, "faultcode"),
                Objects.requireNonNull(faultstring, "faultstring"), null, null);
    }

    /** A bare status (e.g. 502, 503, 504) with a short {@code text/plain} body, as a proxy sends it. */
    public static Fault httpStatus(int status) {
        return of(Kind.HTTP_STATUS, checkStatus(status));
    }

    /** Same with a {@code Retry-After: <seconds>} header. */
    public static Fault httpStatus(int status, int retryAfterSeconds) {
        return new Fault(Kind.HTTP_STATUS, checkStatus(status), checkRetryAfter(retryAfterSeconds), null, null, null, null);
    }

    /** 429 with {@code Retry-After}. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return httpStatus(429, retryAfterSeconds);
    }

    /** Waits, then answers normally; {@link PortaBillingSimulator#close()} ends the wait (and drops the connection). */
    public static Fault delay(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive, got " + d);
        }
        return new Fault(Kind.DELAY, 200, -1, null, null, d, null);
    }

    /** Closes the connection without an answer; nothing is executed. */
    public static Fault dropBeforeCommit() {
        return of(Kind.DROP_BEFORE_COMMIT, 0);
    }

    /** Executes the call (a record IS created), then closes the connection without an answer. */
    public static Fault dropAfterCommit() {
        return of(Kind.DROP_AFTER_COMMIT, 0);
    }

    /** Executes the call, then answers 200 with the first half of the real JSON (Content-Length of the cut body). */
    public static Fault truncatedJson() {
        return of(Kind.TRUNCATED_JSON, 200);
    }

    /** An nginx-style HTML error page ({@code text/html}) with this status. */
    public static Fault htmlErrorPage(int status) {
        return of(Kind.HTML_ERROR_PAGE, checkStatus(status));
    }

    /** This status with an empty body (Content-Type still says JSON, the nasty case). */
    public static Fault emptyBody(int status) {
        return of(Kind.EMPTY_BODY, checkStatus(status));
    }

    /** 200 with a JSON array ({@code []}) where an object is expected. */
    public static Fault jsonArray() {
        return of(Kind.JSON_ARRAY, 200);
    }

    /**
     * 200 with the keys the method's answer would have, holding the wrong JSON types: {@code "<rec>_info": "x"},
     * {@code "<rec>_list": 5}, {@code "i_<rec>": "x"}, login fields as numbers, {@code "success": "yes"}.
     */
    public static Fault wrongTypes() {
        return of(Kind.WRONG_TYPES, 200);
    }

    /** A redirect (301, 302, 303, 307 or 308) to {@code location} (absolute, or a path on the simulator). */
    public static Fault redirect(int status, String location) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("redirect status must be 301, 302, 303, 307 or 308, got " + status);
        }
        return new Fault(Kind.REDIRECT, status, -1, null, null, null, Objects.requireNonNull(location, "location"));
    }

    /**
     * Executes the call, then sends its answer {@code bytes} at a time with {@code every} between chunks (headers and
     * Content-Length at once), as a congested link or an overloaded proxy does.
     */
    public static Fault slowBody(int bytes, Duration every) {
        return new Fault(Kind.SLOW_BODY, 200, -1, null, null, null, null, new ServerConditions.SlowBody(bytes, every));
    }

    /** Answers exactly this status, content type and body (e.g. a login answer lacking a field); nothing is executed. */
    public static Fault rawAnswer(int status, String contentType, String body) {
        return new Fault(Kind.RAW_ANSWER, checkStatus(status), -1, null, null, null, null,
                new Raw(Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(body, "body")));
    }

    /** True when the call is executed before (or instead of) the fault being applied. */
    boolean executesCall() {
        return kind == Kind.DELAY || kind == Kind.DROP_AFTER_COMMIT || kind == Kind.TRUNCATED_JSON
                || kind == Kind.SLOW_BODY;
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, got " + status);
        }
        return status;
    }

    private static int checkRetryAfter(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + seconds);
        }
        return seconds;
    }

    @Override
    public String toString() {
        switch (kind) {
            case API_FAULT:
                return "Fault.apiFault(" + faultCode + ")";
            case HTTP_STATUS:
                return "Fault.httpStatus(" + status + (retryAfterSeconds >= 0 ? ", Retry-After " + retryAfterSeconds : "") + ")";
            case DELAY:
                return "Fault.delay(" + delay + ")";
            case REDIRECT:
                return "Fault.redirect(" + status + " -> " + location + ")";
            case SLOW_BODY:
                return "Fault.slowBody(" + detail + ")";
            case HTML_ERROR_PAGE:
            case EMPTY_BODY:
                return "Fault." + kind.name().toLowerCase() + "(" + status + ")";
            default:
                return "Fault." + kind.name().toLowerCase();
        }
    }
}
