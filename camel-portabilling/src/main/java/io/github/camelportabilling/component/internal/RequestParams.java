package io.github.camelportabilling.component.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelportabilling.component.PortaBillingOperation;

/**
 * Turns a body read by {@link MessageBody} into the {@code params} of a call, following the API's conventions: a
 * flat record is wrapped into {@code <rec>_info} for create and update, a number means {@code i_<rec>} for get,
 * delete and terminate. Java booleans are left as they are here: the session converts every call's params to the
 * types the server's API description gives ({@link RequestGate}), or by the spec-less rule of {@link BooleanParams}.
 */
public final class RequestParams {

    private RequestParams() {
    }

    /**
     * @param body null, a Number, or a map of plain JSON values ({@link MessageBody#read})
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fromBody(Object body, PortaBillingOperation operation, String recordType) {
        Map<String, Object> params;
        if (body == null) {
            if (needsId(operation)) {
                throw new IllegalArgumentException(
                        "operation=" + operation + " needs the record's " + MethodNames.idKey(recordType)
                                                   + ": send it as the body (a number) or as a map of params");
            }
            if (operation == PortaBillingOperation.create || operation == PortaBillingOperation.update) {
                throw new IllegalArgumentException("operation=" + operation + " needs the record as the message body"
                                                   + " (a Map, JSON text or a POJO), got null");
            }
            params = new LinkedHashMap<>();
        } else if (body instanceof Number number) {
            if (!needsId(operation)) {
                throw new IllegalArgumentException(
                        "A number body is only understood as " + MethodNames.idKey(recordType)
                                                   + " for get, delete and terminate, not for operation=" + operation
                                                   + "; send a map of params");
            }
            params = new LinkedHashMap<>();
            params.put(MethodNames.idKey(recordType), number);
        } else {
            params = (Map<String, Object>) body;
        }

        if (operation == PortaBillingOperation.create || operation == PortaBillingOperation.update) {
            String infoKey = MethodNames.infoKey(recordType);
            if (!params.containsKey(infoKey)) {
                Map<String, Object> wrapped = new LinkedHashMap<>();
                wrapped.put(infoKey, params);
                params = wrapped;
            }
        }
        return params;
    }

    private static boolean needsId(PortaBillingOperation operation) {
        return operation == PortaBillingOperation.get || operation == PortaBillingOperation.delete
               || operation == PortaBillingOperation.terminate;
    }

    /** An id value from an answer or a record: Long, or null when absent or not a whole number. */
    public static Long idValue(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
