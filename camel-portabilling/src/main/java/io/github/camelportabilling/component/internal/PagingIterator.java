package io.github.camelportabilling.component.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Iterates over every record of a list, holding one page at a time and fetching the next one only when the current
 * one is used up. A failed fetch is thrown from {@link #hasNext()} (a {@code PortaBillingException}), never a hang,
 * and the iterator stays failed: it never resumes after a page it could not read.
 */
public final class PagingIterator implements Iterator<Map<String, Object>> {

    private final ListPager pager;
    private ListPager.Cursor cursor;
    private Iterator<Map<String, Object>> page;
    private boolean last;
    private RuntimeException failure;

    /** Starts after an already fetched first page. */
    public PagingIterator(ListPager pager, ListPager.Result firstPage) {
        this.pager = pager;
        accept(firstPage);
    }

    private void accept(ListPager.Result result) {
        cursor = result.next();
        last = result.last();
        page = result.records().iterator();
    }

    /**
     * @throws RuntimeException the page fetch failure; once a fetch failed, every later call throws it again rather
     *                          than carrying on past the missing page
     */
    @Override
    public boolean hasNext() {
        if (failure != null) {
            throw failure;
        }
        try {
            while (!page.hasNext() && !last) {
                accept(pager.fetch(cursor));
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
        return page.hasNext();
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more records in the list");
        }
        return page.next();
    }
}
