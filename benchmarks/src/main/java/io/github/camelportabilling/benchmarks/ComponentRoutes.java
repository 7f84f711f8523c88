package io.github.camelportabilling.benchmarks;

import org.apache.camel.builder.RouteBuilder;

/** The component as its documentation shows it; the connection options are set on the component. */
final class ComponentRoutes extends RouteBuilder {

    static final String GET = "direct:component-get";
    static final String CREATE = "direct:component-create";

    @Override
    public void configure() {
        from(GET).to("portabilling:Account/account?operation=get");
        from(CREATE).to("portabilling:Account/account?operation=create");
    }
}
