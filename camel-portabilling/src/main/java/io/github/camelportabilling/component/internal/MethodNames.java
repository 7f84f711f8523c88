package io.github.camelportabilling.component.internal;

import io.github.camelportabilling.component.PortaBillingOperation;

/**
 * The API's naming convention, in one place: which method an operation calls for a record type, and which keys the
 * params and the answer use.
 */
public final class MethodNames {

    private MethodNames() {
    }

    /**
     * The method an operation calls by convention: create → add_x, get → get_x_info, list → get_x_list, update →
     * update_x, delete → delete_x, terminate → terminate_x. {@code call} has no convention.
     */
    public static String methodFor(PortaBillingOperation operation, String recordType) {
        return switch (operation) {
            case create -> "add_" + recordType;
            case get -> "get_" + recordType + "_info";
            case list -> "get_" + recordType + "_list";
            case update -> "update_" + recordType;
            case delete -> "delete_" + recordType;
            case terminate -> "terminate_" + recordType;
            case call -> throw new IllegalArgumentException(
                    "operation=call has no conventional method: set the method option or the CamelPortaBillingMethod header");
        };
    }

    /** {@code x_info}: the params key of create/update and the answer key of get. */
    public static String infoKey(String recordType) {
        return recordType + "_info";
    }

    /** {@code x_list}: the answer key of a list. */
    public static String listKey(String recordType) {
        return recordType + "_list";
    }

    /** {@code i_x}: the record's id field. */
    public static String idKey(String recordType) {
        return "i_" + recordType;
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * Checks a service, record type or method name before it becomes part of a URL path.
     *
     * @param what how the name is referred to in the error, e.g. "method (header CamelPortaBillingMethod)"
     */
    public static String requireValidName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "Invalid PortaBilling " + what + " '" + value + "': expected letters, digits and '_' only");
        }
        return value;
    }

    /**
     * Whether a method only reads, judged by the API's naming (get_, ping, ...). Reads may be retried after a transport
     * failure; anything else may have changed data on the server and is not replayed.
     */
    public static boolean isRead(String method) {
        return method.startsWith("get_") || method.equals("ping") || method.startsWith("validate_")
               || method.startsWith("estimate_") || method.startsWith("check_") || method.startsWith("search_");
    }
}
