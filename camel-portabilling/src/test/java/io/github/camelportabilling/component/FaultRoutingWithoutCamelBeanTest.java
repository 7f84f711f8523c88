package io.github.camelportabilling.component;

import java.util.Map;

import io.github.camelportabilling.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documented error-handling snippets start and work with the component's dependencies alone. This class runs in
 * a surefire execution of its own with camel-bean removed from the classpath (see the pom), as in an application
 * that does not add it; {@link #camelBeanIsNotOnTheClasspath} proves it.
 */
class FaultRoutingWithoutCamelBeanTest extends SimulatorTestSupport {

    @Override
    protected boolean useJmx() {
        return false;
    }

    @Test
    void camelBeanIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.camel.language.bean.BeanLanguage"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    /** direct:create into a create, with faults matched by {@code when} sent to mock:rejected. */
    private void createRouteRejecting(Predicate when) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(PortaBillingException.class).onWhen(when).handled(true).to("mock:rejected");
                from("direct:create").to("portabilling:Account/account?operation=create");
            }
        });
    }

    /** Sends an account whose id is taken: the server answers Server.Account.duplicate_id. */
    private Exchange createDuplicate(String name) {
        long customer = newCustomer(name);
        String id = "nobean-" + System.nanoTime();
        newAccount(customer, id);
        return template.send("direct:create", e -> e.getMessage().setBody(accountFields(customer, id)));
    }

    @Test
    void theDocumentedJavaDslSnippetRoutesFaultsAndLeavesOtherErrorsAlone() throws Exception {
        // README / adoc: the API refused the record itself
        createRouteRejecting(Builder.exchangeProperty(PortaBillingException.FAULT_CODE_PROPERTY).isNotNull());
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);

        Exchange duplicate = createDuplicate("No Bean Co");

        assertThat(duplicate.getException()).isNull();
        rejected.assertIsSatisfied();
        assertThat(rejected.getExchanges().get(0).getProperty(PortaBillingException.FAULT_CODE_PROPERTY))
                .isEqualTo("Server.Account.duplicate_id");

        // a proxy error is no fault of the record: not matched, the exception stays
        simulator.injectFault("Account/add_account", 1, Fault.htmlErrorPage(502));
        Exchange proxyError = template.send("direct:create",
                e -> e.getMessage().setBody(accountFields(newCustomer("Proxy Co"), "nobean-other-" + System.nanoTime())));
        assertThat(proxyError.getException()).isInstanceOf(PortaBillingException.class);
        assertThat(proxyError.getProperty(PortaBillingException.FAULT_CODE_PROPERTY)).isNull();
        rejected.assertIsSatisfied();
    }

    @Test
    void theDocumentedSimpleSnippetForYamlAndXmlWorksToo() throws Exception {
        createRouteRejecting(
                Builder.simple("${exchangeProperty.CamelPortaBillingFaultCode} == 'Server.Account.duplicate_id'"));
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);

        assertThat(createDuplicate("No Bean Simple Co").getException()).isNull();
        rejected.assertIsSatisfied();
    }

    @Test
    void theDocumentedJavaPredicateSeesTheException() throws Exception {
        createRouteRejecting(e -> e.getException(PortaBillingException.class) != null
                                  && e.getException(PortaBillingException.class).getFaultCode() != null);
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);

        assertThat(createDuplicate("No Bean Lambda Co").getException()).isNull();
        rejected.assertIsSatisfied();
    }

    @Test
    void theOldSnippetNeedsCamelBean() throws Exception {
        Throwable failure;
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(PortaBillingException.class).onWhen(simple("${exception.faultCode} != null"))
                            .handled(true).to("mock:rejected");
                    from("direct:old").to("portabilling:Account/account?operation=create");
                }
            });
            long customer = newCustomer("Old Snippet Co");
            String id = "nobean-old-" + System.nanoTime();
            newAccount(customer, id);
            failure = template.send("direct:old", e -> e.getMessage().setBody(accountFields(customer, id))).getException();
        } catch (Exception e) {
            failure = e;
        }
        // Simple's OGNL on the exception is the bean language: the fault goes unhandled
        assertThat(failure).isNotNull().hasMessageContaining("No language could be found for: bean");
        assertThat(getMockEndpoint("mock:rejected").getReceivedCounter()).isZero();
    }

    @Test
    void theSiblingsHeaderIsReadableWithoutSimpleOgnl() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("portabilling:Account/account?operation=get")
                        .setBody(exchange -> ((Map<?, ?>) exchange.getMessage()
                                .getHeader(PortaBillingConstants.SIBLINGS, Map.class).get("customer_info")).get("name"));
            }
        });
        long customer = newCustomer("Sibling Java Co");
        long account = newAccount(customer, "nobean-sib-" + System.nanoTime());

        Object name = template.requestBody("direct:get", Map.of("i_account", account, "with_customer_info", 1));

        assertThat(name).isEqualTo("Sibling Java Co");
    }
}
