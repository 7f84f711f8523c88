package io.github.camelportabilling.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code Customer} service over {@link CustomerStore}. */
final class CustomerService {

    private final CustomerStore customers;
    private final ListPaging paging;

    CustomerService(CustomerStore customers, ListPaging paging) {
        this.customers = customers;
        this.paging = paging;
    }

    void register(ApiDispatcher d) {
        d.register("Customer/add_customer", r -> Map.of("i_customer",
                customers.add(FieldValues.requireObject(r.params, "customer_info")).iCustomer));
        d.register("Customer/get_customer_info", this::info);
        d.register("Customer/get_customer_list", this::list);
        d.register("Customer/update_customer", r -> Map.of("i_customer",
                customers.update(FieldValues.requireObject(r.params, "customer_info")).iCustomer));
        d.register("Customer/terminate_customer", r -> {
            customers.terminate(FieldValues.requireLong(r.params, "i_customer"));
            return Map.of("success", 1);
        });
        d.register("Customer/delete_customer", r -> {
            long key = FieldValues.requireLong(r.params, "i_customer");
            if (!customers.delete(key)) {
                throw new RecordNotFoundException("Customer", "customer", "Customer " + key + " not found");
            }
            return Map.of("success", 1);
        });
    }

    /** An unknown customer answers 200 {} (no customer_info key), as real servers do. */
    private Map<String, Object> info(ApiRequest r) {
        CustomerRecord c = customers.get(FieldValues.requireLong(r.params, "i_customer"));
        return c == null ? Map.of() : Map.of("customer_info", c);
    }

    private Map<String, Object> list(ApiRequest r) {
        RecordStore.Page<CustomerRecord> page = customers.list(paging.apply(r.serviceMethod, r.params));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customer_list", page.records);
        if (page.total != null) {
            answer.put("total", page.total);
        }
        return answer;
    }
}
