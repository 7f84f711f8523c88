package io.github.camelportabilling.component.internal;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.camelportabilling.component.PortaBillingException;

/**
 * Iterates over every record of a list, holding the page in use and (with prefetch or parallel pages) the pages
 * fetched ahead of it by {@link PagesAhead}: fetching ahead starts when the iteration does, and each page is taken in
 * list order with its boundary checked as it is taken. A failed fetch is thrown from {@link #hasNext()} (a
 * {@code PortaBillingException}), never a hang, and the iterator stays failed: it never resumes after a page it could
 * not read. A walk the pager had to give up (its call bound reached, or the boundary lost too often) fails the same
 * way instead of ending as if the list were complete. {@link #close()} (Camel's splitter calls it when done) drops
 * the pages fetched ahead and ends the iteration.
 */
public final class PagingIterator implements Iterator<Map<String, Object>>, Closeable {

    private final ListPager pager;
    private final PagesAhead pages;
    private final String service;
    private final String method;
    private ListPager.Result current;
    private ListPager.Cursor cursor;
    private Iterator<Map<String, Object>> page;
    private ListPager.End end;
    private RuntimeException failure;
    private boolean started;

    /** Starts after an already fetched first page; {@code pages} is the pager's source. */
    public PagingIterator(ListPager pager, PagesAhead pages, ListPager.Result firstPage, String service, String method) {
        this.pager = pager;
        this.pages = pages;
        this.service = service;
        this.method = method;
        accept(firstPage);
    }

    private void accept(ListPager.Result result) {
        current = result;
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
            if (!started) {
                started = true;
                pages.after(pager, current);
            }
            while (!page.hasNext() && end == ListPager.End.MORE) {
                accept(pager.fetch(cursor));
                pages.after(pager, current);
            }
            if (!page.hasNext() && end == ListPager.End.GAVE_UP) {
                throw new PortaBillingException("PortaBilling " + service + "/" + method + ": the walk of the list"
                                                + " stopped early at offset " + cursor.offset() + " (see the WARN"
                                                + " before): the records after it were not read",
                        service, method, null, null, 0, null);
            }
        } catch (RuntimeException e) {
            failure = e;
            pages.discard();
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

    /** Ends the iteration: the pages fetched ahead are dropped, and no more are fetched. */
    @Override
    public void close() {
        pages.discard();
        started = true;
        end = ListPager.End.LIST_END;
        page = java.util.Collections.emptyIterator();
    }
}
