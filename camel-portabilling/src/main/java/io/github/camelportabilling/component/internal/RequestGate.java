package io.github.camelportabilling.component.internal;

import java.util.List;
import java.util.Map;

import io.github.camelportabilling.component.PortaBillingValidation;
import io.github.camelportabilling.component.PortaBillingValidationException;

/**
 * What every call's params go through before anything is sent: with an API description, the method is looked up and
 * the params are checked and converted field by field ({@link ParamsChecker}); without one, or for a method it does
 * not describe, Java booleans follow the spec-less rule ({@link BooleanParams}). What is found is reported as the
 * validation mode says: {@code off} nothing, {@code warn} logged (once each) and sent, {@code fail} errors refused
 * before any request (warnings are still only logged).
 */
public final class RequestGate {

    private final ApiDescriptionSource source;
    private final ValidationLog log;

    public RequestGate(ApiDescriptionSource source, ValidationLog log) {
        this.source = source;
        this.log = log;
    }

    /**
     * @return                                the params to send
     * @throws PortaBillingValidationException with validation=fail, when the method is unknown to the description or
     *                                        the params have errors
     */
    public Map<String, Object> prepare(String service, String method, Map<String, Object> params,
                                       PortaBillingValidation validation) {
        ApiDescription description = source.get();
        if (description == null) {
            return BooleanParams.convert(params);
        }
        MethodSchema schema = description.method(service, method);
        if (schema == null) {
            if (validation != PortaBillingValidation.off) {
                List<String> close = description.suggestionsFor(service, method);
                ParamsChecker.Problem unknown = new ParamsChecker.Problem(true, service + "/" + method
                        + " is not in the server's API description " + description.summary()
                        + (close.isEmpty() ? "" : ": did you mean " + String.join(" or ", close) + "?"));
                report(service, method, List.of(unknown), validation);
            }
            return BooleanParams.convert(params);
        }
        ParamsChecker.Result result = ParamsChecker.check(schema, params);
        if (!result.problems().isEmpty() && validation != PortaBillingValidation.off) {
            report(service, method, result.problems(), validation);
        }
        return result.params();
    }

    private void report(String service, String method, List<ParamsChecker.Problem> problems,
                        PortaBillingValidation validation) {
        boolean errors = problems.stream().anyMatch(ParamsChecker.Problem::error);
        if (validation == PortaBillingValidation.fail && errors) {
            log.reported(problems.stream().filter(p -> !p.error()).toList());
            List<ParamsChecker.Problem> refused = problems.stream().filter(ParamsChecker.Problem::error).toList();
            log.refused(refused);
            throw new PortaBillingValidationException(service, method,
                    refused.stream().map(ParamsChecker.Problem::text).toList());
        }
        log.reported(problems);
    }

    /** The description if it was loaded already (no load). */
    public ApiDescription current() {
        return source.current();
    }

    /** The description, loading it on first use; null when there is none. */
    public ApiDescription description() {
        return source.get();
    }

    public ApiDescriptionSource source() {
        return source;
    }

    public ValidationLog log() {
        return log;
    }
}
