package io.github.camelportabilling.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.internal.ApiAnswer;
import io.github.camelportabilling.component.internal.ListAnswer;
import io.github.camelportabilling.component.internal.ListPager;
import io.github.camelportabilling.component.internal.MessageBody;
import io.github.camelportabilling.component.internal.MethodNames;
import io.github.camelportabilling.component.internal.PageFetchers;
import io.github.camelportabilling.component.internal.PagesAhead;
import io.github.camelportabilling.component.internal.PagingIterator;
import io.github.camelportabilling.component.internal.PojoParams;
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
    private final String conventionalInfoKey;
    private final String conventionalListKey;
    /** The method each operation derives for this endpoint's record type: not rebuilt for every message. */
    private final java.util.EnumMap<PortaBillingOperation, String> derivedMethods = new java.util.EnumMap<>(
            PortaBillingOperation.class);
    private final ObjectMapper jsonMapper = new WireFormat().mapper();
    private final ListPager.Notices listNotices = new ListPager.Notices();
    private PortaBillingSession session;
    /** The threads streamList iterators fetch pages ahead on; null without streamList. */
    private PageFetchers listFetchers;
    private MessageBody bodyReader;
    private WritableHealthCheckRepository healthCheckRepository;
    private PortaBillingProducerHealthCheck healthCheck;

    public PortaBillingProducer(PortaBillingEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.service = endpoint.getService();
        this.recordType = endpoint.getRecordType();
        this.idKey = endpoint.effectiveIdKey();
        this.conventionalInfoKey = MethodNames.infoKey(recordType);
        this.conventionalListKey = MethodNames.listKey(recordType);
        for (PortaBillingOperation operation : PortaBillingOperation.values()) {
            if (operation != PortaBillingOperation.call) {
                derivedMethods.put(operation, MethodNames.methodFor(operation, recordType));
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        session = endpoint.getSession();
        bodyReader = new MessageBody(jsonMapper, PojoParams.of(endpoint.pojoMapper(), jsonMapper));
        if (endpoint.isStreamList()) {
            listFetchers = new PageFetchers(endpoint.getCamelContext(), this, endpoint.isPrefetch(),
                    endpoint.getParallelPages());
        }
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
        if (listFetchers != null) {
            listFetchers.stop();
            listFetchers = null;
        }
        // the session is shared: the component stops it, never a producer
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        exchange.removeProperty(PortaBillingException.FAULT_CODE_PROPERTY);
        PortaBillingOperation operation = operation(message);
        String method = method(message, operation);
        Map<String, Object> params = RequestParams.fromBody(bodyReader.read(exchange), operation, recordType);
        switch (operation) {
            case create, update -> {
                Map<String, Object> answer = call(exchange, method, params);
                message.setBody(answer);
                message.setHeader(PortaBillingConstants.ID, answeredId(answer, method));
            }
            case get -> get(exchange, method, params);
            case list -> list(exchange, method, params);
            case delete, terminate -> {
                Map<String, Object> answer = call(exchange, method, params);
                message.setBody(answer);
                message.setHeader(PortaBillingConstants.ID, RequestParams.idValue(params.get(idKey)));
            }
            case call -> callAnyAnswer(exchange, method, params);
            default -> throw new IllegalStateException("Unhandled operation " + operation);
        }
        // consumed by this call, so that they never apply to a later portabilling: endpoint of the route; kept when
        // the call fails (above), so that a redelivery repeats the same call
        message.removeHeader(PortaBillingConstants.OPERATION);
        message.removeHeader(PortaBillingConstants.METHOD);
    }

    /** One call; a fault's code is also put on the exchange, for error handlers that cannot read the exception. */
    private Map<String, Object> call(Exchange exchange, String method, Map<String, Object> params) {
        return answer(exchange, method, params, true).json();
    }

    /** operation=call: the JSON answer as a Map, or a file answer as byte[] with its content type and name. */
    private void callAnyAnswer(Exchange exchange, String method, Map<String, Object> params) {
        Message message = exchange.getMessage();
        ApiAnswer answer = answer(exchange, method, params, false);
        if (answer.isFile()) {
            message.setBody(answer.file().bytes());
            message.setHeader(PortaBillingConstants.CONTENT_TYPE, answer.file().contentType());
            setOrRemove(message, PortaBillingConstants.FILE_NAME, answer.file().fileName());
        } else {
            message.setBody(answer.json());
            message.removeHeader(PortaBillingConstants.CONTENT_TYPE);
            message.removeHeader(PortaBillingConstants.FILE_NAME);
        }
    }

    private ApiAnswer answer(Exchange exchange, String method, Map<String, Object> params, boolean jsonOnly) {
        try {
            return session.answer(service, method, params, endpoint.getConfiguration().getValidation(), jsonOnly);
        } catch (PortaBillingException e) {
            if (e.getFaultCode() != null) {
                exchange.setProperty(PortaBillingException.FAULT_CODE_PROPERTY, e.getFaultCode());
            }
            throw e;
        }
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
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

    private void get(Exchange exchange, String method, Map<String, Object> params) {
        Message message = exchange.getMessage();
        Map<String, Object> answer = call(exchange, method, params);
        String key = endpoint.getResponseKey() != null ? endpoint.getResponseKey()
                : described(method).recordKey(conventionalInfoKey);
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
            message.removeHeader(PortaBillingConstants.SIBLINGS);
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
        setSiblings(message, answer, key);
    }

    /** What the answer holds beside the record (e.g. customer_info with with_customer_info=1), or no header. */
    private static void setSiblings(Message message, Map<String, Object> answer, String recordKey) {
        if (answer.size() <= 1) {
            message.removeHeader(PortaBillingConstants.SIBLINGS);
            return;
        }
        Map<String, Object> siblings = new LinkedHashMap<>(answer);
        siblings.remove(recordKey);
        message.setHeader(PortaBillingConstants.SIBLINGS, siblings);
    }

    private void list(Exchange exchange, String method, Map<String, Object> bodyParams) {
        Message message = exchange.getMessage();
        Map<String, Object> params = new LinkedHashMap<>(endpoint.getFilter());
        params.putAll(bodyParams);
        if (endpoint.isIncludeTotal()) {
            params.putIfAbsent("get_total", 1);
        }
        // bad headers are refused before anything is asked of the server, the API description included
        Integer limitHeader = intHeader(message, PortaBillingConstants.LIMIT);
        Integer offsetHeader = intHeader(message, PortaBillingConstants.OFFSET);
        SchemaAnswers answers = described(method);
        String listKey = endpoint.getResponseKey() != null ? endpoint.getResponseKey()
                : answers.listKey(conventionalListKey);
        if (!answers.paged()) {
            whole(exchange, method, params, listKey);
            return;
        }
        if (endpoint.isStreamList()) {
            // limit and offset in the body are the page size and the start of the walk, as the headers are
            Integer limitParam = wholeNumber(params.remove("limit"), "The limit param");
            Integer offsetParam = wholeNumber(params.remove("offset"), "The offset param");
            int pageSize = limitHeader != null ? limitHeader : limitParam != null ? limitParam : endpoint.getPageSize();
            int startOffset = offsetHeader != null ? offsetHeader : offsetParam != null ? offsetParam : 0;
            if (pageSize <= 0 || startOffset < 0) {
                throw new IllegalArgumentException("streamList needs a page size (limit) > 0 and an offset >= 0, got"
                                                   + " limit " + pageSize + " and offset " + startOffset);
            }
            boolean totalAsked = params.containsKey("get_total");
            PagesAhead pages = listFetchers.walk((offset, limit, withTotal) -> {
                Map<String, Object> pageParams = new LinkedHashMap<>(params);
                pageParams.put("limit", limit);
                pageParams.put("offset", offset);
                // only the first page asks for the total: the header, and telling a capped page from the last one
                if (withTotal) {
                    pageParams.put("get_total", 1);
                } else {
                    pageParams.remove("get_total");
                }
                Map<String, Object> answer = call(exchange, method, pageParams);
                return new ListPager.Page(ListAnswer.records(answer, listKey, service, method), ListAnswer.total(answer));
            }, 2 * session.getConfiguration().getCallTimeout(), service + "/" + method);
            ListPager pager = new ListPager(pages, idKey, pageSize, service + "/" + method, listNotices);
            ListPager.Result first = pager.fetch(ListPager.Cursor.startAt(startOffset));
            setOrRemove(message, PortaBillingConstants.TOTAL, totalAsked ? first.total() : null);
            message.setBody(new PagingIterator(pager, pages, first, service, method));
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
        Map<String, Object> answer = call(exchange, method, params);
        List<Map<String, Object>> records = ListAnswer.records(answer, listKey, service, method);
        setOrRemove(message, PortaBillingConstants.TOTAL, ListAnswer.total(answer));
        message.setBody(records);
    }

    /**
     * A list method whose request the API description lists without limit/offset is not paged (e.g.
     * Account/get_subscriptions): one call, the whole answer; streamList iterates over it.
     */
    private void whole(Exchange exchange, String method, Map<String, Object> params, String listKey) {
        Message message = exchange.getMessage();
        Map<String, Object> answer = call(exchange, method, params);
        List<Map<String, Object>> records = ListAnswer.records(answer, listKey, service, method);
        setOrRemove(message, PortaBillingConstants.TOTAL, ListAnswer.total(answer));
        message.setBody(endpoint.isStreamList() ? records.iterator() : records);
    }

    /** What the server's API description says about the method; conventions when it says nothing. */
    private SchemaAnswers described(String method) {
        return SchemaAnswers.of(session.describedMethod(service, method));
    }

    private static Integer intHeader(Message message, String name) {
        return wholeNumber(message.getHeader(name), "Header " + name);
    }

    /** A whole number, also as text (headers, and limit/offset in the body); null when absent. */
    private static Integer wholeNumber(Object value, String what) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + value + "'", e);
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
        return derivedMethods.get(operation);
    }
}
