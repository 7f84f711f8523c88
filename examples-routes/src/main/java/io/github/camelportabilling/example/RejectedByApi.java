package io.github.camelportabilling.example;

import io.github.camelportabilling.component.PortaBillingException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.util.ObjectHelper;

/**
 * True when the server answered a fault about the record itself (duplicate id, missing field, ...). Not for a
 * rejected login or session (every record would fail the same way: fix the configuration, not the record) nor for
 * transport errors, which have no fault code: those files stay in the inbox.
 */
public class RejectedByApi implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        PortaBillingException e = ObjectHelper.getException(PortaBillingException.class,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        return e != null && e.getFaultCode() != null && !e.isAuthFault()
               && !PortaBillingException.LOGIN_REJECTED_FAULT_CODE.equals(e.getFaultCode());
    }
}
