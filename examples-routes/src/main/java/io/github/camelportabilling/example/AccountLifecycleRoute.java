package io.github.camelportabilling.example;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route 4: get, update and terminate of one account. The body is the account's {@code i_account}: the route shows
 * the account, blocks it (update_account with {@code blocked=Y}), terminates it and reads it again to log its
 * {@code bill_status} (C, closed). {@link RunSequenceRoutes} runs it on the first account created from the samples.
 */
public class AccountLifecycleRoute extends RouteBuilder {

    static final String I_ACCOUNT = "lifecycleAccount";

    @Override
    public void configure() {
        from("direct:account-lifecycle")
                .routeId("account-lifecycle")
                .setProperty(I_ACCOUNT, body())
                .to("portabilling:Account/account?operation=get")
                .log("Account ${body[id]} (i_account ${exchangeProperty." + I_ACCOUNT + "}): bill_status"
                     + " ${body[bill_status]}, blocked ${body[blocked]}")

                .setBody(method(AccountChanges.class, "block(${exchangeProperty." + I_ACCOUNT + "})"))
                .to("portabilling:Account/account?operation=update")
                .log("Blocked account ${header.CamelPortaBillingId}")

                .setBody(exchangeProperty(I_ACCOUNT))
                .to("portabilling:Account/account?operation=terminate")
                .log("Terminated account ${header.CamelPortaBillingId}")

                .setBody(exchangeProperty(I_ACCOUNT))
                .to("portabilling:Account/account?operation=get")
                .log("Account ${body[id]} after terminate: bill_status ${body[bill_status]}, blocked ${body[blocked]}")
                .bean("runStats", "accountClosed");
    }
}
