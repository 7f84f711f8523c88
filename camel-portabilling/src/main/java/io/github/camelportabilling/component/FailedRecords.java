package io.github.camelportabilling.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelportabilling.component.internal.ListPager;
import io.github.camelportabilling.component.internal.RecordFailure;
import io.github.camelportabilling.component.internal.RequestParams;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's rule for a record (with pagePerExchange, a page) whose exchange failed: the position stays at it, so
 * the next poll offers it again; after {@code maxPageAttempts} failures of the same one in a row it is skipped (the
 * position moves past it) or the route stops with the position at it ({@code poisonRecordAction}). Every outcome ends
 * the poll with a {@link RecordFailure}, so backoff and the health check see it.
 */
final class FailedRecords {

    // the consumer's category: a user who tuned the consumer's logging gets these lines as before
    private static final Logger LOG = LoggerFactory.getLogger(PortaBillingConsumer.class);

    /** What a failure does to the consumer's position. */
    interface Position {
        void moveTo(ListPager.Cursor cursor);

        void delivered(Map<String, Object> record);

        /** No more polls: the route is being stopped. */
        void halt();

        String routeId();
    }

    private final PortaBillingEndpoint endpoint;
    private final String what;
    private final String idKey;
    private final Position position;
    /** The one that failed last ({@code idKey} value, or its offset when it has none) and how often in a row. */
    private String failedKey;
    private int failedAttempts;
    private volatile long skipped;

    FailedRecords(PortaBillingEndpoint endpoint, String what, String idKey, Position position) {
        this.endpoint = endpoint;
        this.what = what;
        this.idKey = idKey;
        this.position = position;
    }

    /** A page was done: the count of failures in a row starts again. */
    void pageDone() {
        failedKey = null;
        failedAttempts = 0;
    }

    /** Records skipped so far (poisonRecordAction=skip). */
    long skipped() {
        return skipped;
    }

    /** The record at {@code picked[processed]} failed; the records before it are done. */
    RecordFailure recordFailed(ListPager.Result page, List<Integer> picked, int processed, Exception cause) {
        int index = picked.get(processed);
        Map<String, Object> record = page.records().get(index);
        Long id = RequestParams.idValue(record.get(idKey));
        ListPager.Cursor atRecord = page.cursorAfter(index);
        return failed("PortaBilling record " + idKey + "=" + id + " (" + what + ", offset " + page.offset() + ")",
                id != null ? id.toString() : "@" + atRecord.offset(), atRecord, page.cursorAfter(index + 1),
                List.of(record), cause);
    }

    /** pagePerExchange: the page's exchange failed. */
    RecordFailure pageFailed(ListPager.Result page, List<Integer> picked, Exception cause) {
        List<Map<String, Object>> records = new ArrayList<>(picked.size());
        picked.forEach(i -> records.add(page.records().get(i)));
        Long first = RequestParams.idValue(records.get(0).get(idKey));
        Long last = RequestParams.idValue(records.get(records.size() - 1).get(idKey));
        ListPager.Cursor atPage = page.cursorAfter(picked.get(0));
        return failed("PortaBilling page of " + records.size() + " records, " + idKey + " " + first + " to " + last
                      + " (" + what + ", offset " + page.offset() + ")", "page@" + first + "@" + atPage.offset(),
                atPage, page.next(), records, cause);
    }

    private RecordFailure failed(String failed, String key, ListPager.Cursor at, ListPager.Cursor past,
                                 List<Map<String, Object>> records, Exception cause) {
        int attempts = key.equals(failedKey) ? failedAttempts + 1 : 1;
        int maxAttempts = endpoint.getMaxPageAttempts();
        if (attempts < maxAttempts) {
            failedKey = key;
            failedAttempts = attempts;
            position.moveTo(at);
            LOG.warn("{} failed ({} of {} attempts): it is offered again at the next poll", failed, attempts,
                    maxAttempts);
            return new RecordFailure(failed + " failed, attempt " + attempts, cause);
        }
        pageDone();
        if (endpoint.getPoisonRecordAction() == PortaBillingPoisonRecordAction.stop) {
            position.moveTo(at);
            position.halt();
            String routeId = position.routeId();
            LOG.warn("{} failed {} times (maxPageAttempts): stopping route {} (poisonRecordAction=stop); the position"
                     + " stays at this record", failed, attempts, routeId);
            stopRouteLater(routeId);
            return new RecordFailure(failed + " failed " + attempts + " times: route stopped", cause);
        }
        skipped += records.size();
        records.forEach(position::delivered);
        position.moveTo(past);
        LOG.warn("{} failed {} times (maxPageAttempts): skipped (poisonRecordAction=skip); each failure went to the"
                 + " route's error handler", failed, attempts);
        return new RecordFailure(failed + " failed " + attempts + " times: skipped", cause);
    }

    private void stopRouteLater(String routeId) {
        CamelContext context = endpoint.getCamelContext();
        // a route cannot be stopped from its own consumer thread: the stop waits for this poll to end
        context.getExecutorServiceManager().newThread("PortaBillingStopRoute", () -> {
            try {
                context.getRouteController().stopRoute(routeId);
            } catch (Exception e) {
                LOG.warn("Cannot stop route {}: {}", routeId, e.getMessage(), e);
            }
        }).start();
    }
}
