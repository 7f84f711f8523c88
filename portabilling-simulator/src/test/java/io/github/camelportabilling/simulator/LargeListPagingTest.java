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

/** Pages through a million seeded customers over HTTP: count, order and no duplicates (no timing assertions). */
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

    /** Pages until a short page; checks ascending order, no gaps for the expected stride, no duplicates. */
    private int pageThrough(Map<String, Object> filter, int expected, int stride) throws IOException, InterruptedException {
        BitSet seen = new BitSet(RECORDS + 1);
        long previous = 0;
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
            long[] ids = fetchIds(params);
            for (long id : ids) {
                // plain checks: a million AssertJ assertions would cost more than the paging itself
                misordered += id > previous ? 0 : 1;
                offStride += id % stride == 0 ? 0 : 1;
                duplicates += seen.get((int) id) ? 1 : 0;
                seen.set((int) id);
                previous = id;
                count++;
            }
            if (ids.length < PAGE) {
                break;
            }
        }
        System.out.printf("paged %d records with %s in %d ms (server CPU %d ms)%n", count, filter,
                (System.nanoTime() - t0) / 1_000_000, (sim.serverCpuTimeNanos() - cpu0) / 1_000_000);
        assertThat(misordered).as("records out of ascending order").isZero();
        assertThat(offStride).as("records not matching the filter").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(seen.cardinality()).isEqualTo(expected);
        return count;
    }

    /** Streams the page and picks out the i_customer values: building trees of a million records would dominate the run. */
    private long[] fetchIds(Map<String, Object> params) throws IOException, InterruptedException {
        HttpRequest request = api.request("/rest/Customer/get_customer_list")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("params", params)))).build();
        HttpResponse<byte[]> r = api.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        long[] ids = new long[PAGE];
        int n = 0;
        boolean sawList = false;
        try (JsonParser p = ApiClient.JSON.getFactory().createParser(r.body())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().getParent().inRoot()
                        && "customer_list".equals(p.currentName())) {
                    sawList = true;
                } else if (t == JsonToken.FIELD_NAME && "i_customer".equals(p.currentName())
                        && p.getParsingContext().getParent().inArray()) {
                    p.nextToken();
                    ids[n++] = p.getLongValue();
                }
            }
        }
        assertThat(sawList).as("customer_list key").isTrue();
        return java.util.Arrays.copyOf(ids, n);
    }
}
