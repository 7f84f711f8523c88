package io.github.camelportabilling.example;

import io.github.camelportabilling.component.PortaBillingException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * True when the server answered a fault about the record itself (duplicate id, missing field, ...). Not for a
 * rejected login or session (every record would fail the same way: fix the configuration, not the record) nor for
 * transport errors, which have no fault code: those files stay in the inbox. Reads the fault code the component puts
 * on the exchange ({@link PortaBillingException#FAULT_CODE_PROPERTY}), which needs nothing beyond the component.
 */
public class RejectedByApi implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        String faultCode = exchange.getProperty(PortaBillingException.FAULT_CODE_PROPERTY, String.class);
        return faultCode != null && !PortaBillingException.AUTH_FAULT_CODES.contains(faultCode)
               && !PortaBillingException.LOGIN_REJECTED_FAULT_CODE.equals(faultCode);
    }
}
