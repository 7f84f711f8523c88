package io.github.camelportabilling.component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import io.github.camelportabilling.component.internal.ConsumerState;
import io.github.camelportabilling.component.internal.ListAnswer;
import io.github.camelportabilling.component.internal.ListPager;
import io.github.camelportabilling.component.internal.MethodNames;
import io.github.camelportabilling.component.internal.NewRecords;
import io.github.camelportabilling.component.internal.RecordFailure;
import io.github.camelportabilling.component.internal.RecordFailureHandler;
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
 * Every cycle walks the list from its start with {@link ListPager}, which finds page boundaries by the identity of
 * the records already walked, whatever order the server lists in. In incremental mode only records above the
 * watermark of {@link NewRecords} become exchanges; pages with nothing new are walked within the same poll.
 * <p>
 * Delivery is at-least-once: the position moves past a record only once its exchange completed without an exception.
 * A failed exchange stops the page there; the poll then fails (so the backoff options and the health check see it)
 * and the next poll starts at that record. After {@code maxPageAttempts} failures of the same record in a row,
 * {@code poisonRecordAction} skips it or stops the route. Memory is bounded by one page.
 */
public class PortaBillingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingConsumer.class);

    private final PortaBillingEndpoint endpoint;
    private final String service;
    private final String method;
    private final String listKey;
    private final String idKey;
    private final PortaBillingConsumerMode mode;
    private final StateRepository<String, String> stateRepository;
    private final ListPager.Notices notices = new ListPager.Notices();

    private PortaBillingSession session;
    private ListPager pager;
    private String stateKey;
    private volatile ListPager.Cursor cursor = ListPager.Cursor.START;
    private NewRecords newRecords;
    private volatile boolean lastPageFull;
    private volatile boolean halted;

    /** The record that failed last ({@code idKey} value, or its offset when it has none) and how often in a row. */
    private String failedKey;
    private int failedAttempts;
    private Exception lastFailure;

    private long cycleStartNanos;
    private long cycleDelivered;
    private volatile long cycles;
    private volatile long delivered;
    private volatile long skipped;

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
    }

    @Override
    protected void doStart() throws Exception {
        session = endpoint.getSession();
        pager = new ListPager(this::fetchPage, idKey, endpoint.getPageSize(), service + "/" + method, notices);
        stateKey = endpoint.getStateKey() != null ? endpoint.getStateKey() : defaultStateKey(endpoint, method, session);
        halted = false;
        if (!(getExceptionHandler() instanceof RecordFailureHandler)) {
            setExceptionHandler(new RecordFailureHandler(getExceptionHandler()));
        }
        restoreState();
        LOG.info("{} starts: {} mode over {}/{}, pages of {}, {} {} between cycles{}{}", endpoint, mode, service, method,
                endpoint.getPageSize(), getDelay(), getTimeUnit().name().toLowerCase(),
                stateRepository != null ? ", state key '" + stateKey + "'" : "",
                cursor.offset() > 0 ? ", resuming at offset " + cursor.offset() : "");
        super.doStart();
    }

    private void restoreState() {
        ConsumerState state = ConsumerState.parse(null, mode == PortaBillingConsumerMode.incremental);
        if (stateRepository != null) {
            ServiceHelper.startService(stateRepository);
            String value = stateRepository.getState(stateKey);
            String legacyKey = legacyStateKey(endpoint, method);
            if (value == null && endpoint.getStateKey() == null && !legacyKey.equals(stateKey)) {
                String legacy = stateRepository.getState(legacyKey);
                if (legacy != null && !legacy.startsWith(MIGRATED)) {
                    value = legacy;
                    // taken over once: a second consumer (another server) must not read the same watermark
                    stateRepository.setState(legacyKey, MIGRATED + stateKey);
                    LOG.info("{}: state of the former key '{}' ({}) taken over under '{}'", endpoint, legacyKey, legacy,
                            stateKey);
                }
            }
            state = ConsumerState.parse(value, mode == PortaBillingConsumerMode.incremental);
            if (state.migrated()) {
                LOG.info("{}: position saved in the first format ({}): the walk starts over{}", endpoint, value,
                        state.newRecords() != null && state.newRecords().watermark() != null
                                ? ", delivering only records above " + idKey + " " + state.newRecords().watermark() : "");
            }
        }
        cursor = state.cursor();
        newRecords = state.newRecords();
        if (!cursor.atStart()) {
            cycleStartNanos = System.nanoTime(); // a cycle resumed mid-list
        }
        if (state.migrated()) {
            saveState();
        }
    }

    /** The value a former state key is left with once its state was taken over. */
    static final String MIGRATED = "migrated:";

    /** Polls are refused once the consumer decided to stop its route. */
    @Override
    protected boolean isPollAllowed() {
        return !halted && super.isPollAllowed();
    }

    /**
     * One page per poll (pages with nothing new are walked in the same poll); the position moves past each record
     * that was processed.
     */
    @Override
    protected int poll() throws Exception {
        ListPager.Result page;
        List<Integer> picked;
        while (true) {
            if (cursor.atStart()) {
                startCycle();
                if (newRecords != null) {
                    observeNewest();
                }
            }
            boolean firstPage = cursor.atStart();
            page = pager.fetch(cursor);
            picked = pick(page, firstPage);
            if (!picked.isEmpty() || page.last() || !isRunAllowed()) {
                break;
            }
            moveTo(page.next());
        }
        Queue<Object> exchanges = new ArrayDeque<>(picked.size());
        for (int index : picked) {
            exchanges.add(createExchange(page.records().get(index), page));
        }
        int processed = processBatch(exchanges);
        for (int i = 0; i < processed; i++) {
            markDelivered(page.records().get(picked.get(i)));
        }
        if (processed < picked.size()) {
            recordFailed(page, picked, processed);
        }
        failedKey = null;
        failedAttempts = 0;
        count(processed);
        if (page.last()) {
            endCycle(page);
            // one empty exchange per cycle in full mode, one per poll with nothing new in incremental mode
            if (isIdleSignal() && (mode == PortaBillingConsumerMode.full || processed == 0)) {
                processEmptyMessage();
            }
        } else {
            lastPageFull = true;
            moveTo(page.next());
        }
        return processed;
    }

    /** The indexes of the page's records that become exchanges: all in full mode, the new ones in incremental mode. */
    private List<Integer> pick(ListPager.Result page, boolean firstPage) {
        List<Integer> picked = new ArrayList<>(page.records().size());
        for (int i = 0; i < page.records().size(); i++) {
            Map<String, Object> record = page.records().get(i);
            if (newRecords == null) {
                picked.add(i);
                continue;
            }
            Long id = RequestParams.idValue(record.get(idKey));
            if (id != null) {
                if (firstPage) {
                    newRecords.observeFirstPage(id);
                } else {
                    newRecords.observe(id);
                }
            }
            if (newRecords.isNew(id)) {
                picked.add(i);
            }
        }
        return picked;
    }

    private void markDelivered(Map<String, Object> record) {
        Long id = RequestParams.idValue(record.get(idKey));
        if (newRecords != null && id != null && newRecords.delivered(id)) {
            LOG.warn("{}: more than {} records above the watermark delivered in one cycle: the lowest of them are"
                     + " forgotten and may be delivered again in the next cycle", endpoint, NewRecords.MAX_DELIVERED);
        }
    }

    /**
     * Incremental mode, before a cycle's first page: the list's last page, whose ids existed before the walk began.
     * When the list is in an order that follows the ids it holds the newest records, so that the watermark can rise
     * that far once the cycle completes and few delivered ids need remembering.
     */
    private void observeNewest() {
        Long total = newRecords.lastTotal();
        if (total == null) {
            ListPager.Page head = fetchPage(0, 1, true);
            head.records().forEach(r -> observeStart(r));
            total = head.total();
        }
        if (total != null && total > 1) {
            int size = endpoint.getPageSize();
            fetchPage((int) Math.max(0, total - size), size, false).records().forEach(this::observeStart);
        }
    }

    private void observeStart(Map<String, Object> record) {
        Long id = RequestParams.idValue(record.get(idKey));
        if (id != null) {
            newRecords.observeFirstPage(id);
        }
    }

    /**
     * The record at {@code picked[processed]} failed: the position moves to it (the records before it are done) and
     * the poll fails; after maxPageAttempts failures in a row it is skipped or the route stops.
     */
    private void recordFailed(ListPager.Result page, List<Integer> picked, int processed) {
        int index = picked.get(processed);
        Map<String, Object> record = page.records().get(index);
        Long id = RequestParams.idValue(record.get(idKey));
        ListPager.Cursor atRecord = page.cursorAfter(index);
        String key = id != null ? id.toString() : "@" + atRecord.offset();
        int attempts = key.equals(failedKey) ? failedAttempts + 1 : 1;
        Exception cause = lastFailure;
        count(processed);
        lastPageFull = false;
        String what = "PortaBilling record " + idKey + "=" + id + " (" + service + "/" + method + ", offset "
                      + page.offset() + ")";
        if (attempts < endpoint.getMaxPageAttempts()) {
            failedKey = key;
            failedAttempts = attempts;
            moveTo(atRecord);
            LOG.warn("{} failed ({} of {} attempts): it is offered again at the next poll", what, attempts,
                    endpoint.getMaxPageAttempts());
            throw new RecordFailure(what + " failed, attempt " + attempts, cause);
        }
        failedKey = null;
        failedAttempts = 0;
        if (endpoint.getPoisonRecordAction() == PortaBillingPoisonRecordAction.stop) {
            moveTo(atRecord);
            halted = true;
            LOG.warn("{} failed {} times (maxPageAttempts): stopping route {} (poisonRecordAction=stop); the position"
                     + " stays at this record", what, attempts, getRouteId());
            stopRouteLater();
            throw new RecordFailure(what + " failed " + attempts + " times: route stopped", cause);
        }
        skipped++;
        markDelivered(record);
        moveTo(page.cursorAfter(index + 1));
        LOG.warn("{} failed {} times (maxPageAttempts): skipped (poisonRecordAction=skip); each failure went to the"
                 + " route's error handler", what, attempts);
        throw new RecordFailure(what + " failed " + attempts + " times: skipped", cause);
    }

    private void stopRouteLater() {
        String routeId = getRouteId();
        org.apache.camel.CamelContext context = endpoint.getCamelContext();
        // a route cannot be stopped from its own consumer thread: the stop waits for this poll to end
        context.getExecutorServiceManager().newThread("PortaBillingStopRoute", () -> {
            try {
                context.getRouteController().stopRoute(routeId);
            } catch (Exception e) {
                LOG.warn("Cannot stop route {}: {}", routeId, e.getMessage(), e);
            }
        }).start();
    }

    /** Processes the page in order and stops at the first exchange that fails; returns how many succeeded. */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int done = 0;
        lastFailure = null;
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
            if (exchange.getException() != null || exchange.isRollbackOnly()) {
                // the route's error handler has handled this exchange: the poll reports it, nobody handles it again
                lastFailure = exchange.getException() != null ? exchange.getException()
                        : new IllegalStateException("the exchange was marked rollback only");
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
     * asynchronous one is waited for (the position must not move before the record is done).
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
        if (page.total() != null) {
            message.setHeader(PortaBillingConstants.TOTAL, page.total());
        }
        return exchange;
    }

    private void count(int processed) {
        cycleDelivered += processed;
        delivered += processed;
    }

    private void startCycle() {
        cycleStartNanos = System.nanoTime();
        cycleDelivered = 0;
        if (newRecords != null) {
            newRecords.startCycle();
        }
    }

    private void endCycle(ListPager.Result page) {
        cycles++;
        long millis = (System.nanoTime() - cycleStartNanos) / 1_000_000;
        String total = page.total() != null ? " (total " + page.total() + ")" : "";
        if (newRecords != null && page.end() != ListPager.End.GAVE_UP) {
            newRecords.cycleCompleted(page.total());
        }
        // an incremental consumer with a short delay ends many cycles with nothing new: keep those quiet
        if (cycleDelivered > 0) {
            LOG.info("{}: cycle {} done, {} records delivered{} in {} ms, {} calls", endpoint, cycles, cycleDelivered,
                    total, millis, page.next().calls());
        } else {
            LOG.debug("{}: cycle {} done, no new records{} in {} ms, {} calls", endpoint, cycles, total, millis,
                    page.next().calls());
        }
        lastPageFull = false;
        moveTo(ListPager.Cursor.START);
    }

    private void moveTo(ListPager.Cursor next) {
        cursor = next;
        saveState();
    }

    private void saveState() {
        if (stateRepository != null) {
            stateRepository.setState(stateKey, ConsumerState.format(cursor, newRecords));
        }
    }

    /** Whether the endpoint asked for an empty exchange when idle; this consumer sends it itself, see poll(). */
    private boolean isIdleSignal() {
        return super.isSendEmptyMessageWhenIdle();
    }

    /**
     * Camel's rule (an empty exchange after every poll of 0) does not fit a list walked over many polls: the consumer
     * sends the idle signal itself, once per cycle in full mode and once per poll with nothing new in incremental mode.
     */
    @Override
    public boolean isSendEmptyMessageWhenIdle() {
        return false;
    }

    /**
     * Drains the list without waiting {@code delay} while pages come back full, and waits {@code delay} after the
     * last page of a cycle or after a failed page, whatever the greedy option says.
     */
    @Override
    public boolean isGreedy() {
        return lastPageFull;
    }

    private ListPager.Page fetchPage(int offset, int limit, boolean withTotal) {
        Map<String, Object> params = new LinkedHashMap<>(endpoint.getFilter());
        params.put("limit", limit);
        params.put("offset", offset);
        if (withTotal) {
            params.put("get_total", 1);
        }
        Map<String, Object> answer = session.call(service, method, params);
        List<Map<String, Object>> records = ListAnswer.records(answer, listKey, service, method);
        return new ListPager.Page(records, ListAnswer.total(answer));
    }

    /** The offset the next page starts at (0 at the start of a cycle). */
    public int getOffset() {
        return cursor.offset();
    }

    /** In incremental mode, the id at or below which every record counts as delivered; null otherwise. */
    public Long getWatermark() {
        NewRecords n = newRecords;
        return n != null ? n.watermark() : null;
    }

    public long getCycles() {
        return cycles;
    }

    public long getDelivered() {
        return delivered;
    }

    /** Records skipped after maxPageAttempts failures (poisonRecordAction=skip). */
    public long getSkipped() {
        return skipped;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * The same endpoint options on the same server give the same key, so a restarted route finds its state again,
     * and two servers (or realms, or logins) never share one.
     */
    static String defaultStateKey(PortaBillingEndpoint endpoint, String method, PortaBillingSession session) {
        String key = legacyStateKey(endpoint, method) + "|server:" + session.getBaseUrl() + "|realm:" + session.getRealm()
                     + "|login:" + session.getLogin();
        return key.replace('=', ':').replace('\n', ' ');
    }

    /** The key of the first release, without the server: still read once, see {@link #restoreState()}. */
    static String legacyStateKey(PortaBillingEndpoint endpoint, String method) {
        StringBuilder key = new StringBuilder("portabilling:").append(endpoint.getService()).append('/')
                .append(endpoint.getRecordType()).append('|').append(method).append('|').append(endpoint.getMode());
        new TreeMap<>(endpoint.getFilter()).forEach((k, v) -> key.append('|').append(k).append(':').append(v));
        // the file state repository stores key=value lines
        return key.toString().replace('=', ':').replace('\n', ' ');
    }
}
