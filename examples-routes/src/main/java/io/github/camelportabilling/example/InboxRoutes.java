package io.github.camelportabilling.example;

import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import io.github.camelportabilling.component.PortaBillingException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Route 1: creates customers and accounts from JSON files dropped into {@code inbox/customers} and
 * {@code inbox/accounts}, and logs their new ids.
 * <ul>
 *   <li>Customers are read before accounts (in one poll), because an account names its customer:
 *       {@code "customer_name"} is looked up and replaced by the customer's {@code i_customer}.</li>
 *   <li>A created record's file goes to {@code done/}; a record the API rejects goes to {@code error/}, with a
 *       {@code <name>.error.json} holding the faultcode and faultstring beside it.</li>
 *   <li>Anything else (server unreachable, timeout) leaves the file in the inbox: the next poll tries it again.</li>
 *   <li>A poll that finds nothing sends an empty message to {@code direct:inbox-drained} (see {@link RunSequenceRoutes}).</li>
 * </ul>
 * Drop files atomically (write them elsewhere, then move them in): the route reads any {@code *.json} it sees.
 */
public class InboxRoutes extends RouteBuilder {

    /** Exchange properties: the file's path under the inbox, its text, the account id, why it was rejected. */
    static final String FILE = "inboxFile";
    static final String TEXT = "inboxText";
    static final String RECORD_ID = "inboxRecordId";
    static final String REJECTION = "inboxRejection";
    static final String ERROR_FILE = "inboxErrorFile";

    @Override
    public void configure() {
        AccountDefaults accountDefaults = new AccountDefaults(
                Long.parseLong(getContext().resolvePropertyPlaceholders("{{example.account.default-product}}").strip()));

        // the API said no to this record: trying again would not help, so it leaves the inbox for error/
        onException(PortaBillingException.class).onWhen(new RejectedByApi())
                .handled(true).to("direct:reject-record");
        onException(UnknownCustomerException.class, JacksonException.class)
                .handled(true).to("direct:reject-record");

        from("file:{{example.work-dir}}/inbox?recursive=true&antInclude=customers/*.json,accounts/*.json"
             + "&sorter=#class:" + CustomersBeforeAccounts.class.getName()
             + "&delete=true&sendEmptyMessageWhenIdle=true&initialDelay=0&delay={{example.inbox.delay}}")
                .routeId("inbox")
                .choice()
                    .when(body().isNull())
                        .to("direct:inbox-drained")
                    .otherwise()
                        .setProperty(FILE, header(Exchange.FILE_NAME))
                        .setProperty(TEXT, bodyAs(String.class))
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .choice()
                            .when(header(Exchange.FILE_NAME).startsWith("customers/"))
                                .to("direct:create-customer")
                            .otherwise()
                                .to("direct:create-account")
                        .end()
                        .setBody(exchangeProperty(TEXT))
                        .to("file:{{example.work-dir}}/done?fileName=${exchangeProperty." + FILE + "}");

        from("direct:create-customer")
                .routeId("create-customer")
                .setProperty(RECORD_ID, simple("${body[name]}"))
                .to("portabilling:Customer/customer?operation=create")
                .log("Created customer ${header.CamelPortaBillingId} '${exchangeProperty." + RECORD_ID
                     + "}' from ${exchangeProperty." + FILE + "}")
                .bean("runStats", "customerCreated");

        from("direct:create-account")
                .routeId("create-account")
                .setProperty(RECORD_ID, simple("${body[id]}"))
                .filter(simple("${body[customer_name]} != null"))
                    .enrich("direct:find-customer-by-name", new CustomerByName())
                .end()
                .bean(accountDefaults)
                .to("portabilling:Account/account?operation=create")
                .log("Created account ${header.CamelPortaBillingId} (id ${exchangeProperty." + RECORD_ID
                     + "}) from ${exchangeProperty." + FILE + "}")
                .bean("runStats", "accountCreated");

        from("direct:find-customer-by-name")
                .routeId("find-customer-by-name")
                .setBody(method(CustomerByName.class, "filter"))
                .to("portabilling:Customer/customer?operation=list&pageSize=20");

        from("direct:reject-record")
                .routeId("reject-record")
                .setProperty(REJECTION, method(RejectionReport.class, "reason"))
                .setProperty(ERROR_FILE, simple("${file:name.noext.single}.error.json"))
                .log(LoggingLevel.WARN, "Rejected ${exchangeProperty." + FILE + "}: ${exchangeProperty." + REJECTION
                                        + "} (moved to error/)")
                .setBody(exchangeProperty(TEXT))
                .to("file:{{example.work-dir}}/error?fileName=${exchangeProperty." + FILE + "}")
                .setBody(method(RejectionReport.class, "of"))
                .marshal().json(JsonLibrary.Jackson, true)
                .to("file:{{example.work-dir}}/error?fileName=${exchangeProperty." + ERROR_FILE + "}")
                .bean("runStats", "rejected");
    }
}
