package io.github.camelportabilling.component.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.camelportabilling.component.PortaBillingException;

/**
 * Iterates over every record of a list, holding one page at a time and fetching the next one only when the current
 * one is used up. A failed fetch is thrown from {@link #hasNext()} (a {@code PortaBillingException}), never a hang,
 * and the iterator stays failed: it never resumes after a page it could not read. A walk the pager had to give up
 * (its call bound reached, or the boundary lost too often) fails the same way instead of ending as if the list
 * were complete.
 */
public final class PagingIterator implements Iterator<Map<String, Object>> {

    private final ListPager pager;
    private final String service;
    private final String method;
    private ListPager.Cursor cursor;
    private Iterator<Map<String, Object>> page;
    private ListPager.End end;
    private RuntimeException failure;

    /** Starts after an already fetched first page. */
    public PagingIterator(ListPager pager, ListPager.Result firstPage, String service, String method) {
        this.pager = pager;
        this.service = service;
        this.method = method;
        accept(firstPage);
    }

    private void accept(ListPager.Result result) {
        cursor = result.next();
        end = result.end();
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
            while (!page.hasNext() && end == ListPager.End.MORE) {
                accept(pager.fetch(cursor));
            }
            if (!page.hasNext() && end == ListPager.End.GAVE_UP) {
                throw new PortaBillingException("PortaBilling " + service + "/" + method + ": the walk of the list"
                                                + " stopped early at offset " + cursor.offset() + " (see the WARN"
                                                + " before): the records after it were not read",
                        service, method, null, null, 0, null);
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
