package io.github.camelportabilling.component;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL examples of the adoc's "Operation by operation" and "Consumer" sections, verbatim (DocsExamplesWithoutCamelBeanTest
 * checks that each adoc snippet is in this file, and runs them).
 */
class DocsExampleRoutes {

    private DocsExampleRoutes() {
    }

    static RouteBuilder operations() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:newCustomer")                          // body: {"name": "Acme", "iso_4217": "USD"}
                    .to("portabilling:Customer/customer?operation=create")
                    .log("created customer ${header.CamelPortaBillingId}");

                from("direct:account")                              // body: the i_account, e.g. 1234
                    .to("portabilling:Account/account?operation=get")
                    .choice()
                        .when(header("CamelPortaBillingFound").isEqualTo(false))
                            .log("no such account")
                        .otherwise()
                            .log("account ${header.CamelPortaBillingId}: ${body}");

                from("direct:openAccountsOfCustomer")               // body: {"i_customer": 42}
                    .setHeader("CamelPortaBillingLimit", constant(50))
                    .to("portabilling:Account/account?operation=list&filter.bill_status=O&includeTotal=true")
                    .log("first page of ${header.CamelPortaBillingTotal} open accounts: ${body}");

                from("direct:blockAccount")                         // body: {"i_account": 1234, "blocked": true}
                    .to("portabilling:Account/account?operation=update")
                    .log("blocked account ${header.CamelPortaBillingId}");

                from("direct:deleteCustomer")                       // body: the i_customer
                    .to("portabilling:Customer/customer?operation=delete")
                    .log("deleted customer ${header.CamelPortaBillingId}: ${body}");

                from("direct:closeAccount")                         // body: the i_account
                    .to("portabilling:Account/account?operation=terminate")
                    .log("terminated account ${header.CamelPortaBillingId}");

                from("direct:subscriptions")                        // body: {"i_account": 1234}
                    .to("portabilling:Account/account?operation=call&method=get_subscriptions")
                    .log("${body}");                                // the whole answer: {subscriptions=[...]}
            }
        };
    }

    static RouteBuilder consumer() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("portabilling:Customer/customer?filter.bill_status=O&pageSize=200&delay=5m")
                    .to("direct:crm");
            }
        };
    }
}
