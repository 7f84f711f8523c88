package io.github.camelportabilling.example.springboot;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (no server configured): once at startup, creates a customer through {@code direct:createCustomer}
 * and reads it back through {@code direct:getCustomer}, so that a run shows the producer as well as the syncs.
 */
@Component
@Conditional(DemoServerConfiguration.NoServerConfigured.class)
public class DemoCustomerRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:demo-customer?repeatCount=1&delay=0")
                .routeId("demo-customer")
                .setBody(constant(Map.of("name", "Spring Dairy", "iso_4217", "EUR")))
                .to("direct:createCustomer")
                .setBody(header("CamelPortaBillingId"))
                .to("direct:getCustomer")
                .log("Read back customer ${body[i_customer]} '${body[name]}': bill_status ${body[bill_status]}");
    }
}
