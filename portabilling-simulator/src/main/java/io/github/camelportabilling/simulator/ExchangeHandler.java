package io.github.camelportabilling.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange from bytes in to bytes out: count, decode, run hooks, apply an injected fault, dispatch,
 * answer, record. Every path answers something a PortaBilling client can read (a JSON fault, never an HTML
 * page) unless a fault asks for exactly that.
 */
final class ExchangeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);
    private static final String JSON = "application/json";
    private static final String REST = "/rest/";

    private final CallCounters counters;
    private final RequestLog log;
    private final CallHooks hooks;
    private final FaultInjector faults;
    private final ApiDispatcher dispatcher;
    private final CountDownLatch closing;
    private final ServerConditions conditions;
    private final DelayedAnswers delayed;

    ExchangeHandler(CallCounters counters, RequestLog log, CallHooks hooks, FaultInjector faults, ApiDispatcher dispatcher,
            CountDownLatch closing, ServerConditions conditions, DelayedAnswers delayed) {
        this.conditions = conditions;
        this.delayed = delayed;
        this.counters = counters;
        this.log = log;
        this.hooks = hooks;
        this.faults = faults;
        this.dispatcher = dispatcher;
        this.closing = closing;
    }

    /** What one exchange carried and answered, gathered for the request log. */
    private static final class Call {
        final HttpExchange ex;
        final String path;
        final long receivedNanos = System.nanoTime();
        String service;
        String method;
        byte[] body = new byte[0];
        Map<String, Object> params;
        Map<String, Object> authInfo;
        String bearer;
        int status;
        byte[] answer = new byte[0];
        boolean finished;
        /** Answered later by {@link DelayedAnswers}: the handler thread must not close the exchange. */
        boolean deferred;

        Call(HttpExchange ex) {
            this.ex = ex;
            this.path = ex.getRequestURI().getRawPath();
        }

        String serviceMethod() {
            return service == null ? null : service + '/' + method;
        }
    }

    @Override
    public void handle(HttpExchange ex) {
        counters.enter();
        Call c = new Call(ex);
        try {
            c.body = ex.getRequestBody().readAllBytes();
            c.bearer = RequestDecoder.bearerToken(ex.getRequestHeaders().getFirst("Authorization"));
            boolean underRest = parsePath(c);
            long callNumber = counters.count(c.serviceMethod());
            if (!underRest) {
                sendFault(c, new ApiFault(404, FaultCodes.NOT_FOUND, "No API at " + c.path + ": calls go to /rest/<Service>/<method>"));
            } else if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                sendFault(c, new ApiFault(FaultCodes.HTTP_METHOD_NOT_ALLOWED,
                        "HTTP method " + ex.getRequestMethod() + " is not allowed: the API takes POST only"));
            } else if (c.service == null) {
                sendFault(c, dispatcher.unknownMethod(c.path.substring(REST.length())));
            } else {
                serve(c, callNumber);
            }
        } catch (IOException e) {
            LOG.debug("connection lost while serving {}: {}", c.path, e.toString());
        } catch (RuntimeException | Error e) {
            LOG.warn("simulator failed on {}", c.path, e);
            try {
                sendFault(c, new ApiFault("Server.simulator.internal_error", String.valueOf(e)));
            } catch (IOException ignored) {
                // the client is gone
            }
        } finally {
            if (!c.deferred) {
                finish(c);
                ex.close(); // without an answer sent, this drops the connection
            }
        }
    }

    private void serve(Call c, long callNumber) throws IOException {
        String sm = c.serviceMethod();
        try {
            Object[] decoded = RequestDecoder.decode(c.ex.getRequestHeaders().getFirst("Content-Type"), c.body);
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) decoded[0];
            @SuppressWarnings("unchecked")
            Map<String, Object> authInfo = (Map<String, Object>) decoded[1];
            c.params = params;
            c.authInfo = authInfo;
        } catch (ApiFault f) {
            sendFault(c, f);
            return;
        }
        try {
            hooks.run(sm, callNumber, c.params);
        } catch (RuntimeException e) {
            sendFault(c, new ApiFault(FaultCodes.HOOK_FAILED, "A test hook failed: " + e));
            return;
        }
        Fault fault = faults.next(sm);
        if (fault != null && !fault.executesCall()) {
            applyFault(c, fault);
            return;
        }
        if (fault != null && fault.kind == Fault.Kind.DELAY && waitOrClose(fault.delay)) {
            return; // closed while waiting: the finally block drops the connection
        }
        if ("Session/login".equals(sm) && !conditions.loginDelay().isZero() && waitOrClose(conditions.loginDelay())) {
            return; // a hung login: closed while waiting
        }
        int status;
        byte[] answer;
        String contentType = JSON;
        Object result = null;
        try {
            result = dispatcher.dispatch(new ApiRequest(c.service, c.method, c.params, c.authInfo, c.bearer));
            if (result instanceof FileAnswer file) {
                answer = file.bytes();
                contentType = file.contentType();
                c.ex.getResponseHeaders().set("Content-Disposition", file.contentDisposition());
            } else {
                answer = Json.bytes(result);
            }
            status = 200;
        } catch (ApiFault f) {
            answer = faultBody(f);
            status = f.httpStatus();
        }
        if (fault != null && fault.kind == Fault.Kind.DROP_AFTER_COMMIT) {
            return; // executed; the finally block closes the connection without an answer
        }
        if (fault != null && fault.kind == Fault.Kind.TRUNCATED_JSON) {
            send(c, 200, JSON, Arrays.copyOf(answer, answer.length / 2));
            return;
        }
        if (fault != null && fault.kind == Fault.Kind.SLOW_BODY) {
            send(c, status, contentType, answer, (ServerConditions.SlowBody) fault.detail);
            return;
        }
        long latency = conditions.latency().nanosFor(listRecords(result)) - (System.nanoTime() - c.receivedNanos);
        if (latency > 0) {
            sendLater(c, status, contentType, answer, latency);
            return;
        }
        send(c, status, contentType, answer);
    }

    /** The records of the lists at the top level of an answer (a list page), for the latency's per-record part. */
    private static int listRecords(Object answer) {
        int records = 0;
        if (answer instanceof Map<?, ?> map) {
            for (Object value : map.values()) {
                if (value instanceof java.util.List<?> list) {
                    records += list.size();
                }
            }
        }
        return records;
    }

    /** The answer goes out {@code nanos} from now, written by a request thread; none waits for it meanwhile. */
    private void sendLater(Call c, int status, String contentType, byte[] answer, long nanos) {
        c.deferred = true;
        delayed.later(nanos, () -> {
            try {
                send(c, status, contentType, answer);
            } catch (IOException e) {
                LOG.debug("connection lost while answering {}: {}", c.path, e.toString());
            } finally {
                finish(c);
                c.ex.close();
            }
        }, () -> {
            finish(c);
            c.ex.close();
        });
    }

    /** Answers an injected fault that does not execute the call. */
    private void applyFault(Call c, Fault f) throws IOException {
        switch (f.kind) {
            case API_FAULT:
                sendFault(c, new ApiFault(f.faultCode, f.faultString));
                break;
            case HTTP_STATUS:
                if (f.retryAfterSeconds >= 0) {
                    c.ex.getResponseHeaders().set("Retry-After", Integer.toString(f.retryAfterSeconds));
                }
                send(c, f.status, "text/plain; charset=utf-8", FaultBodies.plainText(f.status).getBytes(StandardCharsets.UTF_8));
                break;
            case HTML_ERROR_PAGE:
                send(c, f.status, "text/html", FaultBodies.nginxPage(f.status).getBytes(StandardCharsets.UTF_8));
                break;
            case EMPTY_BODY:
                send(c, f.status, JSON, new byte[0]);
                break;
            case JSON_ARRAY:
                send(c, 200, JSON, "[]".getBytes(StandardCharsets.UTF_8));
                break;
            case WRONG_TYPES:
                send(c, 200, JSON, Json.bytes(FaultBodies.wrongTypes(c.service, c.method)));
                break;
            case REDIRECT:
                c.ex.getResponseHeaders().set("Location", f.location);
                send(c, f.status, "text/html", FaultBodies.nginxPage(f.status).getBytes(StandardCharsets.UTF_8));
                break;
            case RAW_ANSWER:
                Fault.Raw raw = (Fault.Raw) f.detail;
                send(c, f.status, raw.contentType(), raw.body().getBytes(StandardCharsets.UTF_8));
                break;
            case DROP_BEFORE_COMMIT:
                break; // the finally block closes the connection without an answer
            default:
                throw new IllegalStateException("unexpected fault " + f);
        }
    }

    /** Returns true when the simulator is closing (the call must not be answered). */
    private boolean waitOrClose(java.time.Duration delay) {
        try {
            return closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Splits {@code /rest/<Service>/<method>[/]}; returns false for paths outside {@code /rest/}. */
    private static boolean parsePath(Call c) {
        if (!c.path.startsWith(REST)) {
            return false;
        }
        String rest = c.path.substring(REST.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        if (slash > 0 && slash < rest.length() - 1 && rest.indexOf('/', slash + 1) < 0) {
            c.service = rest.substring(0, slash);
            c.method = rest.substring(slash + 1);
        }
        return true;
    }

    private void sendFault(Call c, ApiFault f) throws IOException {
        send(c, f.httpStatus(), JSON, faultBody(f));
    }

    private static byte[] faultBody(ApiFault f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("faultcode", f.faultCode());
        body.put("faultstring", f.faultString());
        return Json.bytes(body);
    }

    private void send(Call c, int status, String contentType, byte[] body) throws IOException {
        send(c, status, contentType, body, conditions.slowBody());
    }

    private void send(Call c, int status, String contentType, byte[] body, ServerConditions.SlowBody slow)
            throws IOException {
        c.status = status;
        c.answer = body;
        finish(c);
        if (contentType != null) {
            c.ex.getResponseHeaders().set("Content-Type", contentType);
        }
        // -1: no body and Content-Length 0 (0 would mean chunked in this API)
        c.ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = c.ex.getResponseBody()) {
                if (slow == null) {
                    out.write(body);
                    return;
                }
                // a dripping answer: Content-Length is known, the bytes come a few at a time
                for (int at = 0; at < body.length; at += slow.bytes()) {
                    out.write(body, at, Math.min(slow.bytes(), body.length - at));
                    out.flush();
                    if (at + slow.bytes() < body.length && waitOrClose(slow.every())) {
                        throw new IOException("simulator closed while dripping an answer");
                    }
                }
            }
        }
    }

    /**
     * Leaves in-flight and records the call before the answer goes out, so a client that has its answer
     * always finds its request in the log and the in-flight count already lowered.
     */
    private void finish(Call c) {
        if (!c.finished) {
            c.finished = true;
            counters.exit();
            record(c);
        }
    }

    private void record(Call c) {
        if (!log.enabled()) {
            return;
        }
        log.add(new RecordedRequest(c.ex.getRequestMethod(), c.path, c.service, c.method, c.ex.getRequestHeaders(),
                text(c.body), c.params, c.authInfo, c.bearer, c.status, text(c.answer), c.receivedNanos));
    }

    /** Decodes at most what the log keeps: turning a 300 KB page into a String per call would cost the benchmark. */
    private static String text(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, RecordedRequest.MAX_BODY_CHARS), StandardCharsets.UTF_8);
    }
}
