package io.github.camelportabilling.it;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelportabilling.component.PortaBillingComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** The tests' own view of the server, through the component: what the example app left behind, and the clean-up. */
final class PortaBillingApi implements AutoCloseable {

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;

    PortaBillingApi(Connection connection) {
        PortaBillingComponent component = new PortaBillingComponent();
        connection.configure(component.getConfiguration());
        camel.addComponent("portabilling", component);
        camel.start();
        template = camel.createProducerTemplate();
    }

    List<Map<String, Object>> customers(Map<String, Object> filter) {
        return list("portabilling:Customer/customer?operation=list&streamList=true&pageSize=200", filter);
    }

    List<Map<String, Object>> accounts(Map<String, Object> filter) {
        return list("portabilling:Account/account?operation=list&streamList=true&pageSize=200", filter);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> account(long iAccount) {
        return template.requestBody("portabilling:Account/account?operation=get", iAccount, Map.class);
    }

    void terminateAccount(long iAccount) {
        template.requestBody("portabilling:Account/account?operation=terminate", iAccount);
    }

    void deleteCustomer(long iCustomer) {
        template.requestBody("portabilling:Customer/customer?operation=delete", iCustomer);
    }

    void terminateCustomer(long iCustomer) {
        template.requestBody("portabilling:Customer/customer?operation=terminate", iCustomer);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String uri, Map<String, Object> filter) {
        Iterator<Map<String, Object>> records = template.requestBody(uri, filter, Iterator.class);
        List<Map<String, Object>> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        return all;
    }

    @Override
    public void close() {
        camel.stop();
    }
}
