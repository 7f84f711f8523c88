package io.github.camelportabilling.benchmarks;

import java.util.Iterator;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/** {@code operation=list&streamList=true}: the producer answers an iterator that fetches page after page. */
final class StreamListWalker implements Walker {

    private final ProducerTemplate template;
    private final Endpoint endpoint;
    private Iterator<?> iterator;

    StreamListWalker(CamelContext camel, ProducerTemplate template, int port, int pageSize) {
        this.template = template;
        this.endpoint = camel.getEndpoint("portabilling:Customer/customer?operation=list&streamList=true&pageSize="
                                          + pageSize + "&port=" + port);
    }

    @Override
    public long run() {
        iterator = template.requestBody(endpoint, null, Iterator.class);
        long records = 0;
        while (iterator.hasNext()) {
            Walker.requireCustomer(iterator.next());
            records++;
        }
        return records;
    }

    @Override
    public void close() {
        iterator = null;
    }
}
