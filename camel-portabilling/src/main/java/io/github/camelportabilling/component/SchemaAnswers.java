package io.github.camelportabilling.component;

import io.github.camelportabilling.component.internal.MethodSchema;

/**
 * The answers the server's API description explains, for the producer and the consumer: which key holds a get's
 * record and a list's records when the naming convention does not hold, and whether a list method pages with
 * limit/offset. Without a description (or for a method it does not describe) the conventions stand: every list pages,
 * the keys are {@code <rec>_info} and {@code <rec>_list}. An explicit responseKey option wins over both.
 */
final class SchemaAnswers {

    private static final SchemaAnswers CONVENTIONS = new SchemaAnswers(null);

    private final MethodSchema method;

    private SchemaAnswers(MethodSchema method) {
        this.method = method;
    }

    /** @param method from {@link PortaBillingSession#describedMethod}, may be null */
    static SchemaAnswers of(MethodSchema method) {
        return method == null ? CONVENTIONS : new SchemaAnswers(method);
    }

    String recordKey(String convention) {
        return method == null ? convention : method.recordKey(convention);
    }

    String listKey(String convention) {
        return method == null ? convention : method.listKey(convention);
    }

    /** False only when the description lists the method's params without limit and offset. */
    boolean paged() {
        return method == null || !Boolean.FALSE.equals(method.paged());
    }
}
