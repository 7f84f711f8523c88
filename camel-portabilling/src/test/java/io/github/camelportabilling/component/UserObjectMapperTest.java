package io.github.camelportabilling.component;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ObjectMapper bound in the registry turns POJO bodies into params (here: its snake_case naming), while answers
 * keep their JSON types whatever that mapper's settings.
 */
class UserObjectMapperTest extends SimulatorTestSupport {

    public static class Customer {
        public String name;
        @JsonProperty("iso_4217")
        public String currency;
        public boolean sendStatistics;
        public String email;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("snakeCaseMapper", new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Test
    void aBoundObjectMapperConvertsPojoBodies() {
        Customer pojo = new Customer();
        pojo.name = "Mapper Co";
        pojo.currency = "EUR";
        pojo.sendStatistics = true;

        Exchange out = template.send("portabilling:Customer/customer?operation=create", e -> e.getMessage().setBody(pojo));

        assertThat(out.getException()).isNull();
        Map<String, Object> sent = (Map<String, Object>) simulator.lastRequest("Customer/add_customer").params()
                .get("customer_info");
        // the bound mapper's naming strategy, not Jackson's default (sendStatistics)
        assertThat(sent).containsEntry("name", "Mapper Co").containsEntry("iso_4217", "EUR")
                .containsEntry("send_statistics", 1).doesNotContainKey("sendStatistics")
                // the mapper sets no inclusion of its own: its copy leaves the unset email out
                .doesNotContainKey("email");
        long id = out.getMessage().getHeader(PortaBillingConstants.ID, Long.class);
        assertThat(simulator.customer(id)).containsEntry("send_statistics", 1);
    }

    @Test
    void answersKeepTheirJsonTypesWhateverTheBoundMapper() {
        long customer = newCustomer("Types Co");
        Exchange out = template.send("portabilling:Customer/customer?operation=get", e -> e.getMessage().setBody(customer));

        Map<String, Object> info = out.getMessage().getBody(Map.class);
        assertThat(info.get("balance")).isInstanceOf(java.math.BigDecimal.class);
        assertThat(info).containsKey("i_customer");
    }
}
