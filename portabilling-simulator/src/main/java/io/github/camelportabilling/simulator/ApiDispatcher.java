package io.github.camelportabilling.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes a decoded call to its handler: unknown method, then check_auth (everything outside {@code Session/*}),
 * then read-only mode for writes, then the handler. Validation problems thrown by handlers become faults here,
 * with the service and method in their codes.
 */
final class ApiDispatcher {

    interface Handler {
        /** @return the answer object, or a {@link FileAnswer} for methods that answer a file */
        Object handle(ApiRequest request);
    }

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Authenticator authenticator;
    private final String missingFieldCode;
    private volatile boolean readOnly;

    ApiDispatcher(Authenticator authenticator, String missingFieldCode) {
        this.authenticator = authenticator;
        this.missingFieldCode = missingFieldCode;
    }

    void register(String serviceMethod, Handler handler) {
        handlers.put(serviceMethod, handler);
    }

    /** The methods with a handler, e.g. {@code Account/add_account}. */
    java.util.Set<String> served() {
        return java.util.Set.copyOf(handlers.keySet());
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** @return the handler's answer: a JSON object as a Map, or a {@link FileAnswer} */
    Object dispatch(ApiRequest request) {
        Handler handler = handlers.get(request.serviceMethod);
        if (handler == null) {
            throw unknownMethod(request.serviceMethod);
        }
        if (!request.service.equals("Session")) {
            authenticator.check(request);
        }
        if (readOnly && isWrite(request.method)) {
            throw new ApiFault(FaultCodes.READ_ONLY_MODE,
                    "The system is in read-only mode: " + request.serviceMethod + " is not allowed");
        }
        try {
            ApiMethods.Method described = ApiMethods.get(request.serviceMethod);
            if (described != null) {
                described.check(request.params);
            }
            return handler.handle(request);
        } catch (MissingFieldException e) {
            throw new ApiFault(FaultCodes.expand(missingFieldCode, request.service, request.method, e.field()), e.getMessage());
        } catch (InvalidFieldException e) {
            throw new ApiFault(FaultCodes.expand(FaultCodes.INVALID_PARAMETER, request.service, request.method, e.field()),
                    e.getMessage());
        } catch (RecordNotFoundException e) {
            throw new ApiFault(FaultCodes.recordNotFound(e.service(), e.record()), e.getMessage());
        }
    }

    static boolean isWrite(String method) {
        return method.startsWith("add_") || method.startsWith("update_") || method.startsWith("terminate_")
                || method.startsWith("delete_");
    }

    ApiFault unknownMethod(String serviceMethod) {
        StringBuilder text = new StringBuilder("Unknown method '").append(serviceMethod).append("'.");
        String hint = closest(serviceMethod);
        if (hint != null) {
            text.append(" Did you mean '").append(hint).append("'?");
        }
        text.append(" This simulator serves: ").append(String.join(", ", new TreeMap<>(handlers).keySet()));
        return new ApiFault(FaultCodes.UNKNOWN_METHOD, text.toString());
    }

    private String closest(String serviceMethod) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : handlers.keySet()) {
            int d = distance(serviceMethod.toLowerCase(), known.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= Math.max(2, serviceMethod.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
