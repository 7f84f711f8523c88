package io.github.camelportabilling.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The baseline: a hand-written offset loop over get_customer_list with the raw client, one page in memory. */
final class RawPagingWalker implements Walker {

    private final RawHttpClient raw;
    private final URI uri;
    private final int pageSize;
    private final long routeMillisPerPage;
    private List<Map<String, Object>> page;

    RawPagingWalker(RawHttpClient raw, int pageSize, long routeMillisPerPage) {
        this.raw = raw;
        this.uri = raw.uri("Customer/get_customer_list");
        this.pageSize = pageSize;
        this.routeMillisPerPage = routeMillisPerPage;
    }

    @Override
    public long run() throws Exception {
        long records = 0;
        int offset = 0;
        while (true) {
            page = raw.page(uri, "customer_list", offset, pageSize);
            for (Map<String, Object> record : page) {
                Walker.requireCustomer(record);
                records++;
            }
            if (routeMillisPerPage > 0) {
                Thread.sleep(routeMillisPerPage); // the sink's time per page: nothing overlaps it in a plain loop
            }
            if (page.size() < pageSize) {
                return records;
            }
            offset += page.size();
        }
    }

    @Override
    public void close() {
        page = null;
    }
}
