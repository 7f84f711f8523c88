package io.github.camelportabilling.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Accounts: add_account / get_account_info (by {@code i_account} or {@code id}) / get_account_list / update /
 * terminate. The {@code id} index shares the record store's lock, so the duplicate check and the insert are atomic.
 */
final class AccountStore {

    /** Accounts are numbered from here, apart from customer numbers, so a client mixing them up finds nothing. */
    static final long FIRST_KEY = 100_001;
    /** 2024-01-01 as an epoch day, for seeded accounts. */
    private static final long SEED_DAY = CustomerStore.SEED_EPOCH / 86_400;

    private final RecordStore<AccountRecord> store = new RecordStore<>(FIRST_KEY, r -> r.id);
    private final Map<String, AccountRecord> byId = new HashMap<>(); // guarded by the store's lock
    /** i_account -> its subscriptions (get_subscriptions, a list method that is not paged); guarded by the store's lock. */
    private final Map<Long, List<Map<String, Object>>> subscriptions = new HashMap<>();
    private final AtomicLong nextSubscription = new AtomicLong(1);
    private final CustomerStore customers;
    /** One lookup shared by every account record (a field per record, not a lambda per record). */
    private final LongFunction<CustomerRecord> owners;
    private final AtomicInteger seeded = new AtomicInteger();

    AccountStore(CustomerStore customers) {
        this.customers = customers;
        this.owners = customers::get;
    }

    AccountRecord add(Map<String, Object> info) {
        AccountRecord.requireMandatory(info);
        long today = System.currentTimeMillis() / 86_400_000L;
        long iCustomer = FieldValues.requireLong(info, "i_customer");
        CustomerRecord customer = customers.get(iCustomer);
        if (customer == null) {
            throw new RecordNotFoundException("Customer", "customer", "Customer " + iCustomer + " not found");
        }
        return store.write(() -> store.add(key -> {
            AccountRecord.Builder b = AccountRecord.create(key, today, owners).apply(info);
            if (b.currency() == null) {
                b.currency(customer.iso4217); // an account bills in its customer's currency
            }
            AccountRecord r = b.build();
            checkUnique(r.id);
            byId.put(r.id, r);
            return r;
        }));
    }

    AccountRecord get(long iAccount) {
        return store.get(iAccount);
    }

    AccountRecord getById(String id) {
        return store.read(() -> byId.get(id));
    }

    AccountRecord update(Map<String, Object> info) {
        long key = FieldValues.requireLong(info, "i_account");
        AccountRecord current = require(key);
        if (info.containsKey("i_customer")) {
            long iCustomer = FieldValues.asLong("i_customer", info.get("i_customer"));
            if (iCustomer != current.iCustomer && !customers.exists(iCustomer)) {
                throw new RecordNotFoundException("Customer", "customer", "Customer " + iCustomer + " not found");
            }
        }
        return store.write(() -> {
            AccountRecord old = require(key);
            AccountRecord updated = old.toBuilder().apply(info).build();
            if (!updated.id.equals(old.id)) {
                checkUnique(updated.id);
                byId.remove(old.id);
            }
            byId.put(updated.id, updated);
            store.replace(updated);
            return updated;
        });
    }

    void terminate(long iAccount) {
        store.write(() -> {
            AccountRecord closed = require(iAccount).toBuilder().billStatus('C').build();
            byId.put(closed.id, closed);
            return store.replace(closed);
        });
    }

    boolean delete(long iAccount) {
        return store.write(() -> {
            AccountRecord old = store.remove(iAccount);
            if (old != null) {
                byId.remove(old.id);
                subscriptions.remove(iAccount);
            }
            return old != null;
        });
    }

    RecordStore.Page<AccountRecord> list(Map<String, Object> params) {
        ListQuery<AccountRecord> q = ListQuery.<AccountRecord>from(params)
                .number("i_customer", r -> r.iCustomer)
                .letter("bill_status", r -> r.billStatus)
                .like("id", r -> r.id)
                .number("billing_model", r -> r.billingModel)
                .when("get_not_closed_accounts", r -> r.billStatus != 'C')
                .build();
        return store.list(q);
    }

    int size() {
        return store.size();
    }

    void setOrder(ListOrder order) {
        store.setOrder(order);
    }

    ListOrder order() {
        return store.order();
    }

    /**
     * Adds a subscription to the account: {@code i_subscription} (default 1), {@code name}, {@code start_date}
     * (default today) and any other field as given; returns the new {@code i_account_subscription}.
     */
    long addSubscription(long iAccount, Map<String, Object> fields) {
        return store.write(() -> {
            require(iAccount);
            long key = nextSubscription.getAndIncrement();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("i_account_subscription", key);
            s.put("i_account", iAccount);
            s.put("i_subscription", fields.containsKey("i_subscription")
                    ? FieldValues.asLong("i_subscription", fields.get("i_subscription")) : 1L);
            s.put("name", fields.getOrDefault("name", "Subscription " + key));
            s.put("start_date", fields.getOrDefault("start_date", UtcTime.date(System.currentTimeMillis() / 86_400_000L)));
            fields.forEach(s::putIfAbsent);
            subscriptions.computeIfAbsent(iAccount, k -> new ArrayList<>()).add(java.util.Collections.unmodifiableMap(s));
            return key;
        });
    }

    /** The account's subscriptions in the order they were added; null when there is no such account. */
    List<Map<String, Object>> subscriptions(long iAccount) {
        return store.read(() -> store.get(iAccount) == null ? null
                : List.copyOf(subscriptions.getOrDefault(iAccount, List.of())));
    }

    /**
     * Adds n open accounts, ids "15550000001", "15550000002", ... spread round-robin over the existing customers
     * (one customer is created first when there is none).
     */
    void seed(int n) {
        if (customers.size() == 0) {
            customers.seed(1);
        }
        long[] customerKeys = customers.keys();
        store.batch(() -> {
            store.reserve(n);
            for (int added = 0; added < n; ) {
                int seq = seeded.incrementAndGet();
                String id = "1555" + Digits.pad(seq, 7);
                if (byId.containsKey(id)) {
                    continue; // someone added this id by hand: take the next number
                }
                long iCustomer = customerKeys[(seq - 1) % customerKeys.length];
                CustomerRecord customer = customers.get(iCustomer);
                String currency = customer == null ? "USD" : customer.iso4217;
                AccountRecord r = store.add(key -> AccountRecord.create(key, SEED_DAY, owners)
                        .id(id).customer(iCustomer).product(1).billingModel(1).currency(currency).build());
                byId.put(id, r);
                added++;
            }
        });
    }

    private void checkUnique(String id) {
        if (byId.containsKey(id)) {
            throw new ApiFault(FaultCodes.DUPLICATE_ID, "Account with id '" + id + "' already exists");
        }
    }

    private AccountRecord require(long iAccount) {
        AccountRecord r = store.get(iAccount);
        if (r == null) {
            throw new RecordNotFoundException("Account", "account", "Account " + iAccount + " not found");
        }
        return r;
    }
}
