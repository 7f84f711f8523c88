package io.github.camelportabilling.component;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import io.github.camelportabilling.component.internal.ListAnswer;
import io.github.camelportabilling.component.internal.ListPager;
import io.github.camelportabilling.component.internal.MethodNames;
import io.github.camelportabilling.component.internal.RequestParams;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages a list into one exchange per record, one page per poll. While pages come back full the next poll follows at
 * once, so a long list drains without waiting {@code delay}; {@code delay} is the pause between cycles.
 * <p>
 * Delivery is at-least-once: the cursor moves only after every exchange of a page completed without an exception; a
 * failed exchange stops the page and the whole page is offered again at the next poll. A page-fetch error is thrown
 * from {@link #poll()} so that the poll strategy, backoff, bridgeErrorHandler and the consumer health check see it.
 * Memory is bounded by one page.
 */
public class PortaBillingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingConsumer.class);

    private final PortaBillingEndpoint endpoint;
    private final String service;
    private final String method;
    private String listKey;
    private final String idKey;
    private final PortaBillingConsumerMode mode;
    private final StateRepository<String, String> stateRepository;
    private final String stateKey;

    private PortaBillingSession session;
    private ListPager pager;
    private volatile ListPager.Cursor cursor = ListPager.Cursor.START;
    private volatile boolean lastPageFull;

    private long cycleStartNanos;
    private long cycleDelivered;
    private Long cycleTotal;
    private volatile long cycles;
    private volatile long delivered;

    public PortaBillingConsumer(PortaBillingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.service = endpoint.getService();
        this.method = endpoint.getMethod() != null
                ? endpoint.getMethod() : MethodNames.methodFor(PortaBillingOperation.list, endpoint.getRecordType());
        this.listKey = endpoint.getResponseKey() != null
                ? endpoint.getResponseKey() : MethodNames.listKey(endpoint.getRecordType());
        this.idKey = endpoint.effectiveIdKey();
        this.mode = endpoint.getMode();
        this.stateRepository = endpoint.getStateRepository();
        this.stateKey = endpoint.getStateKey() != null ? endpoint.getStateKey() : defaultStateKey(endpoint, method);
    }

    @Override
    protected void doStart() throws Exception {
        session = endpoint.getSession();
        if (!(getPollStrategy() instanceof LoginHoldBackoff)) {
            setPollStrategy(new LoginHoldBackoff(getPollStrategy(), this, () -> session));
        }
        pager = new ListPager(this::fetchPage, idKey, endpoint.getPageSize());
        if (stateRepository != null) {
            ServiceHelper.startService(stateRepository);
            cursor = CursorState.parse(stateRepository.getState(stateKey));
            if (cursor.lastId() != null) {
                LOG.info("{} resumes after {} {} (offset {}) from the state repository", endpoint, idKey,
                        cursor.lastId(), cursor.offset());
            }
        }
        super.doStart();
    }

    /** One page per poll; the cursor moves only when every record of the page was processed. */
    @Override
    protected int poll() throws Exception {
        if (schema == null) {
            applyApiDescription();
        }
        if (!schema.paged()) {
            return pollWhole();
        }
        ListPager.Cursor at = cursor;
        if (at.lastId() == null || cycleStartNanos == 0) {
            startCycle();
        }
        ListPager.Result page = pager.fetch(at);
        return deliver(page);
    }

    // ---- the API description's hook (issue 15), apart from the paging: the list key when the convention does not
    // hold, and lists whose method takes no limit/offset read whole, once per cycle

    private volatile SchemaAnswers schema;

    private void applyApiDescription() {
        SchemaAnswers answers = SchemaAnswers.of(session.describedMethod(service, method));
        if (endpoint.getResponseKey() == null) {
            listKey = answers.listKey(listKey);
        }
        if (!answers.paged()) {
            LOG.info("{}: {}/{} takes no limit/offset in the server's API description: each cycle reads the whole"
                     + " list with one call", endpoint, service, method);
        }
        schema = answers;
    }

    private int pollWhole() throws Exception {
        startCycle();
        Map<String, Object> answer = session.call(service, method, new LinkedHashMap<>(endpoint.getFilter()));
        List<Map<String, Object>> all = ListAnswer.records(answer, listKey, service, method);
        Long lastId = cursor.lastId();
        Long maxId = lastId;
        List<Map<String, Object>> fresh = new java.util.ArrayList<>(all.size());
        for (Map<String, Object> record : all) {
            Long id = RequestParams.idValue(record.get(idKey));
            if (mode == PortaBillingConsumerMode.full || lastId == null || id != null && id > lastId) {
                fresh.add(record);
            }
            if (id != null && (maxId == null || id > maxId)) {
                maxId = id;
            }
        }
        return deliver(new ListPager.Result(fresh, new ListPager.Cursor(0, maxId), true, 0, ListAnswer.total(answer), 1));
    }

    // ---- end of the API description's hook

    private int deliver(ListPager.Result page) throws Exception {
        if (page.total() != null) {
            cycleTotal = page.total();
        }
        Queue<Object> exchanges = new ArrayDeque<>(page.records().size());
        for (Map<String, Object> record : page.records()) {
            exchanges.add(createExchange(record, page));
        }
        int processed = processBatch(exchanges);
        if (processed < page.records().size()) {
            // the page is offered again at the next poll, after delay: nothing is skipped
            lastPageFull = false;
            LOG.debug("{}: record {} of the page at offset {} failed; the page will be offered again", endpoint,
                    processed + 1, page.offset());
            // the failed exchange was polled too: a page that fails on its first record is not an idle poll
            return processed + 1;
        }
        advance(page);
        return processed;
    }

    /** Processes the page in order and stops at the first exchange that fails; returns how many succeeded. */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int done = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                processAndWait(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            boolean failed = exchange.getException() != null || exchange.isRollbackOnly();
            if (failed) {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing PortaBilling record " + index
                                                          + " of a page; the page will be offered again",
                            exchange, exchange.getException());
                }
                releaseExchange(exchange, false);
                pendingExchanges = 0;
                return done;
            }
            releaseExchange(exchange, false);
            done++;
        }
        pendingExchanges = 0;
        return done;
    }

    /**
     * Routes one record and returns when it is done. A synchronous route completes inside process(); only an
     * asynchronous one is waited for (the cursor must not move before the record is done). Cheaper per record than
     * Camel's general sync bridge, which looks up its await manager on every call.
     */
    private void processAndWait(Exchange exchange) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        if (!getAsyncProcessor().process(exchange, doneSync -> done.countDown())) {
            done.await();
        }
    }

    private Exchange createExchange(Map<String, Object> record, ListPager.Result page) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(record);
        message.setHeader(PortaBillingConstants.ID, RequestParams.idValue(record.get(idKey)));
        message.setHeader(PortaBillingConstants.PAGE_OFFSET, page.offset());
        if (cycleTotal != null) {
            message.setHeader(PortaBillingConstants.TOTAL, cycleTotal);
        }
        return exchange;
    }

    private void advance(ListPager.Result page) {
        int count = page.records().size();
        cycleDelivered += count;
        delivered += count;
        ListPager.Cursor next = page.next();
        LOG.debug("{}: {} records from offset {} ({} calls), {} so far this cycle", endpoint, count, page.offset(),
                page.fetches(), cycleDelivered);
        if (page.last()) {
            cycles++;
            long millis = (System.nanoTime() - cycleStartNanos) / 1_000_000;
            // an incremental consumer with a short delay ends many cycles with nothing new: keep those quiet
            if (cycleDelivered > 0) {
                LOG.info("{}: cycle {} done, {} records delivered{} in {} ms", endpoint, cycles, cycleDelivered,
                        cycleTotal != null ? " (total " + cycleTotal + ")" : "", millis);
            } else {
                LOG.debug("{}: cycle {} done, no new records{} in {} ms", endpoint, cycles,
                        cycleTotal != null ? " (total " + cycleTotal + ")" : "", millis);
            }
            cycleStartNanos = 0;
            lastPageFull = false;
            if (mode == PortaBillingConsumerMode.full) {
                next = ListPager.Cursor.START;
            }
        } else {
            lastPageFull = true;
        }
        cursor = next;
        if (stateRepository != null) {
            stateRepository.setState(stateKey, CursorState.format(next));
        }
    }

    private void startCycle() {
        cycleStartNanos = System.nanoTime();
        cycleDelivered = 0;
        cycleTotal = null;
    }

    /**
     * Drains the list without waiting {@code delay} while pages come back full, and waits {@code delay} after the
     * last page of a cycle or after a failed page, whatever the greedy option says (greedy would otherwise start the
     * next full cycle at once).
     */
    @Override
    public boolean isGreedy() {
        return lastPageFull;
    }

    private ListPager.Page fetchPage(int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>(endpoint.getFilter());
        params.put("limit", limit);
        params.put("offset", offset);
        if (offset == 0 || cycleTotal == null) {
            params.put("get_total", 1);
        }
        Map<String, Object> answer = session.call(service, method, params);
        List<Map<String, Object>> records = ListAnswer.records(answer, listKey, service, method);
        return new ListPager.Page(records, ListAnswer.total(answer));
    }

    /** Where the consumer is in the list, for the dev console. */
    public ListPager.Cursor getCursor() {
        return cursor;
    }

    public long getCycles() {
        return cycles;
    }

    public long getDelivered() {
        return delivered;
    }

    public String getStateKey() {
        return stateKey;
    }

    /** The same endpoint options give the same key, so a restarted route finds its state again. */
    static String defaultStateKey(PortaBillingEndpoint endpoint, String method) {
        StringBuilder key = new StringBuilder("portabilling:").append(endpoint.getService()).append('/')
                .append(endpoint.getRecordType()).append('|').append(method).append('|').append(endpoint.getMode());
        new TreeMap<>(endpoint.getFilter()).forEach((k, v) -> key.append('|').append(k).append(':').append(v));
        // the file state repository stores key=value lines
        return key.toString().replace('=', ':').replace('\n', ' ');
    }

    /** The cursor as a state repository value: {@code offset:<n>,lastId:<id>}. */
    static final class CursorState {
        private CursorState() {
        }

        static String format(ListPager.Cursor cursor) {
            return "offset:" + cursor.offset() + ",lastId:" + (cursor.lastId() != null ? cursor.lastId() : "");
        }

        static ListPager.Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return ListPager.Cursor.START;
            }
            int offset = 0;
            Long lastId = null;
            for (String part : value.split(",")) {
                String[] kv = part.split(":", 2);
                if (kv.length == 2 && kv[0].strip().equals("offset") && !kv[1].isBlank()) {
                    offset = Integer.parseInt(kv[1].strip());
                } else if (kv.length == 2 && kv[0].strip().equals("lastId") && !kv[1].isBlank()) {
                    lastId = Long.parseLong(kv[1].strip());
                }
            }
            return new ListPager.Cursor(offset, lastId);
        }
    }
}
