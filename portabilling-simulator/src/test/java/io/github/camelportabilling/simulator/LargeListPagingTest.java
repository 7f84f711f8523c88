package io.github.camelportabilling.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.BitSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages through a million seeded customers over HTTP in the default list order (by name, like a live server; the
 * names "Customer 1000000" and "Customer 100000" show it is not key order): count, order and no duplicates (no timing
 * assertions). The order is kept in an index sorted on writes, so a page costs O(page) here too.
 */
@Timeout(300)
class LargeListPagingTest {

    static final int RECORDS = 1_000_000;
    static final int PAGE = 1000;

    static PortaBillingSimulator sim;
    static ApiClient api;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        sim = PortaBillingSimulator.builder().seedCustomers(RECORDS).requestLogCapacity(0).start();
        // every 10th customer suspended: a filter that matches spread-out records
        for (long i = 10; i <= RECORDS; i += 10) {
            sim.updateCustomer(i, Map.of("bill_status", "S"));
        }
        api = new ApiClient(sim.baseUrl());
        token = api.login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void pagesThroughAMillionRecordsWithoutAFilter() throws Exception {
        int seen = pageThrough(Map.of(), RECORDS, 1);
        assertThat(seen).isEqualTo(RECORDS);
    }

    @Test
    void pagesThroughAFilteredMillionRecordListing() throws Exception {
        int seen = pageThrough(Map.of("bill_status", "S"), RECORDS / 10, 10);
        assertThat(seen).isEqualTo(RECORDS / 10);
    }

    @Test
    void totalOfAFilteredListing() {
        ApiClient.Response r = api.call("Customer/get_customer_list",
                Map.of("bill_status", "O", "limit", 1, "offset", 899_999, "get_total", 1), token);
        assertThat(r.json()).containsEntry("total", 900_000);
        assertThat(r.list("customer_list")).extracting(c -> c.get("i_customer")).containsExactly(999_999);
    }

    /** Pages until a short page; checks ascending name order, no gaps for the expected stride, no duplicates. */
    private int pageThrough(Map<String, Object> filter, int expected, int stride) throws IOException, InterruptedException {
        BitSet seen = new BitSet(RECORDS + 1);
        String previous = "";
        int count = 0;
        int misordered = 0;
        int offStride = 0;
        int duplicates = 0;
        long cpu0 = sim.serverCpuTimeNanos();
        long t0 = System.nanoTime();
        for (int offset = 0; ; offset += PAGE) {
            Map<String, Object> params = new java.util.HashMap<>(filter);
            params.put("limit", PAGE);
            params.put("offset", offset);
            Page page = fetchPage(params);
            for (int i = 0; i < page.size; i++) {
                long id = page.ids[i];
                String name = page.names[i];
                // plain checks: a million AssertJ assertions would cost more than the paging itself
                misordered += String.CASE_INSENSITIVE_ORDER.compare(name, previous) > 0 ? 0 : 1;
                offStride += id % stride == 0 ? 0 : 1;
                duplicates += seen.get((int) id) ? 1 : 0;
                seen.set((int) id);
                previous = name;
                count++;
            }
            if (page.size < PAGE) {
                break;
            }
        }
        System.out.printf("paged %d records with %s in %d ms (server CPU %d ms)%n", count, filter,
                (System.nanoTime() - t0) / 1_000_000, (sim.serverCpuTimeNanos() - cpu0) / 1_000_000);
        assertThat(misordered).as("records out of ascending name order").isZero();
        assertThat(offStride).as("records not matching the filter").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(seen.cardinality()).isEqualTo(expected);
        return count;
    }

    /** The i_customer and name of each record of one page, in list order. */
    private static final class Page {
        final long[] ids = new long[PAGE];
        final String[] names = new String[PAGE];
        int size;
    }

    /** Streams the page and picks out i_customer and name: building trees of a million records would dominate the run. */
    private Page fetchPage(Map<String, Object> params) throws IOException, InterruptedException {
        HttpRequest request = api.request("/rest/Customer/get_customer_list")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("params", params)))).build();
        HttpResponse<byte[]> r = api.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        Page page = new Page();
        boolean sawList = false;
        try (JsonParser p = ApiClient.JSON.getFactory().createParser(r.body())) {
            int depth = 0; // 1 = the answer object, 2 = a record in customer_list
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT) {
                    if (depth-- == 2) {
                        page.size++;
                    }
                } else if (t == JsonToken.FIELD_NAME && depth == 1 && "customer_list".equals(p.currentName())) {
                    sawList = true;
                } else if (t == JsonToken.FIELD_NAME && depth == 2 && "i_customer".equals(p.currentName())) {
                    p.nextToken();
                    page.ids[page.size] = p.getLongValue();
                } else if (t == JsonToken.FIELD_NAME && depth == 2 && "name".equals(p.currentName())) {
                    p.nextToken();
                    page.names[page.size] = p.getText();
                }
            }
        }
        assertThat(sawList).as("customer_list key").isTrue();
        return page;
    }
}
