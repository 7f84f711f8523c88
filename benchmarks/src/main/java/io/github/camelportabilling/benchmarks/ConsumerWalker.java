package io.github.camelportabilling.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelportabilling.component.PortaBillingConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The consumer: a route {@code from("portabilling:Customer/customer?pageSize=N")} (plus the walk's options: prefetch,
 * parallelPages, pagePerExchange), started for one cycle over the whole list (the next cycle would only start after
 * {@code delay}, an hour) and stopped after it. With a route time, the route sleeps that long once per page (at the
 * page's first exchange), as a sink that writes a page at a time would.
 */
final class ConsumerWalker implements Walker {

    /** A walk that delivers nothing for this long has failed (the consumer would retry only after delay). */
    private static final long STALL_MILLIS = 30_000;

    private final CamelContext camel;
    private final String routeId;
    private final AtomicLong delivered = new AtomicLong();

    ConsumerWalker(CamelContext camel, ListWalk walk, int port, int pageSize, long routeMillisPerPage)
            throws Exception {
        this.camel = camel;
        this.routeId = "consumer-" + walk.name().toLowerCase(java.util.Locale.ROOT) + "-" + port + "-" + pageSize
                       + (routeMillisPerPage > 0 ? "-route" + routeMillisPerPage : "");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("portabilling:Customer/customer?pageSize=" + pageSize + "&port=" + port
                     + "&initialDelay=0&delay=3600000" + walk.consumerOptions)
                        .routeId(routeId).autoStartup(false)
                        .process(exchange -> {
                            Object body = exchange.getMessage().getBody();
                            if (body instanceof List<?> page) {
                                page.forEach(Walker::requireCustomer);
                                delivered.addAndGet(page.size());
                            } else {
                                Walker.requireCustomer(body);
                                delivered.incrementAndGet();
                            }
                            if (routeMillisPerPage > 0
                                && exchange.getProperty(Exchange.BATCH_INDEX, 0, Integer.class) == 0) {
                                Thread.sleep(routeMillisPerPage);
                            }
                        });
            }
        });
    }

    @Override
    public long run() throws Exception {
        delivered.set(0);
        camel.getRouteController().startRoute(routeId);
        PortaBillingConsumer consumer = (PortaBillingConsumer) camel.getRoute(routeId).getConsumer();
        long cyclesBefore = consumer.getCycles();
        long lastCount = -1;
        long lastProgress = System.currentTimeMillis();
        while (consumer.getCycles() == cyclesBefore) {
            Thread.sleep(1);
            long count = delivered.get();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastProgress > STALL_MILLIS) {
                throw new IllegalStateException("the consumer delivered nothing for " + STALL_MILLIS + " ms after "
                                                + count + " records");
            }
        }
        return delivered.get();
    }

    @Override
    public void close() throws Exception {
        camel.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
    }
}
