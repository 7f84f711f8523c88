package io.github.camelportabilling.simulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Customers: add_customer / get_customer_info / get_customer_list / update / terminate / delete. */
final class CustomerStore {

    static final long FIRST_KEY = 1;
    /** 2024-01-01 00:00:00 UTC: seeded records get fixed dates, so seeded data is the same on every run. */
    static final long SEED_EPOCH = 1_704_067_200L;

    private final RecordStore<CustomerRecord> store = new RecordStore<>(FIRST_KEY, r -> r.name);
    private final AtomicInteger seeded = new AtomicInteger();

    CustomerRecord add(Map<String, Object> info) {
        CustomerRecord.requireMandatory(info);
        long now = System.currentTimeMillis() / 1000;
        return store.add(key -> CustomerRecord.create(key, now).apply(info).build());
    }

    CustomerRecord get(long iCustomer) {
        return store.get(iCustomer);
    }

    boolean exists(long iCustomer) {
        return store.get(iCustomer) != null;
    }

    CustomerRecord update(Map<String, Object> info) {
        long key = FieldValues.requireLong(info, "i_customer");
        return store.write(() -> {
            CustomerRecord updated = require(key).toBuilder().apply(info).build();
            store.replace(updated);
            return updated;
        });
    }

    void terminate(long iCustomer) {
        store.write(() -> store.replace(require(iCustomer).toBuilder().billStatus('C').build()));
    }

    boolean delete(long iCustomer) {
        return store.remove(iCustomer) != null;
    }

    RecordStore.Page<CustomerRecord> list(Map<String, Object> params) {
        ListQuery<CustomerRecord> q = ListQuery.<CustomerRecord>from(params)
                .letter("bill_status", r -> r.billStatus)
                .like("name", r -> r.name)
                .number("i_customer_type", r -> r.iCustomerType)
                .build();
        return store.list(q);
    }

    int size() {
        return store.size();
    }

    long[] keys() {
        return store.keys();
    }

    void setOrder(ListOrder order) {
        store.setOrder(order);
    }

    /** Adds n open customers named "Customer 000001", "Customer 000002", ... (numbering goes on across calls). */
    void seed(int n) {
        int first = seeded.getAndAdd(n) + 1;
        store.addMany(n, (key, i) -> {
            int seq = first + i;
            return CustomerRecord.create(key, SEED_EPOCH + seq * 60L)
                    .name("Customer " + Digits.pad(seq, 6))
                    .currency("USD")
                    .build();
        });
    }

    private CustomerRecord require(long iCustomer) {
        CustomerRecord r = store.get(iCustomer);
        if (r == null) {
            throw new RecordNotFoundException("Customer", "customer", "Customer " + iCustomer + " not found");
        }
        return r;
    }
}
