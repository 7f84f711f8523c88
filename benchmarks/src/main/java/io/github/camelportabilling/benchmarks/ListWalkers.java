package io.github.camelportabilling.benchmarks;

import java.util.HashMap;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Makes the walkers for lists on simulators of one host: one Camel context whose component is shared by all (each
 * simulator port gets its own session), one raw client per port. Consumer routes are added on first use and reused.
 */
final class ListWalkers implements AutoCloseable {

    private final String host;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Map<Integer, RawHttpClient> rawByPort = new HashMap<>();
    private final Map<String, ConsumerWalker> consumers = new HashMap<>();

    ListWalkers(String host, int anyPort) {
        this.host = host;
        // walks run one after the other; parallelPages=8 needs 8 connections of the session
        this.camel = CamelContexts.withComponent(host, anyPort, 10);
        camel.start();
        this.template = camel.createProducerTemplate();
    }

    Walker open(ListWalk walk, int port, int pageSize) throws Exception {
        return open(walk, port, pageSize, 0);
    }

    /**
     * @param routeMillisPerPage how long the route (or the loop) works on each page, as a slow sink would: 0 for
     *                           nothing but the check of each record
     */
    Walker open(ListWalk walk, int port, int pageSize, long routeMillisPerPage) throws Exception {
        return switch (walk) {
            case STREAM_LIST -> new StreamListWalker(camel, template, port, pageSize);
            case RAW_LOOP -> new RawPagingWalker(raw(port), pageSize, routeMillisPerPage);
            default -> {
                String key = walk + "/" + port + "/" + pageSize + "/" + routeMillisPerPage;
                ConsumerWalker c = consumers.get(key);
                if (c == null) {
                    c = new ConsumerWalker(camel, walk, port, pageSize, routeMillisPerPage);
                    consumers.put(key, c);
                }
                yield c;
            }
        };
    }

    private RawHttpClient raw(int port) throws Exception {
        RawHttpClient raw = rawByPort.get(port);
        if (raw == null) {
            raw = new RawHttpClient("http://" + host + ":" + port, 2)
                    .login(PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD);
            rawByPort.put(port, raw);
        }
        return raw;
    }

    @Override
    public void close() {
        template.stop();
        camel.stop();
        rawByPort.values().forEach(RawHttpClient::close);
    }
}
