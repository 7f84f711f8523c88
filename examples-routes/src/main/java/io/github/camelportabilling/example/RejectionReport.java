package io.github.camelportabilling.example;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelportabilling.component.PortaBillingException;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;

/** The {@code <name>.error.json} written beside a rejected record, and the one-line reason for logs and summary. */
public final class RejectionReport {

    private RejectionReport() {
    }

    public static Map<String, Object> of(Exchange exchange) {
        Throwable e = cause(exchange);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", exchange.getProperty(InboxRoutes.FILE));
        if (e instanceof PortaBillingException fault) {
            report.put("faultcode", fault.getFaultCode());
            report.put("faultstring", fault.getFaultString());
            report.put("call", fault.getService() + "/" + fault.getMethod());
        } else {
            report.put("error", e == null ? "unknown" : e.getMessage());
        }
        return report;
    }

    /** One line: the fault code and string, else the first line of the message (a JSON parser's has several). */
    public static String reason(Exchange exchange) {
        Throwable e = cause(exchange);
        if (e instanceof PortaBillingException fault) {
            return fault.getFaultCode() + " (" + fault.getFaultString() + ")";
        }
        return e == null || e.getMessage() == null ? "unknown" : e.getMessage().lines().findFirst().orElse("").strip();
    }

    /**
     * The exception that says what is wrong with the record. Camel may wrap it (the enricher wraps what its
     * aggregation strategy throws), so the chain is searched.
     */
    static Throwable cause(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        PortaBillingException fault = ObjectHelper.getException(PortaBillingException.class, caught);
        if (fault != null) {
            return fault;
        }
        UnknownCustomerException unknown = ObjectHelper.getException(UnknownCustomerException.class, caught);
        return unknown != null ? unknown : caught;
    }
}
