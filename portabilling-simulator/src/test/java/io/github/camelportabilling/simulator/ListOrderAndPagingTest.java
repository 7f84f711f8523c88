package io.github.camelportabilling.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.camelportabilling.simulator.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The list order and the paging switches over HTTP: accounts by id and customers by name by default, key order and a
 * seeded shuffle on request, kept through updates, deletes and adds; a page cap with a right total; a method that
 * ignores limit/offset; Account/get_subscriptions, which is not paged.
 */
@Timeout(60)
class ListOrderAndPagingTest {

    static PortaBillingSimulator sim;
    static ApiClient api;
    static String token;
    static long customer;

    @BeforeAll
    static void start() throws Exception {
        sim = PortaBillingSimulator.builder().start();
        api = new ApiClient(sim.baseUrl());
        token = api.login();
        customer = sim.addCustomer(map("name", "Order Co", "iso_4217", "USD"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.setListOrder(ListOrder.NATURAL);
        sim.setPageCap(0);
        sim.setPagingIgnored("Customer/get_customer_list", false);
    }

    private long account(String id) {
        return sim.addAccount(map("id", id, "billing_model", 1, "i_product", 1, "i_customer", customer));
    }

    private List<Long> accountIds(Map<String, Object> params) {
        List<Long> ids = new ArrayList<>();
        api.call("Account/get_account_list", params, token).list("account_list")
                .forEach(a -> ids.add(((Number) a.get("i_account")).longValue()));
        return ids;
    }

    @Test
    void accountsComeInIdOrderLikeTheLiveServerAnsweredAndKeyOrderOnRequest() {
        // the recorded live page: i_account 2983, 549, 2722, ascending by the id string
        String prefix = "live-" + System.nanoTime() + "-";
        long third = account(prefix + "3");
        long first = account(prefix + "1");
        long second = account(prefix + "2");
        Map<String, Object> mine = map("id", prefix + "%");

        assertThat(accountIds(mine)).containsExactly(first, second, third);
        sim.setListOrder(ListOrder.KEY);
        assertThat(sim.listOrder()).isEqualTo(ListOrder.KEY);
        assertThat(accountIds(mine)).containsExactly(third, first, second);
    }

    @Test
    void theOrderFollowsUpdatesDeletesAndAddsWithoutASortPerCall() {
        String prefix = "move-" + System.nanoTime() + "-";
        long b = account(prefix + "b");
        long d = account(prefix + "d");
        long f = account(prefix + "f");
        Map<String, Object> mine = map("id", prefix + "%");
        assertThat(accountIds(mine)).containsExactly(b, d, f);

        sim.updateAccount(f, map("id", prefix + "a")); // renamed: moves to the front
        long c = account(prefix + "c");              // a new record lands in the middle
        sim.deleteAccountRecord(d);
        sim.updateAccount(b, map("blocked", "Y"));     // not a sort field: stays where it is

        assertThat(accountIds(mine)).containsExactly(f, b, c);
        assertThat(accountIds(map("id", prefix + "%", "limit", 1, "offset", 1))).containsExactly(b);
    }

    @Test
    void customersComeInNameOrderWithTiesByKey() {
        String tag = " " + System.nanoTime();
        long zed = sim.addCustomer(map("name", "Zed" + tag, "iso_4217", "USD"));
        long amy = sim.addCustomer(map("name", "amy" + tag, "iso_4217", "USD"));
        long twin1 = sim.addCustomer(map("name", "Max" + tag, "iso_4217", "USD"));
        long twin2 = sim.addCustomer(map("name", "Max" + tag, "iso_4217", "USD"));
        List<Long> ids = new ArrayList<>();
        api.call("Customer/get_customer_list", map("name", "%" + tag), token).list("customer_list")
                .forEach(x -> ids.add(((Number) x.get("i_customer")).longValue()));
        assertThat(ids).containsExactly(amy, twin1, twin2, zed);
    }

    @Test
    void aShuffledOrderIsStableAndNotKeyOrder() {
        String prefix = "shuf-" + System.nanoTime() + "-";
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            created.add(account(prefix + String.format("%02d", i)));
        }
        Map<String, Object> mine = map("id", prefix + "%");
        sim.setListOrder(ListOrder.shuffled(7));
        List<Long> once = accountIds(mine);
        sim.updateAccount(created.get(5), map("id", prefix + "zz", "blocked", "Y"));
        List<Long> again = accountIds(mine);

        assertThat(once).containsExactlyInAnyOrderElementsOf(created).isNotEqualTo(created);
        assertThat(again).isEqualTo(once);
        sim.setListOrder(ListOrder.shuffled(8));
        assertThat(accountIds(mine)).isNotEqualTo(once);
        assertThat(ListOrder.parse("shuffled:8")).isEqualTo(ListOrder.shuffled(8));
        assertThat(ListOrder.parse("natural")).isEqualTo(ListOrder.NATURAL);
        assertThatThrownBy(() -> ListOrder.parse("by-date")).hasMessageContaining("by-date");
    }

    @Test
    void aPageCapServesFewerRecordsThanTheLimitWithTheRightTotal() {
        sim.seedCustomers(30);
        int all = sim.customerCount();
        sim.setPageCap(7);
        ApiClient.Response page = api.call("Customer/get_customer_list", map("limit", 20, "offset", 0, "get_total", 1), token);
        assertThat(page.list("customer_list")).hasSize(7);
        assertThat(page.json()).containsEntry("total", all);
        assertThat(api.call("Customer/get_customer_list", map("limit", 5), token).list("customer_list")).hasSize(5);
        assertThat(api.call("Customer/get_customer_list", Map.of(), token).list("customer_list")).hasSize(7);
    }

    @Test
    void aMethodThatIgnoresPagingAnswersTheWholeList() {
        sim.seedCustomers(12);
        int all = sim.customerCount();
        sim.setPagingIgnored("Customer/get_customer_list", true);
        ApiClient.Response page = api.call("Customer/get_customer_list", map("limit", 5, "offset", 5, "get_total", 1), token);
        assertThat(page.list("customer_list")).hasSize(all);
        assertThat(page.json()).containsEntry("total", all);
    }

    @Test
    void getSubscriptionsIsNotPaged() {
        long acc = account("subs-" + System.nanoTime());
        for (int i = 0; i < 5; i++) {
            sim.addSubscription(acc, map("i_subscription", 10 + i, "name", "Plan " + i));
        }
        ApiClient.Response r = api.call("Account/get_subscriptions", map("i_account", acc, "limit", 2, "offset", 1), token);
        assertThat(r.json()).containsOnlyKeys("subscriptions");
        assertThat(r.list("subscriptions")).hasSize(5)
                .extracting(s -> s.get("name")).containsExactly("Plan 0", "Plan 1", "Plan 2", "Plan 3", "Plan 4");
        assertThat(r.list("subscriptions").get(0)).containsKeys("i_account_subscription", "i_subscription", "start_date")
                .containsEntry("i_account", (int) acc);
        assertThat(api.call("Account/get_subscriptions", map("i_account", 1), token).faultcode())
                .isEqualTo("Server.Account.account_not_found");
    }

    @Test
    void theStandaloneOptionsSetOrderCapAndIgnoredPaging() throws Exception {
        SimulatorMain.Options o = SimulatorMain.parse(new String[] {"--port", "0", "--list-order", "key",
            "--page-cap", "3", "--ignore-paging", "Account/get_account_list", "--accounts", "6", "--no-demo"});
        try (PortaBillingSimulator s = o.builder.start()) {
            ApiClient client = new ApiClient(s.baseUrl());
            String t = client.login();
            assertThat(s.listOrder()).isEqualTo(ListOrder.KEY);
            assertThat(client.call("Customer/get_customer_list", map("limit", 10), t).list("customer_list")).hasSize(1);
            assertThat(client.call("Account/get_account_list", map("limit", 10, "offset", 4), t).list("account_list"))
                    .hasSize(3); // offset ignored, the cap still applies
        }
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--list-order", "random"}))
                .hasMessageContaining("random");
    }

    @Test
    void theDemoDataHasAccountsWithSubscriptions() throws Exception {
        try (PortaBillingSimulator demo = PortaBillingSimulator.builder().demoData().start()) {
            ApiClient client = new ApiClient(demo.baseUrl());
            String t = client.login();
            List<Map<String, Object>> accounts = client.call("Account/get_account_list", Map.of(), t).list("account_list");
            long withSubscriptions = accounts.stream()
                    .filter(a -> !client.call("Account/get_subscriptions", map("i_account", a.get("i_account")), t)
                            .list("subscriptions").isEmpty())
                    .count();
            assertThat(withSubscriptions).isPositive();
        }
    }
}
