package io.github.camelportabilling.example;

import io.github.camelportabilling.component.PortaBillingException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedByApiTest {

    private final RejectedByApi rejected = new RejectedByApi();

    @Test
    void aFaultAboutTheRecordRejectsIt() {
        assertThat(rejected.matches(failedWith(PortaBillingException.fault(
                "Account", "add_account", "Server.Account.duplicate_id", "Account with id '1' already exists"))))
                .isTrue();
    }

    @Test
    void aRejectedLoginOrSessionDoesNotRejectTheRecord() {
        assertThat(rejected.matches(failedWith(PortaBillingException.fault(
                "Session", "login", PortaBillingException.LOGIN_REJECTED_FAULT_CODE, "bad login")))).isFalse();
        assertThat(rejected.matches(failedWith(PortaBillingException.fault(
                "Account", "add_account", "Server.Session.check_auth.auth_failed", "Authentification failed"))))
                .isFalse();
    }

    @Test
    void anAnswerWithoutFaultCodeDoesNotRejectTheRecord() {
        // e.g. a proxy's 502 page: the file stays in the inbox for the next poll
        assertThat(rejected.matches(failedWith(new PortaBillingException(
                "PortaBilling Account/add_account answered HTTP 502", "Account", "add_account", null, null, 502, null))))
                .isFalse();
    }

    /** The exchange as the producer leaves it after the failed call: the exception, and the fault code property. */
    private static Exchange failedWith(PortaBillingException e) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
        if (e.getFaultCode() != null) {
            exchange.setProperty(PortaBillingException.FAULT_CODE_PROPERTY, e.getFaultCode());
        }
        return exchange;
    }
}
