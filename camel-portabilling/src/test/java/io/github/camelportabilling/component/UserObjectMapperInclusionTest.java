package io.github.camelportabilling.component;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bound ObjectMapper that sets its own default inclusion keeps it: here ALWAYS, so a POJO's nulls are sent. */
class UserObjectMapperInclusionTest extends SimulatorTestSupport {

    public static class Changes {
        public Long i_customer;
        public String email;
    }

    private final ObjectMapper alwaysNulls = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("alwaysNulls", alwaysNulls);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMapperWithItsOwnInclusionIsUsedAsItIsAndStaysUnchanged() {
        long id = newCustomer("Always Nulls Co");
        simulator.updateCustomer(id, Map.of("email", "old@example.com"));
        Changes changes = new Changes();
        changes.i_customer = id;

        Exchange out = template.send("portabilling:Customer/customer?operation=update",
                e -> e.getMessage().setBody(changes));

        assertThat(out.getException()).isNull();
        assertThat((Map<String, Object>) simulator.lastRequest("Customer/update_customer").params().get("customer_info"))
                .containsEntry("email", null);
        assertThat(simulator.customer(id)).containsEntry("email", null);
        assertThat(alwaysNulls.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion())
                .isEqualTo(JsonInclude.Include.ALWAYS);
    }
}
