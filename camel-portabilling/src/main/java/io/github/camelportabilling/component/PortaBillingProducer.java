package io.github.camelportabilling.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.internal.ListAnswer;
import io.github.camelportabilling.component.internal.ListPager;
import io.github.camelportabilling.component.internal.MethodNames;
import io.github.camelportabilling.component.internal.PagingIterator;
import io.github.camelportabilling.component.internal.RequestParams;
import io.github.camelportabilling.component.internal.WireFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs one operation per message: builds the params from the body, calls the method through the shared session, and
 * puts the answer on the message as the operation documents.
 */
public class PortaBillingProducer extends DefaultProducer {

    private final PortaBillingEndpoint endpoint;
    private final String service;
    private final String recordType;
    private final String idKey;
    private final ObjectMapper jsonMapper = new WireFormat().mapper();
    private final ListPager.Notices listNotices = new ListPager.Notices();
    private PortaBillingSession session;
    private ObjectMapper pojoMapper;
    private WritableHealthCheckRepository healthCheckRepository;
    private PortaBillingProducerHealthCheck healthCheck;

    public PortaBillingProducer(PortaBillingEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.service = endpoint.getService();
        this.recordType = endpoint.getRecordType();
        this.idKey = endpoint.effectiveIdKey();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        session = endpoint.getSession();
        pojoMapper = endpoint.pojoMapper();
        // health checks are optional: only when a registry with a producers repository is present
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new PortaBillingProducerHealthCheck(endpoint, endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        // the session is shared: the component stops it, never a producer
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        PortaBillingOperation operation = operation(message);
        String method = method(message, operation);
        Map<String, Object> params = RequestParams.fromBody(message.getBody(), operation, recordType, pojoMapper, jsonMapper);
        switch (operation) {
            case create, update -> {
                Map<String, Object> answer = session.call(service, method, params);
                message.setBody(answer);
                message.setHeader(PortaBillingConstants.ID, answeredId(answer, method));
            }
            case get -> get(message, method, params);
            case list -> list(message, method, params);
            case delete, terminate -> {
                Map<String, Object> answer = session.call(service, method, params);
                message.setBody(answer);
                message.setHeader(PortaBillingConstants.ID, RequestParams.idValue(params.get(idKey)));
            }
            case call -> message.setBody(session.call(service, method, params));
            default -> throw new IllegalStateException("Unhandled operation " + operation);
        }
    }

    /** The id in a create/update answer; absent is allowed (other methods answer success), a non-id is not. */
    private Long answeredId(Map<String, Object> answer, String method) {
        Object value = answer.get(idKey);
        Long id = RequestParams.idValue(value);
        if (value != null && id == null) {
            throw new PortaBillingException(
                    "PortaBilling " + service + "/" + method + " answered an unexpected shape: '" + idKey + "' is "
                                            + value.getClass().getSimpleName() + " '" + value + "', not an id",
                    service, method, null, null, 200, null);
        }
        return id;
    }

    private void get(Message message, String method, Map<String, Object> params) {
        Map<String, Object> answer = session.call(service, method, params);
        String key = endpoint.getResponseKey() != null ? endpoint.getResponseKey() : MethodNames.infoKey(recordType);
        Object record = answer.get(key);
        if (record == null) {
            if (!answer.isEmpty() && !answer.containsKey(key)) {
                throw new PortaBillingException(
                        "PortaBilling " + service + "/" + method + " answered without '" + key + "' (keys: "
                                                + answer.keySet() + "); set the responseKey option to the key holding the record",
                        service, method, null, null, 200, null);
            }
            // the API answers {} for a record that does not exist: that is an answer, not an error
            message.setBody(null);
            message.setHeader(PortaBillingConstants.FOUND, false);
            message.removeHeader(PortaBillingConstants.ID);
            return;
        }
        if (!(record instanceof Map<?, ?> info)) {
            throw new PortaBillingException(
                    "PortaBilling " + service + "/" + method + " answered an unexpected shape: '" + key + "' is not an"
                                            + " object",
                    service, method, null, null, 200, null);
        }
        message.setBody(info);
        message.setHeader(PortaBillingConstants.FOUND, true);
        message.setHeader(PortaBillingConstants.ID, RequestParams.idValue(info.get(idKey)));
    }

    private void list(Message message, String method, Map<String, Object> bodyParams) {
        Map<String, Object> params = new LinkedHashMap<>(endpoint.getFilter());
        params.putAll(bodyParams);
        if (endpoint.isIncludeTotal()) {
            params.putIfAbsent("get_total", 1);
        }
        String listKey = endpoint.getResponseKey() != null ? endpoint.getResponseKey() : MethodNames.listKey(recordType);
        Integer limitHeader = intHeader(message, PortaBillingConstants.LIMIT);
        Integer offsetHeader = intHeader(message, PortaBillingConstants.OFFSET);
        if (endpoint.isStreamList()) {
            int pageSize = limitHeader != null ? limitHeader : endpoint.getPageSize();
            boolean totalAsked = params.containsKey("get_total");
            ListPager pager = new ListPager((offset, limit, withTotal) -> {
                Map<String, Object> pageParams = new LinkedHashMap<>(params);
                pageParams.put("limit", limit);
                pageParams.put("offset", offset);
                // only the first page asks for the total: the header, and telling a capped page from the last one
                if (withTotal) {
                    pageParams.put("get_total", 1);
                } else {
                    pageParams.remove("get_total");
                }
                Map<String, Object> answer = session.call(service, method, pageParams);
                return new ListPager.Page(ListAnswer.records(answer, listKey, service, method), ListAnswer.total(answer));
            }, idKey, pageSize, service + "/" + method, listNotices);
            ListPager.Result first = pager.fetch(ListPager.Cursor.startAt(offsetHeader != null ? offsetHeader : 0));
            setTotal(message, totalAsked ? first.total() : null);
            message.setBody(new PagingIterator(pager, first, service, method));
            return;
        }
        if (limitHeader != null) {
            params.put("limit", limitHeader);
        } else {
            params.putIfAbsent("limit", endpoint.getPageSize());
        }
        if (offsetHeader != null) {
            params.put("offset", offsetHeader);
        } else {
            params.putIfAbsent("offset", 0);
        }
        Map<String, Object> answer = session.call(service, method, params);
        List<Map<String, Object>> records = ListAnswer.records(answer, listKey, service, method);
        setTotal(message, ListAnswer.total(answer));
        message.setBody(records);
    }

    private static Integer intHeader(Message message, String name) {
        Object value = message.getHeader(name);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Number n && n.longValue() == n.intValue()) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Header " + name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static void setTotal(Message message, Long total) {
        if (total != null) {
            message.setHeader(PortaBillingConstants.TOTAL, total);
        } else {
            message.removeHeader(PortaBillingConstants.TOTAL);
        }
    }

    private PortaBillingOperation operation(Message message) {
        Object header = message.getHeader(PortaBillingConstants.OPERATION);
        if (header instanceof PortaBillingOperation op) {
            return op;
        }
        if (header != null) {
            try {
                return PortaBillingOperation.fromValue(header.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Header " + PortaBillingConstants.OPERATION + ": " + e.getMessage(), e);
            }
        }
        if (endpoint.getOperation() == null) {
            throw new IllegalArgumentException("No PortaBilling operation for " + endpoint
                                               + ": set the operation option or the " + PortaBillingConstants.OPERATION
                                               + " header");
        }
        return endpoint.getOperation();
    }

    private String method(Message message, PortaBillingOperation operation) {
        String header = message.getHeader(PortaBillingConstants.METHOD, String.class);
        if (header != null) {
            MethodNames.requireValidName("method (header " + PortaBillingConstants.METHOD + ")", header);
            endpoint.getComponent().warnOnceIfUnknown(service, header);
            return header;
        }
        if (endpoint.getMethod() != null) {
            return endpoint.getMethod();
        }
        if (operation == PortaBillingOperation.call) {
            throw new IllegalArgumentException("operation=call needs a method: set the method option or the "
                                               + PortaBillingConstants.METHOD + " header");
        }
        return MethodNames.methodFor(operation, recordType);
    }
}
