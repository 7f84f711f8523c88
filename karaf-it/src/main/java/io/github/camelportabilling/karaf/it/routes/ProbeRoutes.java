package io.github.camelportabilling.karaf.it.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * What KarafIT runs inside Karaf: an API call through operation=call, a list, and a consumer cycle, each writing what
 * it got into the output folder as JSON.
 */
public class ProbeRoutes extends RouteBuilder {

    private final ProbeRoutesActivator.ProbeSettings settings;

    ProbeRoutes(ProbeRoutesActivator.ProbeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        String connection = settings.connection();
        String out = "file:" + settings.out().toAbsolutePath();

        from("timer:portabilling-version?repeatCount=1").routeId("karaf-get-version")
                .to("portabilling:Generic/generic?operation=call&method=get_version&" + connection)
                .marshal().json()
                .to(out + "?fileName=version.json");

        from("timer:portabilling-list?repeatCount=1").routeId("karaf-list")
                .to("portabilling:Customer/customer?operation=list&filter.bill_status=O&includeTotal=true&pageSize=1000&"
                    + connection)
                .setProperty("total", header("CamelPortaBillingTotal"))
                .marshal().json()
                .to(out + "?fileName=open-customers.json")
                .setBody(exchangeProperty("total")).convertBodyTo(String.class)
                .to(out + "?fileName=open-customers.total");

        // one cycle over every open account, 7 a page; the idle poll after it marks the cycle done
        from("portabilling:Account/account?filter.bill_status=O&mode=incremental&pageSize=7&delay=500"
             + "&sendEmptyMessageWhenIdle=true&" + connection).routeId("karaf-consumer")
                .choice()
                    .when(body().isNull())
                        .setBody(constant("caught up"))
                        .to(out + "?fileName=consumer.idle")
                    .otherwise()
                        .marshal().json()
                        .to(out + "?fileName=consumer-accounts.jsonl&fileExist=Append&appendChars=\\n");
    }
}
