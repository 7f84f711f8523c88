package io.github.camelportabilling.component.internal;

import java.util.Map;

/**
 * What an API description says about one method: the schema of its {@code params} and of its 200 answer, and what
 * follows from them for the producer and the consumer (which key holds the record or the list, whether the method
 * pages with limit/offset).
 */
public final class MethodSchema {

    private final String serviceMethod;
    private final FieldSchema params;
    private final FieldSchema answer;

    MethodSchema(String serviceMethod, FieldSchema params, FieldSchema answer) {
        this.serviceMethod = serviceMethod;
        this.params = params;
        this.answer = answer;
    }

    /** {@code Service/method}. */
    public String serviceMethod() {
        return serviceMethod;
    }

    /** The schema of the params object; {@link FieldSchema#FREE} when the document does not say. */
    public FieldSchema params() {
        return params;
    }

    /** The schema of the 200 answer; {@link FieldSchema#FREE} when the document does not say. */
    public FieldSchema answer() {
        return answer;
    }

    /**
     * Whether the method pages with limit/offset: {@code false} when its params are listed without either (e.g.
     * {@code Account/get_subscriptions}), {@code true} when they have one, null when the document does not list them.
     */
    public Boolean paged() {
        if (!params.listsFields()) {
            return null;
        }
        return params.properties().containsKey("limit") || params.properties().containsKey("offset");
    }

    /** The answer key holding the record of a get: the convention's when the answer has it, else its only object. */
    public String recordKey(String convention) {
        return onlyKeyOf(FieldSchema.Type.OBJECT, convention);
    }

    /** The answer key holding the list: the convention's when the answer has it, else its only array. */
    public String listKey(String convention) {
        return onlyKeyOf(FieldSchema.Type.ARRAY, convention);
    }

    private String onlyKeyOf(FieldSchema.Type type, String convention) {
        Map<String, FieldSchema> keys = answer.properties();
        if (keys.isEmpty() || keys.containsKey(convention)) {
            return convention;
        }
        String only = null;
        for (Map.Entry<String, FieldSchema> e : keys.entrySet()) {
            if (e.getValue().type() == type) {
                if (only != null) {
                    return convention; // more than one: the document does not decide
                }
                only = e.getKey();
            }
        }
        return only != null ? only : convention;
    }

    @Override
    public String toString() {
        return "MethodSchema[" + serviceMethod + "]";
    }
}
