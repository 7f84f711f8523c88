package io.github.camelportabilling.component;

/**
 * What a producer does with the record type of its endpoint. The constants are spelled exactly as the URI values and
 * the {@link PortaBillingConstants#OPERATION} header values.
 */
public enum PortaBillingOperation {
    /** {@code add_<rec>}: the body is the record; answers the new {@code i_<rec>}. */
    create,
    /** {@code get_<rec>_info}: the body is the {@code i_<rec>} or the params; answers the record or null. */
    get,
    /** {@code get_<rec>_list}: the body holds filters; answers one page, or all pages with streamList. */
    list,
    /** {@code update_<rec>}: the body holds {@code i_<rec>} and the changed fields. */
    update,
    /** {@code delete_<rec>}: the body is the {@code i_<rec>}. */
    delete,
    /** {@code terminate_<rec>}: the body is the {@code i_<rec>}. */
    terminate,
    /** Any method, named by the method option or header; the body is the params, the answer is returned as is. */
    call;

    /** Resolves a URI or header value, with a message listing the valid values when it is not one of them. */
    public static PortaBillingOperation fromValue(String value) {
        for (PortaBillingOperation op : values()) {
            if (op.name().equals(value)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown PortaBilling operation '" + value + "': use one of " + java.util.Arrays.toString(values()));
    }
}
