package io.github.camelportabilling.component.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelportabilling.simulator.PortaBillingSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading documents: references, allOf wrappers and merges, cycles of every kind, what is refused; and the test vectors
 * of shared/reference/portabilling-openapi.md section 6 against the simulator's document.
 */
class ApiDescriptionParseTest {

    private static ApiDescription simulatorDoc;

    @BeforeAll
    static void load() throws Exception {
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().requestLogCapacity(0).start()) {
            simulatorDoc = ApiDescription.parse(sim.apiDescriptionDocument(), "sim/AdminInterface.json");
        }
    }

    private static ApiDescription parse(String json) throws ApiDescription.Unusable {
        return ApiDescription.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "test/Doc.json");
    }

    private static ParamsChecker.Result check(String method, Map<String, Object> params) {
        String[] sm = method.split("/");
        return ParamsChecker.check(simulatorDoc.method(sm[0], sm[1]), params);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void cyclesThroughPropertiesItemsAllOfAndAliasesEnd() throws Exception {
        ApiDescription d = parse("{'openapi':'3.0.3','paths':{'/S/m':{'post':{'requestBody':{'content':{'application/json':"
                                 + "{'schema':{'properties':{'params':{'$ref':'#/components/schemas/A'}}}}}}}}},"
                                 + "'components':{'schemas':{"
                                 + "'A':{'type':'object','required':['x'],'properties':{'x':{'type':'integer'},"
                                 + "'self':{'$ref':'#/components/schemas/A'},'list':{'type':'array','items':{'allOf':"
                                 + "[{'$ref':'#/components/schemas/B'}]}},'loop':{'$ref':'#/components/schemas/C'}}},"
                                 + "'B':{'allOf':[{'$ref':'#/components/schemas/B'},{'properties':{'y':{'type':'string'}}}]},"
                                 + "'C':{'$ref':'#/components/schemas/D'},'D':{'$ref':'#/components/schemas/C'}}}}");
        FieldSchema a = d.method("S", "m").params();
        assertThat(a.name()).isEqualTo("A");
        assertThat(a.property("self")).isSameAs(a);
        assertThat(a.property("list").items().property("y").type()).isEqualTo(FieldSchema.Type.STRING);
        assertThat(a.property("loop").type()).isEqualTo(FieldSchema.Type.ANY);
        assertThat(a.required()).containsExactly("x");
        Map<String, Object> nested = map("x", "7", "self", map("x", "8", "self", map("x", 9.0)));
        ParamsChecker.Result r = ParamsChecker.check(d.method("S", "m"), nested);
        assertThat(r.problems()).isEmpty();
        assertThat(r.params().get("x")).isEqualTo(7);
        assertThat(((Map<?, ?>) ((Map<?, ?>) r.params().get("self")).get("self")).get("x")).isEqualTo(9);
    }

    @Test
    void bodiesAndAnswersByReferenceAndFreeFormAlternatives() throws Exception {
        ApiDescription d = parse("{'openapi':'3.0.0','info':{'version':'MR119'},'paths':{'/S/get_thing_info':{'post':{"
                                 + "'requestBody':{'$ref':'#/components/requestBodies/R'},"
                                 + "'responses':{'200':{'$ref':'#/components/responses/OK'}}}}},"
                                 + "'components':{'requestBodies':{'R':{'content':{'application/json':{'schema':"
                                 + "{'$ref':'#/components/schemas/Req'}}}}},"
                                 + "'responses':{'OK':{'content':{'application/json':{'schema':{'properties':{"
                                 + "'thing':{'allOf':[{'$ref':'#/components/schemas/Thing'}]}}}}}}},"
                                 + "'schemas':{'Req':{'properties':{'params':{'properties':{'i_thing':{'type':'integer'},"
                                 + "'either':{'oneOf':[{'type':'string'},{'type':'integer'}]}}}}},"
                                 + "'Thing':{'type':'object','properties':{'a':{'type':'string'}}}}}}");
        MethodSchema m = d.method("S", "get_thing_info");
        assertThat(m.params().property("i_thing").type()).isEqualTo(FieldSchema.Type.INTEGER);
        assertThat(m.params().property("either")).isSameAs(FieldSchema.FREE);
        assertThat(m.recordKey("thing_info")).isEqualTo("thing");
        assertThat(m.paged()).isFalse();
        assertThat(d.release()).isEqualTo("MR119");
    }

    @Test
    void documentsThatCannotBeUsed() {
        assertThatThrownBy(() -> parse("<html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("{'swagger':'2.0','paths':{}}"))
                .hasMessage("not an OpenAPI 3.0.x document (swagger 2.0)");
        assertThatThrownBy(() -> parse("{'openapi':'3.1.0','paths':{'/a/b':{}}}"))
                .hasMessage("not an OpenAPI 3.0.x document (openapi 3.1.0)");
        assertThatThrownBy(() -> parse("{'openapi':'3.0.2','paths':{}}")).hasMessageContaining("without paths");
    }

    /** The vectors of the reference's section 6, on the simulator's document. */
    @Test
    void referenceTestVectors() {
        assertThat(simulatorDoc.suggestionsFor("Account", "get_acount_info")).startsWith("Account/get_account_info");
        assertThat(simulatorDoc.suggestionsFor("account", "get_account_info")).startsWith("Account/get_account_info");
        assertThat(check("Account/terminate_account", map()).problems())
                .containsExactly(new ParamsChecker.Problem(true, "Account/terminate_account: required field i_account is"
                                                                 + " missing (TerminateAccountRequest requires i_account)"));
        assertThat(check("Customer/add_customer", map("customer_info", map("name", "x"))).problems())
                .singleElement().satisfies(p -> assertThat(p.text()).contains("customer_info.iso_4217 is missing"));
        assertThat(check("Account/update_account", map("account_info", map("i_account", 1, "blocked", true))).params())
                .isEqualTo(map("account_info", map("i_account", 1, "blocked", "Y")));
        assertThat(check("Account/get_account_list", map("get_total", true)).params()).containsEntry("get_total", 1);
        assertThat(check("Account/get_account_info", map("i_account", 1, "without_service_features", false)).params())
                .containsEntry("without_service_features", 0);
        ParamsChecker.Result lock = check("Customer/update_customer", map("customer_info",
                map("i_customer", 1, "billing_lock", true)));
        assertThat(lock.hasErrors()).isTrue();
        assertThat(check("Account/get_account_info", map("i_acount", 1)).problems()).singleElement()
                .satisfies(p -> assertThat(p.text()).endsWith("did you mean i_account?"));
        assertThat(check("Customer/update_customer", map("customer_info", map("i_customer", 1,
                "creation_date", "2000-01-01 08:00:00"))).problems()).isEmpty();
    }

    @Test
    void valuesThatCannotBeConvertedAreErrorsNamingFieldExpectedAndGiven() {
        ParamsChecker.Result r = check("Account/get_account_list", map("limit", "ten", "offset", 1.5,
                "bill_status", "X", "i_customer", map("a", 1)));
        assertThat(r.problems()).extracting(ParamsChecker.Problem::text).containsExactly(
                "Account/get_account_list: field limit expects an integer, got the string \"ten\"",
                "Account/get_account_list: field offset expects an integer, got the number 1.5",
                "Account/get_account_list: field bill_status expects one of \"O\", \"I\", \"C\" (string), got the string \"X\"",
                "Account/get_account_list: field i_customer expects an integer, got an object");
        // a null clears a field: never a problem
        assertThat(check("Account/update_account", map("account_info", map("i_account", 1, "credit_limit", null)))
                .problems()).isEmpty();
    }
}
