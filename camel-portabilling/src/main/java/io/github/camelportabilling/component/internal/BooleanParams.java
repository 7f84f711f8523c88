package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule for Java booleans in params, in one place until the server's schema can tell each field's type:
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
            String key = e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?> record && key.endsWith(INFO_SUFFIX) && key.length() > INFO_SUFFIX.length()) {
                out.put(key, record(key.substring(0, key.length() - INFO_SUFFIX.length()), key, record));
            } else {
                out.put(key, switches(value));
            }
        }
        return out;
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
        YesNoFields yesNo = YesNoFields.get();
        Map<Object, Object> copy = new LinkedHashMap<>(record.size() * 2);
        for (Map.Entry<?, ?> e : record.entrySet()) {
            Object field = e.getKey();
            Object value = e.getValue();
            if (value instanceof Boolean b && yesNo.isYesNo(recordType, String.valueOf(field))) {
                copy.put(field, b ? "Y" : "N");
            } else {
                copy.put(field, insideRecord(infoKey, field, value, recordType));
            }
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
