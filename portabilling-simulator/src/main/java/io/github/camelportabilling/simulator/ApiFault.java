package io.github.camelportabilling.simulator;

/** A PortaBilling fault: answered as {@code {"faultcode","faultstring"}} with the given HTTP status (500 unless said). */
final class ApiFault extends RuntimeException {

    private final String faultCode;
    private final int httpStatus;

    ApiFault(String faultCode, String faultString) {
        this(500, faultCode, faultString);
    }

    ApiFault(int httpStatus, String faultCode, String faultString) {
        super(faultString, null, false, false); // thrown on hot paths (auth faults): no stack trace needed
        this.faultCode = faultCode;
        this.httpStatus = httpStatus;
    }

    String faultCode() {
        return faultCode;
    }

    String faultString() {
        return getMessage();
    }

    int httpStatus() {
        return httpStatus;
    }
}
