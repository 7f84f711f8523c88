package io.github.camelportabilling.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelportabilling.component.internal.ListAnswer;
import io.github.camelportabilling.component.internal.ListPager;
import io.github.camelportabilling.component.internal.MethodNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one page of a consumer's list: the endpoint's filter plus limit/offset (and get_total on a cycle's first
 * page), the records read from the list key. The server's API description, read before the first page, may name
 * another list key, or show a method that takes no limit/offset: that one is read whole, with one call per cycle
 * (issue 15).
 */
final class ListPageSource {

    // the consumer's category: a user who tuned the consumer's logging gets these lines as before
    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingConsumer.class);

    private final PortaBillingEndpoint endpoint;
    private final String service;
    private final String method;
    private final ListPager.Notices notices;
    /** The convention's list key, or the one the server's API description gives. */
    private volatile String listKey;
    private volatile SchemaAnswers schema;

    ListPageSource(PortaBillingEndpoint endpoint, String service, String method, ListPager.Notices notices) {
        this.endpoint = endpoint;
        this.service = service;
        this.method = method;
        this.notices = notices;
        this.listKey = endpoint.getResponseKey() != null
                ? endpoint.getResponseKey() : MethodNames.listKey(endpoint.getRecordType());
    }

    /** Reads the method's entry in the API description once (the session has it, or fetches it now). */
    void describe(PortaBillingSession session) {
        if (schema != null) {
            return;
        }
        SchemaAnswers answers = SchemaAnswers.of(session.describedMethod(service, method));
        if (endpoint.getResponseKey() == null) {
            listKey = answers.listKey(listKey);
        }
        if (!answers.paged()) {
            notices.notPagedByDescription();
            LOG.info("{}: {}/{} takes no limit/offset in the server's API description: each cycle reads the whole"
                     + " list with one call", endpoint, service, method);
        }
        schema = answers;
    }

    ListPager.Page fetch(PortaBillingSession session, int offset, int limit, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>(endpoint.getFilter());
        SchemaAnswers answers = schema;
        if (answers == null || answers.paged()) {
            params.put("limit", limit);
            params.put("offset", offset);
            if (withTotal) {
                params.put("get_total", 1);
            }
        }
        Map<String, Object> answer = session.call(service, method, params, endpoint.getConfiguration().getValidation());
        List<Map<String, Object>> records = ListAnswer.records(answer, listKey, service, method);
        return new ListPager.Page(records, ListAnswer.total(answer));
    }
}
