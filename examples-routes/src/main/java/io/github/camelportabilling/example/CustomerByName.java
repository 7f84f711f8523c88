package io.github.camelportabilling.example;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Lets an account file name its customer ({@code "customer_name": "Acme"}) instead of carrying an
 * {@code i_customer} nobody knows before the customer is created. {@link #filter} is the list filter that finds the
 * customer; {@link #aggregate} puts the match's {@code i_customer} into the account.
 */
public class CustomerByName implements AggregationStrategy {

    static final String CUSTOMER_NAME = "customer_name";

    /** The get_customer_list params for the account's customer name. */
    public static Map<String, Object> filter(Map<String, Object> account) {
        return Map.of("name", account.get(CUSTOMER_NAME));
    }

    /** old: the account record; found: the customers the list call answered. */
    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange found) {
        @SuppressWarnings("unchecked")
        Map<String, Object> account = new LinkedHashMap<>(oldExchange.getMessage().getBody(Map.class));
        Object name = account.remove(CUSTOMER_NAME);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> customers = found.getMessage().getBody(List.class);
        // the name filter is a LIKE pattern and may ignore case: only an exact match counts
        List<Map<String, Object>> exact = customers == null ? List.of()
                : customers.stream().filter(c -> name.equals(c.get("name"))).toList();
        if (exact.size() != 1) {
            throw new UnknownCustomerException(exact.isEmpty()
                    ? "no customer named '" + name + "'"
                    : exact.size() + " customers are named '" + name + "'; give i_customer instead");
        }
        account.put("i_customer", exact.get(0).get("i_customer"));
        oldExchange.getMessage().setBody(account);
        return oldExchange;
    }
}
