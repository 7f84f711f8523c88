package io.github.camelportabilling.simulator;

import java.util.List;

/**
 * The JSON type of a record field as a live server answered it (shared/reference/recorded-records.md), and the
 * check of what a client sends for it. A value of the wrong type throws {@link InvalidFieldException}, which the
 * dispatcher answers with an {@code invalid_parameter} fault.
 */
enum FieldType {

    /** Free text; numbers are taken as their text, as old servers did. */
    TEXT,
    /** A {@code "Y"}/{@code "N"} flag: {@code 1}, {@code 0}, {@code true} or {@code "yes"} are rejected. */
    YES_NO,
    /** One letter with a meaning of its own ({@code billing_lock}: N, C, L). */
    LETTER,
    /** A whole number, also as numeric text ({@code "i_product": "1676"}); integer 0/1 flags of records are of this type. */
    INTEGER,
    /** A request switch: the whole number 1 or 0 (also as text); {@code true}, {@code "Y"} are rejected. */
    SWITCH,
    /** A JSON number (money). */
    NUMBER,
    /** {@code YYYY-MM-DD}. */
    DATE,
    /** {@code YYYY-MM-DD HH:MM:SS}, UTC. */
    DATE_TIME,
    /** A JSON array. */
    ARRAY,
    /** Answered only as {@code null} by the recorded server, so its type is unknown: stored as sent. */
    UNKNOWN;

    /**
     * Checks a value a client sent; returns what is stored (numbers parsed from text, dates as sent). {@code null}
     * is taken for every type except {@link #YES_NO}, which has no unset state.
     */
    Object check(String field, Object v) {
        if (v == null) {
            if (this == YES_NO) {
                throw new InvalidFieldException(field, "Field '" + field + "' must be \"Y\" or \"N\", got null");
            }
            return null;
        }
        switch (this) {
            case TEXT:
                return FieldValues.asString(field, v);
            case YES_NO:
                return FieldValues.asYesNo(field, v) ? "Y" : "N";
            case LETTER:
                if (v instanceof String && ((String) v).length() == 1) {
                    return v;
                }
                throw new InvalidFieldException(field, "Field '" + field + "' must be one letter, got " + FieldValues.describe(v));
            case INTEGER:
                long l = FieldValues.asLong(field, v);
                return l == (int) l ? (Object) (int) l : (Object) l;
            case SWITCH:
                long flag = FieldValues.asLong(field, v);
                if (flag != 0 && flag != 1) {
                    throw new InvalidFieldException(field, "Field '" + field + "' must be 1 or 0, got " + flag);
                }
                return (int) flag;
            case NUMBER:
                return v instanceof Number ? v : FieldValues.asDouble(field, v);
            case DATE:
                FieldValues.asDate(field, v);
                if (((String) v).length() != 10) {
                    throw new InvalidFieldException(field, "Field '" + field + "': expected YYYY-MM-DD, got '" + v + "'");
                }
                return v;
            case DATE_TIME:
                FieldValues.asDateTime(field, v);
                return v;
            case ARRAY:
                if (v instanceof List) {
                    return v;
                }
                throw new InvalidFieldException(field, "Field '" + field + "' must be an array, got " + FieldValues.describe(v));
            default:
                return v;
        }
    }
}
