package io.github.camelportabilling.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelportabilling.component.PortaBillingConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * The consumer: a route {@code from("portabilling:Customer/customer?pageSize=N")} with one exchange per record,
 * started for one cycle over the whole list (the next cycle would only start after {@code delay}, an hour) and
 * stopped after it.
 */
final class ConsumerWalker implements Walker {

    /** A walk that delivers nothing for this long has failed (the consumer would retry only after delay). */
    private static final long STALL_MILLIS = 30_000;

    private final CamelContext camel;
    private final String routeId;
    private final AtomicLong delivered = new AtomicLong();

    ConsumerWalker(CamelContext camel, int port, int pageSize) throws Exception {
        this.camel = camel;
        this.routeId = "consumer-" + port + "-" + pageSize;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("portabilling:Customer/customer?pageSize=" + pageSize + "&port=" + port
                     + "&initialDelay=0&delay=3600000")
                        .routeId(routeId).autoStartup(false)
                        .process(exchange -> {
                            Walker.requireCustomer(exchange.getMessage().getBody());
                            delivered.incrementAndGet();
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
