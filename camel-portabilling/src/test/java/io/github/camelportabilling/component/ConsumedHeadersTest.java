package io.github.camelportabilling.component;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operation and method override headers apply to one call: a later portabilling: endpoint of the same route
 * does what its own URI says. A failed call keeps them, so a redelivery repeats the same call.
 */
class ConsumedHeadersTest extends SimulatorTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // terminate through the header, then read the account back with a plain get
                from("direct:terminateThenGet")
                        .setProperty("account", body())
                        .setHeader(PortaBillingConstants.OPERATION, constant("terminate"))
                        .to("portabilling:Account/account?operation=get")
                        .setBody(exchangeProperty("account"))
                        .to("portabilling:Account/account?operation=get");
                // a method header for one service, then a get on another service
                from("direct:versionThenCustomer")
                        .setProperty("customer", body())
                        .setHeader(PortaBillingConstants.METHOD, constant("get_version"))
                        .setBody(constant(Map.of()))
                        .to("portabilling:Generic/generic?operation=call&method=get_nothing")
                        .setBody(exchangeProperty("customer"))
                        .to("portabilling:Customer/customer?operation=get");
            }
        };
    }

    @Test
    void anOperationHeaderDoesNotTurnALaterGetIntoATerminate() {
        long account = newAccount(newCustomer("Leak Co"), "leak-" + System.nanoTime());

        Exchange out = template.send("direct:terminateThenGet", e -> e.getMessage().setBody(account));

        assertThat(out.getException()).isNull();
        assertThat(simulator.callCount("Account/terminate_account")).isEqualTo(1);
        assertThat(simulator.callCount("Account/get_account_info")).isEqualTo(1);
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("bill_status", "C");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(PortaBillingConstants.OPERATION);
    }

    @Test
    void aMethodHeaderDoesNotFollowTheMessageToAnotherService() {
        long customer = newCustomer("Method Leak Co");

        Exchange out = template.send("direct:versionThenCustomer", e -> e.getMessage().setBody(customer));

        assertThat(out.getException()).isNull();
        assertThat(simulator.callCount("Generic/get_version")).isEqualTo(1);
        assertThat(simulator.callCount("Customer/get_customer_info")).isEqualTo(1);
        assertThat(simulator.callCount("Customer/get_version")).isZero();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("name", "Method Leak Co");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(PortaBillingConstants.METHOD);
    }

    @Test
    void aFailedCallKeepsTheHeadersForARedelivery() {
        Exchange out = template.send("portabilling:Account/account?operation=get", e -> {
            e.getMessage().setBody(Map.of("i_account", 424242, "blocked", "Y"));
            e.getMessage().setHeader(PortaBillingConstants.OPERATION, "update");
        });

        assertThat(out.getException()).isInstanceOf(PortaBillingException.class);
        assertThat(simulator.callCount("Account/update_account")).isEqualTo(1);
        assertThat(out.getMessage().getHeader(PortaBillingConstants.OPERATION)).isEqualTo("update");
    }
}
