package io.github.camelportabilling.example.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * The example routes on Camel Quarkus. The connection (host, port, login, password) is configured once on the
 * component in {@code application.properties} ({@code camel.component.portabilling.*}); Camel Quarkus finds this
 * route builder by itself.
 */
public class PortaBillingRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // create: a flat customer record is wrapped into {"customer_info": ...}; the new i_customer comes back in
        // the CamelPortaBillingId header
        from("direct:createCustomer").routeId("create-customer")
                .to("portabilling:Customer/customer?operation=create")
                .log("created customer ${header.CamelPortaBillingId}");

        // get: the customer_info map, or a null body and CamelPortaBillingFound=false for an unknown id
        from("direct:getCustomer").routeId("get-customer")
                .to("portabilling:Customer/customer?operation=get");

        // sync: every open customer once (incremental: later cycles bring only customers added since),
        // one JSON line per customer
        from("portabilling:Customer/customer?filter.bill_status=O&mode=incremental"
             + "&pageSize={{example.sync.page-size}}&delay={{example.sync.delay}}")
                .routeId("sync-customers")
                .marshal().json()
                .to("file:{{example.sync.dir}}?fileName=customers.jsonl&fileExist=Append&appendChars=\\n");
    }
}
