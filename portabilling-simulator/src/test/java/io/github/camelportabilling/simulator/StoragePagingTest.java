package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Page cursors must never serve stale positions after records change. */
class StoragePagingTest {

    final CustomerStore store = new CustomerStore();

    List<Long> page(Map<String, Object> params) {
        List<Long> ids = new ArrayList<>();
        store.list(params).records.forEach(r -> ids.add(r.iCustomer));
        return ids;
    }

    @Test
    void cursorsFollowUpdatesDeletesAndAdds() {
        store.seed(100);
        for (long i = 5; i <= 100; i += 5) {
            store.update(map("i_customer", i, "bill_status", "S"));
        }
        assertThat(page(map("bill_status", "S", "limit", 5, "offset", 5))).containsExactly(30L, 35L, 40L, 45L, 50L);
        assertThat(page(map("bill_status", "S", "limit", 5, "offset", 10))).containsExactly(55L, 60L, 65L, 70L, 75L);

        store.delete(35);
        store.update(map("i_customer", 56, "bill_status", "S"));
        assertThat(page(map("bill_status", "S", "limit", 5, "offset", 5))).containsExactly(30L, 40L, 45L, 50L, 55L);
        assertThat(page(map("bill_status", "S", "limit", 5, "offset", 10))).containsExactly(56L, 60L, 65L, 70L, 75L);

        store.add(map("name", "New", "iso_4217", "USD", "bill_status", "S"));
        assertThat(page(map("bill_status", "S", "limit", 5, "offset", 15))).containsExactly(80L, 85L, 90L, 95L, 100L);
        assertThat(page(map("bill_status", "S", "limit", 5, "offset", 20))).containsExactly(101L);
        assertThat(store.list(map("bill_status", "S", "get_total", 1)).total).isEqualTo(21);
    }

    @Test
    void pagesCanBeFetchedOutOfOrder() {
        store.seed(1000);
        for (long i = 3; i <= 1000; i += 3) {
            store.update(map("i_customer", i, "bill_status", "S"));
        }
        assertThat(page(map("bill_status", "S", "limit", 10, "offset", 200))).first().isEqualTo(603L);
        assertThat(page(map("bill_status", "S", "limit", 10, "offset", 100))).first().isEqualTo(303L);
        assertThat(page(map("bill_status", "S", "limit", 10, "offset", 150))).first().isEqualTo(453L);
        assertThat(page(map("bill_status", "S", "limit", 10, "offset", 330))).containsExactly(993L, 996L, 999L);
        assertThat(page(map("bill_status", "S", "limit", 10, "offset", 333))).isEmpty();
    }

    @Test
    void unfilteredPagesAreSlicesEvenAfterDeletes() {
        store.seed(10);
        store.delete(1);
        store.delete(5);
        assertThat(page(map("limit", 3, "offset", 0))).containsExactly(2L, 3L, 4L);
        assertThat(page(map("limit", 3, "offset", 3))).containsExactly(6L, 7L, 8L);
        assertThat(page(map("limit", 3, "offset", 6))).containsExactly(9L, 10L);
        assertThat(store.list(map("get_total", 1)).total).isEqualTo(8);
    }

    @Test
    void likePatterns() {
        assertThat(LikePattern.compile("abc").matches("ABC")).isTrue();
        assertThat(LikePattern.compile("abc").matches("abcd")).isFalse();
        assertThat(LikePattern.compile("a%").matches("a")).isTrue();
        assertThat(LikePattern.compile("%b%").matches("abc")).isTrue();
        assertThat(LikePattern.compile("%b%c").matches("abxbc")).isTrue();
        assertThat(LikePattern.compile("a_c").matches("abc")).isTrue();
        assertThat(LikePattern.compile("a_c").matches("ac")).isFalse();
        assertThat(LikePattern.compile("100\\%").matches("100%")).isTrue();
        assertThat(LikePattern.compile("100\\%").matches("1000")).isFalse();
        assertThat(LikePattern.compile("%").matches("")).isTrue();
        assertThat(LikePattern.compile("a%%z").matches("abcz")).isTrue();
        assertThat(LikePattern.compile("").matches("x")).isFalse();
    }
}
