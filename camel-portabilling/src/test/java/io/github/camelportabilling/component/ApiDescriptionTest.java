package io.github.camelportabilling.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelportabilling.simulator.RecordedRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.console.DevConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's API description in use, over HTTP against the simulator's own document ({@code /doc/api/AdminInterface.json},
 * read by the default apiDescription=auto): hints, refusals before sending, per-field types, keys from the answer
 * schema, the dev console. What the simulator received is what is asserted.
 */
@Timeout(120)
class ApiDescriptionTest extends SimulatorTestSupport {

    @TempDir
    static Path dir;

    private static final String CREATE = "portabilling:Account/account?operation=create";

    private Map<String, Object> account(String id) {
        return accountFields(newCustomer("Schema Co " + id), id);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> info(RecordedRequest request) {
        return (Map<String, Object>) request.params().get("account_info");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> consoleSession() {
        PortaBillingDevConsole console = new PortaBillingDevConsole();
        console.setCamelContext(context);
        console.start();
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        return ((List<Map<String, Object>>) json.get("sessions")).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<String> problems() {
        return ((List<Map<String, Object>>) consoleSession().get("validationProblems")).stream()
                .map(p -> (String) p.get("problem")).toList();
    }

    @Test
    void aCreateWithAMisspelledFieldWarnsWithTheRightNameAndIsSent() {
        Map<String, Object> fields = account("schema-typo-1");
        fields.put("firstnme", "Ann");
        template.requestBody(CREATE, fields);
        // warn (the default): sent as written, the server stores what it does not know
        RecordedRequest sent = simulator.lastRequest("Account/add_account");
        assertThat(info(sent)).containsEntry("firstnme", "Ann");
        assertThat(problems()).contains("Account/add_account: field account_info.firstnme is not in the API description:"
                                        + " did you mean firstname?");
        // a params key too
        assertThatThrownBy(() -> template.requestBody("portabilling:Account/account?operation=get", Map.of("i_acount", 5)))
                .cause().hasMessageContaining("missing_mandatory_field"); // sent: the server refuses it
        assertThat(problems()).anyMatch(p -> p.equals("Account/get_account_info: field i_acount is not in the API"
                                                      + " description: did you mean i_account?"));
        String text = (String) newConsole().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("last validation problems:", "did you mean firstname?");
    }

    private PortaBillingDevConsole newConsole() {
        PortaBillingDevConsole console = new PortaBillingDevConsole();
        console.setCamelContext(context);
        console.start();
        return console;
    }

    @Test
    void aCreateMissingAMandatoryFieldWithValidationFailSendsNothingAndNamesTheField() {
        Map<String, Object> fields = account("schema-missing-1");
        fields.remove("i_product");
        simulator.resetCounters();
        simulator.clearRequests();
        long docRequests = simulator.apiDescriptionRequests();
        assertThatThrownBy(() -> template.requestBody(CREATE + "&validation=fail", fields))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(PortaBillingValidationException.class)
                .hasMessageContaining("Account/add_account")
                .hasMessageContaining("required field account_info.i_product is missing")
                .satisfies(e -> assertThat(((PortaBillingValidationException) e).getProblems()).hasSize(1));
        // no API call at all, not even the login: only the one GET of the document
        assertThat(simulator.requests()).isEmpty();
        assertThat(simulator.loginCount()).isZero();
        assertThat(simulator.apiDescriptionRequests()).isEqualTo(docRequests + 1);
        assertThat(simulator.totalCallCount()).isEqualTo(1);
        assertThat(simulator.apiDescriptionAuthorization()).isNull();
        assertThat(consoleSession().get("apiDescription")).asString().contains("loaded=true");
    }

    @Test
    void aCachedCopyWorksOfflineAndThenNothingAtAllReachesTheServer() throws Exception {
        Path copy = dir.resolve("AdminInterface.json");
        Files.write(copy, simulator.apiDescriptionDocument());
        Map<String, Object> fields = account("schema-missing-2");
        fields.remove("billing_model");
        simulator.resetCounters();
        assertThatThrownBy(() -> template.requestBody(CREATE + "&validation=fail&apiDescription=file:" + copy, fields))
                .cause().isInstanceOf(PortaBillingValidationException.class)
                .hasMessageContaining("account_info.billing_model is missing");
        assertThat(simulator.totalCallCount()).isZero();
        assertThat(consoleSession().get("apiDescription")).asString().contains("file:" + copy, "loaded=true");
    }

    @Test
    void booleansReachTheServerInEachFieldsOwnType() {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> info = account("schema-bool-1");
        info.put("blocked", true);
        params.put("account_info", info);
        params.put("generate_web_password", true);
        template.requestBody(CREATE + "&validation=fail", params);
        RecordedRequest sent = simulator.lastRequest("Account/add_account");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(info(sent)).containsEntry("blocked", "Y");
        assertThat(sent.params()).containsEntry("generate_web_password", 1);
    }

    @Test
    void numbersAndNumericTextFollowTheFieldsType() {
        long customer = newCustomer("Schema Types Co");
        String id = "1555" + (System.nanoTime() % 10_000_000);
        newAccount(customer, id);
        // a URI filter is text; i_customer is an integer in the document
        template.requestBody("portabilling:Account/account?operation=list&filter.i_customer=" + customer, (Object) null);
        assertThat(simulator.lastRequest("Account/get_account_list").params()).containsEntry("i_customer", (int) customer);
        // an account id given as a number is a string in the document
        Map<?, ?> found = template.requestBody("portabilling:Account/account?operation=get",
                Map.of("id", Long.parseLong(id)), Map.class);
        assertThat(simulator.lastRequest("Account/get_account_info").params()).containsEntry("id", id);
        assertThat((Map<Object, Object>) found).containsEntry("id", id);
    }

    @Test
    void aNonBooleanEnumIsNeverGuessed() {
        long customer = newCustomer("Schema Lock Co");
        Map<String, Object> change = Map.of("i_customer", customer, "billing_lock", true);
        assertThatThrownBy(() -> template.requestBody("portabilling:Customer/customer?operation=update&validation=fail",
                change)).cause().isInstanceOf(PortaBillingValidationException.class)
                .hasMessageContaining("field customer_info.billing_lock expects one of \"N\", \"C\", \"L\" (string),"
                                      + " got the boolean true");
        assertThat(simulator.lastRequest("Customer/update_customer")).isNull();
        // warn: sent as without a description, and the server refuses it
        assertThatThrownBy(() -> template.requestBody("portabilling:Customer/customer?operation=update", change))
                .cause().isInstanceOf(PortaBillingException.class)
                .hasMessageContaining("invalid_parameter");
        assertThat(simulator.lastRequest("Customer/update_customer")).isNotNull();
    }

    @Test
    void anUnknownMethodNamesTheClosestOne() {
        assertThatThrownBy(() -> template.requestBody(
                "portabilling:Account/account?operation=call&method=get_acount_info&validation=fail", Map.of("i_account", 1)))
                .cause().isInstanceOf(PortaBillingValidationException.class)
                .hasMessageContaining("Account/get_acount_info is not in the server's API description AdminInterface.json")
                .hasMessageContaining("did you mean Account/get_account_info or");
        assertThat(simulator.requests()).isEmpty();
        assertThatThrownBy(() -> template.requestBody(
                "portabilling:Account/account?operation=call&method=get_acount_info", Map.of("i_account", 1)))
                .cause().hasMessageContaining("Client.unknown_method");
        assertThat(problems()).anyMatch(p -> p.contains("did you mean Account/get_account_info or"));
    }

    @Test
    void recordAndListKeysComeFromTheAnswerSchemaWhenTheConventionDoesNotHold() {
        long customer = newCustomer("Schema Keys Co");
        // record type "client": the convention says client_info / client_list, the document says customer_*
        Map<?, ?> record = template.requestBody("portabilling:Customer/client?operation=get&method=get_customer_info&idKey=i_customer",
                Map.of("i_customer", customer), Map.class);
        assertThat((Map<Object, Object>) record).containsEntry("name", "Schema Keys Co");
        List<?> list = template.requestBody("portabilling:Customer/client?operation=list&method=get_customer_list"
                                            + "&filter.name=Schema Keys Co", null, List.class);
        assertThat(list).hasSize(1);
    }
}
