package io.github.camelportabilling.example;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerByNameTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    @Test
    void theExactMatchGivesTheAccountItsCustomer() {
        Exchange account = exchange(Map.of("id", "a1", "customer_name", "Acme", "billing_model", 1));
        // the name filter is a case-insensitive LIKE: the server may answer near matches too
        Exchange found = exchange(List.of(Map.of("i_customer", 7L, "name", "ACME"), Map.of("i_customer", 8L, "name", "Acme")));

        Exchange result = new CustomerByName().aggregate(account, found);

        assertThat(result.getMessage().getBody(Map.class))
                .containsEntry("i_customer", 8L).containsEntry("id", "a1").doesNotContainKey("customer_name");
    }

    @Test
    void anUnknownNameIsRejected() {
        Exchange account = exchange(Map.of("id", "a1", "customer_name", "Nobody"));

        assertThatThrownBy(() -> new CustomerByName().aggregate(account, exchange(List.of())))
                .isInstanceOf(UnknownCustomerException.class).hasMessage("no customer named 'Nobody'");
    }

    @Test
    void anAmbiguousNameIsRejected() {
        Exchange account = exchange(Map.of("id", "a1", "customer_name", "Twin"));
        Exchange found = exchange(List.of(Map.of("i_customer", 1L, "name", "Twin"), Map.of("i_customer", 2L, "name", "Twin")));

        assertThatThrownBy(() -> new CustomerByName().aggregate(account, found))
                .isInstanceOf(UnknownCustomerException.class).hasMessageContaining("2 customers are named 'Twin'");
    }

    @Test
    void theListFilterIsTheName() {
        assertThat(CustomerByName.filter(Map.of("customer_name", "Acme"))).isEqualTo(Map.of("name", "Acme"));
    }

    private Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
