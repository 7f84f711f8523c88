package io.github.camelportabilling.component.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a call's params against the method's schema from the API description and converts each value to the type
 * of its field, recursing into objects and arrays:
 * <ul>
 * <li>a Java boolean becomes {@code "Y"}/{@code "N"} for a {@code ["N","Y"]} string enum, {@code 1}/{@code 0} for an
 * integer, {@code true}/{@code false} for a boolean; any other enum (e.g. {@code billing_lock} N/C/L) is never
 * guessed;</li>
 * <li>numbers and numeric strings follow the field's type ({@code "1676"} → 1676 for an integer, 1676 →
 * {@code "1676"} for a string, {@code 5.0} → 5 for an integer);</li>
 * <li>a value that cannot be converted is an error naming the field, what it expects and what it got; it is sent as
 * the spec-less rule ({@link BooleanParams}) would send it when the problem is only reported;</li>
 * <li>a required field that is absent (or null, unless nullable) is an error, at the top level and in every object
 * the params hold;</li>
 * <li>a field the schema does not list is a warning naming the closest listed fields, and follows the spec-less
 * rule, as does everything under a free-form ({@code ANY}) schema.</li>
 * </ul>
 * The given map is not changed. Stateless and cheap: a few map lookups per field.
 */
public final class ParamsChecker {

    /** One finding: an error (refused with validation=fail) or a warning (never refused). */
    public record Problem(boolean error, String text) {
    }

    /** The converted params and what was found. */
    public record Result(Map<String, Object> params, List<Problem> problems) {

        public boolean hasErrors() {
            for (Problem p : problems) {
                if (p.error()) {
                    return true;
                }
            }
            return false;
        }
    }

    private ParamsChecker() {
    }

    public static Result check(MethodSchema method, Map<String, Object> params) {
        Walk walk = new Walk(method.serviceMethod());
        FieldSchema schema = method.params();
        Map<String, Object> out;
        if (schema.type() != FieldSchema.Type.OBJECT) {
            out = BooleanParams.convert(params);
        } else {
            out = walk.params(schema, params);
        }
        return new Result(out, walk.problems == null ? List.of() : walk.problems);
    }

    private static final class Walk {
        private final String serviceMethod;
        private List<Problem> problems;

        Walk(String serviceMethod) {
            this.serviceMethod = serviceMethod;
        }

        Map<String, Object> params(FieldSchema schema, Map<String, Object> params) {
            Map<String, Object> out = new LinkedHashMap<>(params.size() * 2);
            for (Map.Entry<String, Object> e : params.entrySet()) {
                String key = e.getKey();
                FieldSchema field = schema.property(key);
                if (field == null || field.type() == FieldSchema.Type.ANY) {
                    if (field == null && schema.listsFields()) {
                        unknown(schema, key, key);
                    }
                    out.put(key, BooleanParams.param(key, e.getValue()));
                } else {
                    out.put(key, value(field, e.getValue(), null, key, BooleanParams.recordTypeOf(key), false));
                }
            }
            required(schema, params, null);
            return out;
        }

        /**
         * @param parent     the path of the object or array holding the value (null at the top level); paths are only
         *                   built when a message or the spec-less rule needs them
         * @param key        the field name, or the Integer index in an array
         * @param recordType the record type of the top-level {@code <rec>_info} this value is in, for the spec-less rule
         * @param inRecord   whether the value is a field directly inside that record
         */
        private Object value(FieldSchema schema, Object value, String parent, Object key, String recordType,
                             boolean inRecord) {
            if (value == null || schema.type() == FieldSchema.Type.ANY) {
                return fallback(parent, key, value, recordType, inRecord);
            }
            if (value instanceof Map<?, ?> map) {
                return schema.type() == FieldSchema.Type.OBJECT
                        ? object(schema, map, path(parent, key), recordType, parent == null && recordType != null)
                        : wrong(schema, value, parent, key, recordType, inRecord);
            }
            if (value instanceof List<?> list) {
                if (schema.type() != FieldSchema.Type.ARRAY) {
                    return wrong(schema, value, parent, key, recordType, inRecord);
                }
                FieldSchema items = schema.items() != null ? schema.items() : FieldSchema.FREE;
                String path = path(parent, key);
                List<Object> out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    out.add(value(items, list.get(i), path, i, recordType, false));
                }
                return out;
            }
            Object converted = scalar(schema, value);
            return converted != null ? converted : wrong(schema, value, parent, key, recordType, inRecord);
        }

        /** @param isRecord whether the object is the top-level {@code <rec>_info} record itself */
        private Map<String, Object> object(FieldSchema schema, Map<?, ?> map, String path, String recordType,
                                           boolean isRecord) {
            Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                FieldSchema field = schema.property(key);
                if (field == null) {
                    if (schema.listsFields()) {
                        unknown(schema, key, path + "." + key);
                    }
                    out.put(key, fallback(path, key, e.getValue(), recordType, isRecord));
                } else {
                    out.put(key, value(field, e.getValue(), path, key, recordType, isRecord));
                }
            }
            required(schema, map, path);
            return out;
        }

        private static String path(String parent, Object key) {
            return parent == null ? String.valueOf(key)
                    : key instanceof Integer i ? parent + "[" + i + "]" : parent + "." + key;
        }

        /** The value in the field's type, or null when it cannot be converted. */
        private static Object scalar(FieldSchema schema, Object value) {
            return switch (schema.type()) {
                case STRING -> string(schema, value);
                case INTEGER -> inEnum(schema, integer(value));
                case NUMBER -> inEnum(schema, number(value));
                case BOOLEAN -> value instanceof Boolean ? value
                        : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
                default -> null;
            };
        }

        private static Object string(FieldSchema schema, Object value) {
            String text;
            if (value instanceof Boolean b) {
                if (!schema.isYesNo()) {
                    return null; // N/C/L and free text: never guessed
                }
                text = b ? "Y" : "N";
            } else if (value instanceof BigDecimal d) {
                text = d.toPlainString();
            } else {
                text = value.toString();
            }
            return schema.enumValues() == null || schema.enumValues().contains(text) ? text : null;
        }

        private static Object integer(Object value) {
            if (value instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
                return value;
            }
            BigDecimal d = decimal(value);
            if (d == null) {
                return null;
            }
            try {
                long whole = d.longValueExact();
                return whole == (int) whole ? (Object) (int) whole : (Object) whole;
            } catch (ArithmeticException e) {
                return null;
            }
        }

        private static Object number(Object value) {
            if (value instanceof Number) {
                return value;
            }
            return value instanceof String ? decimal(value) : null;
        }

        private static BigDecimal decimal(Object value) {
            try {
                if (value instanceof BigDecimal d) {
                    return d;
                }
                if (value instanceof Double || value instanceof Float) {
                    return BigDecimal.valueOf(((Number) value).doubleValue());
                }
                return value instanceof String s ? new BigDecimal(s.strip()) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Object inEnum(FieldSchema schema, Object converted) {
            if (converted == null || schema.enumValues() == null) {
                return converted;
            }
            String text = converted instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : converted.toString();
            return schema.enumValues().contains(text) ? converted : null;
        }

        private Object wrong(FieldSchema schema, Object value, String parent, Object key, String recordType,
                             boolean inRecord) {
            add(true, "field " + path(parent, key) + " expects " + schema.describe() + ", got " + given(value));
            return fallback(parent, key, value, recordType, inRecord);
        }

        /** What the spec-less rule sends for a value the description does not type. */
        private static Object fallback(String parent, Object key, Object value, String recordType, boolean inRecord) {
            if (parent == null) {
                return BooleanParams.param(String.valueOf(key), value);
            }
            return inRecord && recordType != null && key instanceof String field
                    ? BooleanParams.recordField(recordType, parent, field, value)
                    : BooleanParams.nested(parent, key, value, recordType);
        }

        private void required(FieldSchema schema, Map<?, ?> map, String path) {
            for (String field : schema.required()) {
                Object v = map.get(field);
                if (v == null && !(map.containsKey(field) && schema.property(field) != null
                                   && schema.property(field).nullable)) {
                    String where = schema.name() != null ? " (" + schema.name() + " requires " + String.join(", ",
                            schema.required()) + ")" : "";
                    add(true, "required field " + (path == null ? field : path + "." + field) + " is missing" + where);
                }
            }
        }

        private void unknown(FieldSchema schema, String field, String path) {
            List<String> close = Suggestions.closest(field, schema.properties().keySet(), 3, 2);
            add(false, "field " + path + " is not in the API description"
                       + (close.isEmpty() ? "" : ": did you mean " + String.join(" or ", close) + "?"));
        }

        private void add(boolean error, String text) {
            if (problems == null) {
                problems = new ArrayList<>(2);
            }
            problems.add(new Problem(error, serviceMethod + ": " + text));
        }

        private static String given(Object value) {
            if (value instanceof String s) {
                return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
            }
            if (value instanceof Map) {
                return "an object";
            }
            if (value instanceof List) {
                return "an array";
            }
            return (value instanceof Boolean ? "the boolean " : "the number ") + value;
        }
    }
}
