package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incremental consumer's choice of records: each page's records are observed (their ids existed when the page was
 * fetched) and only the new ones, per {@link NewRecords}, become exchanges.
 */
public final class NewRecordsFilter {

    private static final Logger LOG = LoggerFactory.getLogger(NewRecordsFilter.class);

    private final NewRecords newRecords;
    private final String idKey;
    private final ListPager.PageSource source;
    private final int pageSize;
    private final Object owner;

    public NewRecordsFilter(NewRecords newRecords, String idKey, ListPager.PageSource source, int pageSize,
                            Object owner) {
        this.newRecords = newRecords;
        this.idKey = idKey;
        this.source = source;
        this.pageSize = pageSize;
        this.owner = owner;
    }

    public NewRecords state() {
        return newRecords;
    }

    /**
     * A cycle starts. Before its first page the list's last page is read: its ids existed before the walk began, and
     * when the order follows the ids it holds the newest records, so that the watermark can rise that far once the
     * cycle completes and few delivered ids need remembering (one call; two on the first cycle, which learns the
     * total first).
     */
    public void cycleStarts() {
        newRecords.startCycle();
        Long total = newRecords.lastTotal();
        if (total == null) {
            ListPager.Page head = source.fetch(0, 1, true);
            head.records().forEach(r -> observe(r, true));
            total = head.total();
        }
        if (total != null && total > 1) {
            source.fetch((int) Math.max(0, total - pageSize), pageSize, false).records().forEach(r -> observe(r, true));
        }
    }

    /** The indexes of the new records among a page's records. */
    public List<Integer> pick(List<Map<String, Object>> records, boolean firstPage) {
        List<Integer> picked = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Long id = observe(records.get(i), firstPage);
            if (newRecords.isNew(id)) {
                picked.add(i);
            }
        }
        return picked;
    }

    private Long observe(Map<String, Object> record, boolean atCycleStart) {
        Long id = RequestParams.idValue(record.get(idKey));
        if (id != null) {
            if (atCycleStart) {
                newRecords.observeFirstPage(id);
            } else {
                newRecords.observe(id);
            }
        }
        return id;
    }

    public void delivered(Map<String, Object> record) {
        Long id = RequestParams.idValue(record.get(idKey));
        if (id != null && newRecords.delivered(id)) {
            LOG.warn("{}: more than {} records above the watermark delivered in one cycle: the lowest of them are"
                     + " forgotten and may be delivered again in the next cycle", owner, NewRecords.MAX_DELIVERED);
        }
    }

    public void cycleCompleted(Long total) {
        newRecords.cycleCompleted(total);
    }
}
