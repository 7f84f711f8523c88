package io.github.camelportabilling.example;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route 2: every open customer, once, into {@code sync/open-customers.jsonl} (one JSON object per line).
 * <p>
 * The consumer pages through {@code get_customer_list} with {@code bill_status=O}. In incremental mode it delivers
 * each customer once and later only customers created since; a poll that finds nothing new sends an empty message
 * (sendEmptyMessageWhenIdle), which tells {@link RunSequenceRoutes} that the file has caught up with the server.
 * The route is started by {@link RunSequenceRoutes} after the inbox has been read, so that the first snapshot holds
 * the customers just created. {@code routes/sync-open-accounts.yaml} is the same route in YAML, for accounts.
 */
public class SyncOpenCustomersRoute extends RouteBuilder {

    static final String ROUTE_ID = "sync-open-customers";

    @Override
    public void configure() {
        from("portabilling:Customer/customer?filter.bill_status=O&mode=incremental&sendEmptyMessageWhenIdle=true"
             + "&pageSize={{example.sync.page-size}}&delay={{example.sync.delay}}&initialDelay=0")
                .routeId(ROUTE_ID)
                .autoStartup(false)
                .choice()
                    .when(body().isNull())
                        .to("direct:sync-caught-up")
                    .otherwise()
                        .marshal().json()
                        .to("file:{{example.work-dir}}/sync?fileName=open-customers.jsonl&fileExist=Append&appendChars=\\n")
                        .setHeader("syncedSoFar", method("runStats", "synced"))
                        // one progress line per page
                        .filter(exchangeProperty(Exchange.BATCH_COMPLETE))
                            .log("Open customers: ${header.syncedSoFar} written to ${header.CamelFileNameProduced}"
                                 + " (the server counts ${header.CamelPortaBillingTotal})");
    }
}
