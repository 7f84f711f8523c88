package io.github.camelportabilling.component;

import java.util.List;

/**
 * A call refused before it was sent, with {@code validation=fail}, because the server's API description says it
 * would fail: an unknown method (with the closest ones), a missing required field, a value of the wrong type. No
 * request reached the server.
 */
public class PortaBillingValidationException extends PortaBillingException {

    private final transient List<String> problems;

    public PortaBillingValidationException(String service, String method, List<String> problems) {
        super("PortaBilling " + service + "/" + method + " refused before sending (validation=fail): "
              + String.join("; ", problems), service, method, null, null, 0, null);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code Account/add_account: required field account_info.i_product is missing}. */
    public List<String> getProblems() {
        return problems;
    }
}
