package io.github.camelportabilling.example.springboot;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The Java DSL routes: create and get a customer through the producer, and a consumer that writes every open
 * customer once into {@code sync/open-customers.jsonl}. The connection is the component's
 * ({@code camel.component.portabilling.*} in application.yml), so no URI names a server or a credential.
 * {@code camel/sync-open-accounts.yaml} is the same sync in YAML DSL, for accounts.
 */
@Component
public class CustomerRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // create: a flat customer record is wrapped into {"customer_info": ...}; the new i_customer comes back in
        // the CamelPortaBillingId header
        from("direct:createCustomer").routeId("create-customer")
                .to("portabilling:Customer/customer?operation=create")
                .log("Created customer ${header.CamelPortaBillingId}");

        // get: the customer_info map, or a null body and CamelPortaBillingFound=false for an unknown id
        from("direct:getCustomer").routeId("get-customer")
                .to("portabilling:Customer/customer?operation=get");

        // every open customer once (incremental: later cycles bring only customers added since), one JSON line each
        from("portabilling:Customer/customer?filter.bill_status=O&mode=incremental"
             + "&pageSize={{example.sync.page-size}}&delay={{example.sync.delay}}")
                .routeId("sync-open-customers")
                .marshal().json()
                .to("file:{{example.work-dir}}/sync?fileName=open-customers.jsonl&fileExist=Append&appendChars=\\n")
                // one progress line per page
                .filter(exchangeProperty(Exchange.BATCH_COMPLETE))
                    .log("Open customers: a page of ${exchangeProperty.CamelBatchSize} written to"
                         + " ${header.CamelFileNameProduced}");
    }
}
