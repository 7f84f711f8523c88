package io.github.camelportabilling.component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;

import io.github.camelportabilling.component.internal.ConsumerState;
import io.github.camelportabilling.component.internal.ConsumerStateStore;
import io.github.camelportabilling.component.internal.LeadershipStateCheck;
import io.github.camelportabilling.component.internal.ListPager;
import io.github.camelportabilling.component.internal.MethodNames;
import io.github.camelportabilling.component.internal.NewRecordsFilter;
import io.github.camelportabilling.component.internal.PageFetchers;
import io.github.camelportabilling.component.internal.PagesAhead;
import io.github.camelportabilling.component.internal.RecordFailureHandler;
import io.github.camelportabilling.component.internal.RequestParams;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
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
 * {@code poisonRecordAction} skips it or stops the route. With {@code pagePerExchange} a page is one exchange and
 * all of this applies to the page.
 * <p>
 * While a page is processed the next ones are fetched ahead ({@code prefetch}, {@code parallelPages}; see
 * {@link PagesAhead}): fetching ahead only reads, the boundary of each page is checked when the page is taken, and the
 * position and state move only once a page is done, so the guarantees above do not depend on it. A failed page drops
 * what was fetched ahead; a stop waits for the calls in flight. Memory is bounded by {@code parallelPages + 1} pages
 * (two with prefetch, one without).
 */
public class PortaBillingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingConsumer.class);

    private final PortaBillingEndpoint endpoint;
    private final String service;
    private final String method;
    private final String idKey;
    private final PortaBillingConsumerMode mode;
    private final StateRepository<String, String> stateRepository;
    private final ListPager.Notices notices = new ListPager.Notices();
    private final ListPageSource source;
    private final FailedRecords failures;

    private PortaBillingSession session;
    private PageFetchers fetchers;
    private PagesAhead pages;
    private ListPager pager;
    private ConsumerStateStore state;
    private volatile ListPager.Cursor cursor = ListPager.Cursor.START;
    /** The incremental mode's choice of new records; null in full mode. */
    private NewRecordsFilter newRecords;
    private volatile boolean lastPageFull;
    private volatile boolean halted;

    /** The exception of the exchange that failed in the last batch. */
    private Exception lastFailure;

    private final ListCycles cycles;

    public PortaBillingConsumer(PortaBillingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.service = endpoint.getService();
        this.method = endpoint.getMethod() != null
                ? endpoint.getMethod() : MethodNames.methodFor(PortaBillingOperation.list, endpoint.getRecordType());
        this.idKey = endpoint.effectiveIdKey();
        this.mode = endpoint.getMode();
        this.stateRepository = endpoint.getStateRepository();
        this.cycles = new ListCycles(endpoint);
        this.source = new ListPageSource(endpoint, service, method, notices);
        this.failures = new FailedRecords(endpoint, service + "/" + method, idKey, new FailedRecords.Position() {
            @Override
            public void moveTo(ListPager.Cursor next) {
                PortaBillingConsumer.this.moveTo(next);
            }

            @Override
            public void delivered(Map<String, Object> record) {
                markDelivered(record);
            }

            @Override
            public void halt() {
                halted = true;
            }

            @Override
            public String routeId() {
                return getRouteId();
            }
        });
    }

    @Override
    protected void doStart() throws Exception {
        session = endpoint.getSession();
        if (!(getPollStrategy() instanceof LoginHoldBackoff)) {
            setPollStrategy(new LoginHoldBackoff(getPollStrategy(), this, () -> session));
        }
        fetchers = new PageFetchers(endpoint.getCamelContext(), this, endpoint.isPrefetch(), endpoint.getParallelPages());
        pages = fetchers.walk((offset, limit, withTotal) -> source.fetch(session, offset, limit, withTotal), 2 * session.getConfiguration().getCallTimeout(), service + "/" + method);
        pager = new ListPager(pages, idKey, endpoint.getPageSize(), service + "/" + method, notices);
        boolean explicitKey = endpoint.getStateKey() != null;
        String key = explicitKey ? endpoint.getStateKey()
                : ConsumerStateStore.keyOf(service, endpoint.getRecordType(), method, mode, endpoint.getFilter(),
                        session.getBaseUrl(), session.getRealm(), session.getLogin());
        String formerKey = explicitKey ? null
                : ConsumerStateStore.formerKeyOf(service, endpoint.getRecordType(), method, mode, endpoint.getFilter());
        state = new ConsumerStateStore(stateRepository, key, formerKey, endpoint);
        LeadershipStateCheck.check(this, endpoint.getCamelContext(), stateRepository, endpoint);
        halted = false;
        if (!(getExceptionHandler() instanceof RecordFailureHandler)) {
            setExceptionHandler(new RecordFailureHandler(getExceptionHandler()));
        }
        ConsumerState saved = state.load(mode == PortaBillingConsumerMode.incremental);
        cursor = saved.cursor();
        newRecords = saved.newRecords() == null ? null
                : new NewRecordsFilter(saved.newRecords(), idKey, pages, endpoint.getPageSize(), endpoint);
        if (!cursor.atStart()) {
            cycles.resumed();
        }
        LOG.info("{} starts: {} mode over {}/{}, pages of {}{}, {} {} between cycles{}{}", endpoint, mode, service, method,
                endpoint.getPageSize(), " (" + fetchers.describe() + (endpoint.isPagePerExchange() ? ", one exchange per page"
                        : "") + ")", getDelay(), getTimeUnit().name().toLowerCase(),
                stateRepository != null ? ", state key '" + state.key() + "'" : "",
                cursor.offset() > 0 ? ", resuming at offset " + cursor.offset() : "");
        super.doStart();
    }

    /**
     * No call of this consumer is in flight once it stopped: the poll's own call and those fetching ahead are waited
     * for (each ends within its deadline; the wait is bounded by the executor manager's shutdown await).
     */
    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (fetchers != null && !fetchers.stop(pages)) {
            LOG.warn("{}: {} page fetches still in flight after the stop; they end within callTimeout, unread",
                    endpoint, pages.inFlight());
        }
    }

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
        source.describe(session);
        ListPager.Result page;
        List<Integer> picked;
        try {
            while (true) {
                if (cursor.atStart()) {
                    startCycle();
                }
                boolean firstPage = cursor.atStart();
                page = pager.fetch(cursor);
                pages.after(pager, page);
                picked = pick(page, firstPage);
                if (!picked.isEmpty() || page.last() || !isRunAllowed()) {
                    break;
                }
                moveTo(page.next());
            }
        } catch (RuntimeException e) {
            pages.discard();
            if (!isRunAllowed()) {
                LOG.debug("{}: page fetch ended by the stop: {}", endpoint, e.getMessage());
                return 0;
            }
            throw e;
        }
        int processed = endpoint.isPagePerExchange() ? deliverPage(page, picked) : deliverRecords(page, picked);
        if (processed < picked.size()) {
            pages.discard();
            lastPageFull = false;
            if (endpoint.isPagePerExchange()) {
                throw failures.pageFailed(page, picked, lastFailure);
            }
            cycles.count(processed);
            throw failures.recordFailed(page, picked, processed, lastFailure);
        }
        failures.pageDone();
        cycles.count(processed);
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

    /** One exchange per picked record, in list order, up to the first that fails; returns how many succeeded. */
    private int deliverRecords(ListPager.Result page, List<Integer> picked) throws Exception {
        Queue<Object> exchanges = new ArrayDeque<>(picked.size());
        for (int index : picked) {
            exchanges.add(createExchange(page.records().get(index), page));
        }
        int processed = processBatch(exchanges);
        for (int i = 0; i < processed; i++) {
            markDelivered(page.records().get(picked.get(i)));
        }
        return processed;
    }

    /** One exchange with the picked records as its body; returns all of them, or 0 when it failed. */
    private int deliverPage(ListPager.Result page, List<Integer> picked) throws Exception {
        if (picked.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> records = new ArrayList<>(picked.size());
        List<Long> ids = new ArrayList<>(picked.size());
        for (int index : picked) {
            Map<String, Object> record = page.records().get(index);
            records.add(record);
            ids.add(RequestParams.idValue(record.get(idKey)));
        }
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(records);
        message.setHeader(PortaBillingConstants.IDS, ids);
        pageHeaders(message, page);
        Queue<Object> one = new ArrayDeque<>(1);
        one.add(exchange);
        if (processBatch(one) == 0) {
            return 0;
        }
        records.forEach(this::markDelivered);
        return records.size();
    }

    /** The indexes of the page's records that become exchanges: all in full mode, the new ones in incremental mode. */
    private List<Integer> pick(ListPager.Result page, boolean firstPage) {
        if (newRecords != null) {
            return newRecords.pick(page.records(), firstPage);
        }
        List<Integer> all = new ArrayList<>(page.records().size());
        for (int i = 0; i < page.records().size(); i++) {
            all.add(i);
        }
        return all;
    }

    private void markDelivered(Map<String, Object> record) {
        if (newRecords != null) {
            newRecords.delivered(record);
        }
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
        pageHeaders(message, page);
        return exchange;
    }

    private static void pageHeaders(Message message, ListPager.Result page) {
        message.setHeader(PortaBillingConstants.PAGE_OFFSET, page.offset());
        if (page.total() != null) {
            message.setHeader(PortaBillingConstants.TOTAL, page.total());
        }
    }

    private void startCycle() {
        pages.discard();
        cycles.start();
        if (newRecords != null) {
            newRecords.cycleStarts();
        }
    }

    private void endCycle(ListPager.Result page) {
        if (newRecords != null && page.end() != ListPager.End.GAVE_UP) {
            newRecords.cycleCompleted(page.total());
        }
        cycles.end(page);
        lastPageFull = false;
        moveTo(ListPager.Cursor.START);
    }

    private void moveTo(ListPager.Cursor next) {
        cursor = next;
        saveState();
    }

    private void saveState() {
        state.save(cursor, newRecords != null ? newRecords.state() : null);
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

    /** The offset the next page starts at (0 at the start of a cycle). */
    public int getOffset() {
        return cursor.offset();
    }

    /** In incremental mode, the id at or below which every record counts as delivered; null otherwise. */
    public Long getWatermark() {
        NewRecordsFilter n = newRecords;
        return n != null ? n.state().watermark() : null;
    }

    public long getCycles() {
        return cycles.cycles();
    }

    public long getDelivered() {
        return cycles.delivered();
    }

    /** Records skipped after maxPageAttempts failures (poisonRecordAction=skip). */
    public long getSkipped() {
        return failures.skipped();
    }

    /** The key of this consumer's position in the state repository (known once started). */
    public String getStateKey() {
        return state != null ? state.key() : null;
    }
}
