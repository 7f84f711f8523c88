package io.github.camelportabilling.simulator;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads typed values out of request maps the way old PortaBilling servers did: numbers may arrive as
 * JSON numbers or as numeric strings ({@code "i_product": "1676"}). Wrong types throw
 * {@link InvalidFieldException}, absent mandatory values {@link MissingFieldException}.
 */
final class FieldValues {

    private FieldValues() {
    }

    static boolean present(Map<String, Object> map, String field) {
        return map.get(field) != null;
    }

    static long requireLong(Map<String, Object> map, String field) {
        Object v = map.get(field);
        if (v == null || "".equals(v)) {
            throw new MissingFieldException(field);
        }
        return asLong(field, v);
    }

    static Long optLong(Map<String, Object> map, String field) {
        Object v = map.get(field);
        return v == null ? null : asLong(field, v);
    }

    static int optInt(Map<String, Object> map, String field, int fallback) {
        Object v = map.get(field);
        return v == null ? fallback : asInt(field, v);
    }

    static String requireString(Map<String, Object> map, String field) {
        Object v = map.get(field);
        if (v == null || "".equals(v)) {
            throw new MissingFieldException(field);
        }
        return asString(field, v);
    }

    static String optString(Map<String, Object> map, String field) {
        Object v = map.get(field);
        return v == null ? null : asString(field, v);
    }

    /** Request switches are 1/0 ints; "1", true and "Y" are taken too. */
    static boolean flag(Map<String, Object> map, String field) {
        Object v = map.get(field);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if ("Y".equals(v) || "y".equals(v)) {
            return true;
        }
        if ("N".equals(v) || "n".equals(v)) {
            return false;
        }
        return asLong(field, v) != 0;
    }

    static long asLong(String field, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return (long) d;
            }
        } else if (v instanceof String) {
            try {
                return Long.parseLong(((String) v).trim());
            } catch (NumberFormatException e) {
                // fall through to the fault
            }
        }
        throw new InvalidFieldException(field, "Field '" + field + "' must be an integer, got " + describe(v));
    }

    static int asInt(String field, Object v) {
        long l = asLong(field, v);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new InvalidFieldException(field, "Field '" + field + "' is out of range: " + l);
        }
        return (int) l;
    }

    static double asDouble(String field, Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof String) {
            try {
                return new BigDecimal(((String) v).trim()).doubleValue();
            } catch (NumberFormatException e) {
                // fall through to the fault
            }
        }
        throw new InvalidFieldException(field, "Field '" + field + "' must be a number, got " + describe(v));
    }

    static String asString(String field, Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number) {
            return v.toString();
        }
        throw new InvalidFieldException(field, "Field '" + field + "' must be a string, got " + describe(v));
    }

    /** Record attributes such as {@code blocked} are "Y"/"N" strings on the wire. */
    static boolean asYesNo(String field, Object v) {
        if ("Y".equals(v)) {
            return true;
        }
        if ("N".equals(v)) {
            return false;
        }
        throw new InvalidFieldException(field, "Field '" + field + "' must be \"Y\" or \"N\", got " + describe(v));
    }

    static char asStatus(String field, Object v, String allowed) {
        if (v instanceof String && ((String) v).length() == 1 && allowed.indexOf(((String) v).charAt(0)) >= 0) {
            return ((String) v).charAt(0);
        }
        throw new InvalidFieldException(field,
                "Field '" + field + "' must be one of " + String.join("/", allowed.split("")) + ", got " + describe(v));
    }

    static long asDateTime(String field, Object v) {
        try {
            return UtcTime.parseDateTime(asString(field, v));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "Field '" + field + "': " + e.getMessage());
        }
    }

    static int asDate(String field, Object v) {
        try {
            return (int) UtcTime.parseDate(asString(field, v));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "Field '" + field + "': " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> requireObject(Map<String, Object> map, String field) {
        Object v = map.get(field);
        if (v == null) {
            throw new MissingFieldException(field);
        }
        if (!(v instanceof Map)) {
            throw new InvalidFieldException(field, "Field '" + field + "' must be an object, got " + describe(v));
        }
        return (Map<String, Object>) v;
    }

    static String describe(Object v) {
        if (v instanceof String) {
            return "\"" + v + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof java.util.List) {
            return "an array";
        }
        return String.valueOf(v);
    }
}
