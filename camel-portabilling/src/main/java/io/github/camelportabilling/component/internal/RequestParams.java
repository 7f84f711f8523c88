package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.PortaBillingOperation;

/**
 * Turns a message body into the {@code params} of a call, following the API's conventions: a flat record is wrapped
 * into {@code <rec>_info} for create and update, a number means {@code i_<rec>} for get, delete and terminate, and
 * Java booleans become the 1/0 the API expects.
 */
public final class RequestParams {

    private RequestParams() {
    }

    /**
     * @param body       Map, JSON text (String, byte[], InputStream), a number (get/delete/terminate), a POJO, or null
     * @param pojoMapper the mapper that turns POJOs into maps (the user's when one is bound)
     * @param jsonMapper the mapper that parses JSON text
     */
    public static Map<String, Object> fromBody(Object body, PortaBillingOperation operation, String recordType,
                                               ObjectMapper pojoMapper, ObjectMapper jsonMapper) {
        Object value = body;
        if (value instanceof byte[] bytes) {
            value = parseJson(new String(bytes, StandardCharsets.UTF_8), jsonMapper);
        } else if (value instanceof InputStream in) {
            try {
                value = parseJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), jsonMapper);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the message body stream: " + e.getMessage(), e);
            }
        } else if (value instanceof CharSequence text) {
            value = parseJson(text.toString(), jsonMapper);
        }

        Map<String, Object> params;
        if (value == null) {
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
        } else if (value instanceof Number number) {
            if (!needsId(operation)) {
                throw new IllegalArgumentException(
                        "A number body is only understood as " + MethodNames.idKey(recordType)
                                                   + " for get, delete and terminate, not for operation=" + operation
                                                   + "; send a map of params");
            }
            params = new LinkedHashMap<>();
            params.put(MethodNames.idKey(recordType), number);
        } else if (value instanceof Map<?, ?> map) {
            params = copyWithStringKeys(map);
        } else if (value instanceof Collection<?> || value.getClass().isArray() || value instanceof Boolean) {
            throw new IllegalArgumentException("The body must be a JSON object or a map of params, got "
                                               + value.getClass().getSimpleName());
        } else {
            params = pojoToMap(value, pojoMapper);
        }

        if (operation == PortaBillingOperation.create || operation == PortaBillingOperation.update) {
            String infoKey = MethodNames.infoKey(recordType);
            if (!params.containsKey(infoKey)) {
                Map<String, Object> wrapped = new LinkedHashMap<>();
                wrapped.put(infoKey, params);
                params = wrapped;
            }
        }
        return booleansToFlags(params);
    }

    private static boolean needsId(PortaBillingOperation operation) {
        return operation == PortaBillingOperation.get || operation == PortaBillingOperation.delete
               || operation == PortaBillingOperation.terminate;
    }

    private static Object parseJson(String text, ObjectMapper jsonMapper) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            Object parsed = jsonMapper.readValue(trimmed, Object.class);
            if (parsed instanceof Map || parsed instanceof Number) {
                return parsed;
            }
            throw new IllegalArgumentException("The body must be a JSON object (or a number for an id), got a JSON "
                                               + (parsed instanceof List ? "array" : "value") + ": "
                                               + abbreviate(trimmed));
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + abbreviate(trimmed), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pojoToMap(Object pojo, ObjectMapper mapper) {
        JsonNode tree;
        try {
            tree = mapper.valueToTree(pojo);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The body of type " + pojo.getClass().getName()
                                               + " cannot be converted to params with Jackson: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("The body of type " + pojo.getClass().getName()
                                               + " does not convert to a JSON object");
        }
        return mapper.convertValue(tree, LinkedHashMap.class);
    }

    private static Map<String, Object> copyWithStringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("Param names must be strings, got "
                                                   + (e.getKey() == null ? "null" : e.getKey().getClass().getSimpleName()));
            }
            copy.put(key, e.getValue());
        }
        return copy;
    }

    /** Java booleans anywhere in the params become 1/0; nothing else changes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> booleansToFlags(Map<String, Object> params) {
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Boolean || v instanceof Map || v instanceof List) {
                e.setValue(flags(v));
            }
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static Object flags(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(((Map<String, Object>) map).size());
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, flags(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object v : list) {
                copy.add(flags(v));
            }
            return copy;
        }
        return value;
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

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
