package io.github.camelportabilling.component.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The boolean rule on its own: switches 1/0, a record's Y/N flags "Y"/"N", other record booleans 1/0. */
class BooleanParamsTest {

    @Test
    void topLevelSwitchesAndListsAre1Or0() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("get_total", true);
        params.put("detailed_info", false);
        params.put("blocked", true); // a filter at the top level is a switch here, not a record field
        params.put("flags", List.of(true, "Y", 3));

        assertThat(BooleanParams.convert(params)).containsEntry("get_total", 1).containsEntry("detailed_info", 0)
                .containsEntry("blocked", 1).containsEntry("flags", List.of(1, "Y", 3));
    }

    @Test
    void aRecordsKnownFlagsAreYOrNAndItsOtherBooleans1Or0AtAnyDepth() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("blocked", true);
        info.put("ecommerce_enabled", false);
        info.put("send_statistics", true);
        info.put("nested", Map.of("blocked", true));
        info.put("list", List.of(false));
        info.put("name", "true");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account_info", info);
        params.put("generate_web_password", true);

        Map<String, Object> out = BooleanParams.convert(params);

        assertThat(out).containsEntry("generate_web_password", 1);
        assertThat((Map<String, Object>) out.get("account_info")).containsEntry("blocked", "Y")
                .containsEntry("ecommerce_enabled", "N").containsEntry("send_statistics", 1)
                .containsEntry("nested", Map.of("blocked", 1)).containsEntry("list", List.of(0))
                .containsEntry("name", "true");
        // the input is not changed
        assertThat(info).containsEntry("blocked", true);
    }

    @Test
    void theListOfTheRecordTypeNamedByTheKeyApplies() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("customer_info", Map.of("callshop_enabled", true, "ecommerce_enabled", true));
        params.put("alias_info", Map.of("blocked", false));
        params.put("subscription_info", Map.of("blocked", true));
        params.put("_info", Map.of("blocked", true));

        Map<String, Object> out = BooleanParams.convert(params);

        assertThat((Map<String, Object>) out.get("customer_info")).containsEntry("callshop_enabled", "Y")
                .containsEntry("ecommerce_enabled", 1);
        assertThat((Map<String, Object>) out.get("alias_info")).containsEntry("blocked", "N");
        assertThat((Map<String, Object>) out.get("subscription_info")).containsEntry("blocked", 1);
        assertThat((Map<String, Object>) out.get("_info")).containsEntry("blocked", 1);
    }
}
