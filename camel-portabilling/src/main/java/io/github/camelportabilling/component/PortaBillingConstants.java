package io.github.camelportabilling.component;

import org.apache.camel.spi.Metadata;

/**
 * Every message header the component reads or sets. Each one carries {@link Metadata} so that it shows up in the
 * generated component JSON and the docs.
 */
public final class PortaBillingConstants {

    @Metadata(label = "producer",
              description = "Overrides the endpoint's operation for this message: create, get, list, update, delete,"
                            + " terminate or call.",
              javaType = "String")
    public static final String OPERATION = "CamelPortaBillingOperation";

    @Metadata(label = "producer",
              description = "Overrides the API method for this message (snake_case, e.g. get_account_list). Required"
                            + " for operation=call when the endpoint has no method option. Only read, never set, so it"
                            + " cannot leak into the next PortaBilling call of the route.",
              javaType = "String")
    public static final String METHOD = "CamelPortaBillingMethod";

    @Metadata(description = "The i_<rec> value of the record: the new id after create, the id after update, get,"
                            + " delete and terminate, and each record's id on consumer exchanges.",
              javaType = "Long")
    public static final String ID = "CamelPortaBillingId";

    @Metadata(label = "producer",
              description = "After a get: false when the server answered that no such record exists (the body is then"
                            + " null), true otherwise.",
              javaType = "Boolean")
    public static final String FOUND = "CamelPortaBillingFound";

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

    private PortaBillingConstants() {
    }
}
