package io.github.camelportabilling.component.internal;

import java.util.List;
import java.util.Map;

import io.github.camelportabilling.component.PortaBillingException;

/**
 * Reads the records and the total out of a list answer, with errors that say what the answer held instead.
 */
public final class ListAnswer {

    private ListAnswer() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> records(Map<String, Object> answer, String listKey, String service,
                                                    String method) {
        Object list = answer.get(listKey);
        if (list == null) {
            if (answer.isEmpty() || answer.containsKey(listKey)) {
                return List.of();
            }
            throw new PortaBillingException(
                    "PortaBilling " + service + "/" + method + " answered without '" + listKey + "' (keys: "
                                            + answer.keySet() + "); set the responseKey option to the key holding the list",
                    service, method, null, null, 200, null);
        }
        if (!(list instanceof List<?> items)) {
            throw wrongType(service, method, "'" + listKey + "' is a " + AnswerTypes.describe(list) + ", not a list");
        }
        for (Object item : items) {
            if (!(item instanceof Map)) {
                throw wrongType(service, method,
                        "'" + listKey + "' holds a " + AnswerTypes.describe(item) + " where a record object was expected");
            }
        }
        return (List<Map<String, Object>>) items;
    }

    /** The total when the server sent one (only when asked with get_total). */
    public static Long total(Map<String, Object> answer) {
        return RequestParams.idValue(answer.get("total"));
    }

    static PortaBillingException wrongType(String service, String method, String what) {
        return new PortaBillingException("PortaBilling " + service + "/" + method + " answered an unexpected shape: " + what,
                service, method, null, null, 200, null);
    }
}
