package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule for Java booleans in params where no API description tells a field's type (no document loaded, or a
 * field it does not describe; {@link ParamsChecker} applies the document's types to the others):
 * <ul>
 * <li>at the top level of the params (request switches such as {@code get_total}, {@code detailed_info},
 * {@code generate_web_password}) and in lists there: {@code 1}/{@code 0};</li>
 * <li>a field of a record (an object under a top-level {@code <rec>_info} key) that {@link YesNoFields} lists as a
 * Y/N flag of {@code <rec>}: {@code "Y"}/{@code "N"};</li>
 * <li>any other boolean inside a record, nested objects included: {@code 1}/{@code 0}, with a DEBUG line naming the
 * field, since the server may expect a Y/N flag there.</li>
 * </ul>
 * Nothing but Java booleans changes: strings such as {@code "Y"} go as they are.
 */
public final class BooleanParams {

    private static final Logger LOG = LoggerFactory.getLogger(BooleanParams.class);
    private static final String INFO_SUFFIX = "_info";

    private BooleanParams() {
    }

    /** Returns the params with booleans replaced as the rule says; the given map is not changed. */
    public static Map<String, Object> convert(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>(params.size() * 2);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            out.put(e.getKey(), param(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The rule for one top-level param (a switch, or a whole {@code <rec>_info} record). */
    public static Object param(String key, Object value) {
        String recordType = recordTypeOf(key);
        if (value instanceof Map<?, ?> record && recordType != null) {
            return record(recordType, key, record);
        }
        return switches(value);
    }

    /** {@code account} for {@code account_info}; null for a key that names no record. */
    public static String recordTypeOf(String key) {
        return key.endsWith(INFO_SUFFIX) && key.length() > INFO_SUFFIX.length()
                ? key.substring(0, key.length() - INFO_SUFFIX.length()) : null;
    }

    /** The rule for one field of a {@code <rec>_info} record (its Y/N list, else 1/0 with a DEBUG line). */
    public static Object recordField(String recordType, String infoKey, String field, Object value) {
        if (value instanceof Boolean b && YesNoFields.get().isYesNo(recordType, field)) {
            return b ? "Y" : "N";
        }
        return insideRecord(infoKey, field, value, recordType);
    }

    /** The rule for a value deeper inside a record, or outside any: 1/0 (with a DEBUG line inside a record). */
    public static Object nested(String parentPath, Object key, Object value, String recordType) {
        return recordType != null ? insideRecord(parentPath, key, value, recordType) : switches(value);
    }

    /** Request switches: 1/0 at any depth outside records. */
    private static Object switches(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> copy.put(k, switches(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(switches(v)));
            return copy;
        }
        return value;
    }

    private static Map<Object, Object> record(String recordType, String infoKey, Map<?, ?> record) {
        Map<Object, Object> copy = new LinkedHashMap<>(record.size() * 2);
        for (Map.Entry<?, ?> e : record.entrySet()) {
            copy.put(e.getKey(), recordField(recordType, infoKey, String.valueOf(e.getKey()), e.getValue()));
        }
        return copy;
    }

    /** @param key the field name, or the Integer index in a list; the path is only built when it is needed */
    private static Object insideRecord(String parent, Object key, Object value, String recordType) {
        if (value instanceof Boolean b) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("Boolean {} sent as {}: not a known Y/N field of {} records (send \"Y\"/\"N\" as text if"
                          + " the server expects a flag there)", path(parent, key), b ? 1 : 0, recordType);
            }
            return b ? 1 : 0;
        }
        if (value instanceof Map<?, ?> map) {
            String path = path(parent, key);
            Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> copy.put(k, insideRecord(path, k, v, recordType)));
            return copy;
        }
        if (value instanceof List<?> list) {
            String path = path(parent, key);
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(insideRecord(path, i, list.get(i), recordType));
            }
            return copy;
        }
        return value;
    }

    private static String path(String parent, Object key) {
        return key instanceof Integer index ? parent + "[" + index + "]" : parent + "." + key;
    }
}
