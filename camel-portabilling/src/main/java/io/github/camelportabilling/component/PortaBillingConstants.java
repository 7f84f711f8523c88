package io.github.camelportabilling.component;

import org.apache.camel.spi.Metadata;

/**
 * Every message header the component reads or sets. Each one carries {@link Metadata} so that it shows up in the
 * generated component JSON and the docs.
 */
public final class PortaBillingConstants {

    /**
     * Consumed: the producer removes it once its call succeeded, so it never applies to a later
     * {@code portabilling:} endpoint of the route. It stays when the call fails, so a redelivery repeats the call.
     */
    @Metadata(label = "producer",
              description = "Overrides the endpoint's operation for this message: create, get, list, update, delete,"
                            + " terminate or call. Consumed: removed from the message once the call succeeded, so it"
                            + " never applies to a later PortaBilling endpoint of the route (it stays when the call"
                            + " fails, so that a redelivery repeats the same call).",
              javaType = "String")
    public static final String OPERATION = "CamelPortaBillingOperation";

    /** Consumed like {@link #OPERATION}: removed once the call succeeded, kept when it failed. */
    @Metadata(label = "producer",
              description = "Overrides the API method for this message (snake_case, e.g. get_account_list). Required"
                            + " for operation=call when the endpoint has no method option. Consumed: removed from the"
                            + " message once the call succeeded, so it never applies to a later PortaBilling endpoint"
                            + " of the route (it stays when the call fails, so that a redelivery repeats the same"
                            + " call).",
              javaType = "String")
    public static final String METHOD = "CamelPortaBillingMethod";

    @Metadata(description = "The i_{recordType} value of the record (i_account for portabilling:Account/account): the"
                            + " new id after create, the id after update, get,"
                            + " delete and terminate, and each record's id on consumer exchanges.",
              javaType = "Long")
    public static final String ID = "CamelPortaBillingId";

    @Metadata(label = "producer",
              description = "After a get: false when the server answered that no such record exists (the body is then"
                            + " null), true otherwise.",
              javaType = "Boolean")
    public static final String FOUND = "CamelPortaBillingFound";

    @Metadata(label = "producer",
              description = "After a get whose answer holds more than the record (e.g. get_account_info with"
                            + " with_customer_info=1 answers customer_info beside account_info): a Map of those other"
                            + " top-level keys of the answer, e.g. {customer_info={...}}. Absent when the answer held"
                            + " only the record.",
              javaType = "java.util.Map<String, Object>")
    public static final String SIBLINGS = "CamelPortaBillingSiblings";

    @Metadata(label = "producer",
              description = "For a list: the page size (limit) of this call; defaults to the pageSize option.",
              javaType = "Integer")
    public static final String LIMIT = "CamelPortaBillingLimit";

    @Metadata(label = "producer",
              description = "For a list: the zero-based offset of this call (default 0); with streamList, where the"
                            + " walk starts.",
              javaType = "Integer")
    public static final String OFFSET = "CamelPortaBillingOffset";

    @Metadata(label = "consumer",
              description = "On consumer exchanges: the offset of the list call the record came from. (A header of its"
                            + " own, so that it never becomes the offset of a later list call in the route.)",
              javaType = "Integer")
    public static final String PAGE_OFFSET = "CamelPortaBillingPageOffset";

    @Metadata(description = "The total number of matching records, when the server was asked for it (includeTotal"
                            + " option or get_total in the body; the consumer always asks on a cycle's first page).",
              javaType = "Long")
    public static final String TOTAL = "CamelPortaBillingTotal";

    @Metadata(label = "producer",
              description = "After operation=call of a method that answers a file instead of JSON (e.g."
                            + " CDR/get_call_recording): the file's content type as the server sent it, e.g."
                            + " audio/wav or application/pdf. The body is then the file as a byte array. Removed"
                            + " after a JSON answer.",
              javaType = "String")
    public static final String CONTENT_TYPE = "CamelPortaBillingContentType";

    @Metadata(label = "producer",
              description = "After operation=call of a method that answers a file: the file name of its"
                            + " Content-Disposition header, reduced to its last path segment (so it is safe as"
                            + " CamelFileName); absent when the server gave none.",
              javaType = "String")
    public static final String FILE_NAME = "CamelPortaBillingFileName";

    @Metadata(label = "consumer",
              description = "With pagePerExchange=true: the ids (i_{recordType}) of the records in the body, in list"
                            + " order (null for a record without one).",
              javaType = "java.util.List<Long>")
    public static final String IDS = "CamelPortaBillingIds";

    private PortaBillingConstants() {
    }
}
