package io.github.camelportabilling.example;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelportabilling.component.PortaBillingConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** What the routes did in this run, for the progress logs and the summary. Called from several route threads. */
public class RunStats {

    /** A record the API (or the route) refused, and why. */
    public record Rejection(String file, String reason) {
    }

    /** An account created from the inbox. */
    public record CreatedAccount(long iAccount, String id) {
    }

    private final AtomicInteger customersCreated = new AtomicInteger();
    private final List<CreatedAccount> accountsCreated = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Map<String, Long> synced = new TreeMap<>(); // by file name, so the summary's order is fixed
    private volatile Map<String, Object> closedAccount;
    private volatile String lifecycleFailure;
    private volatile boolean completed;

    public void customerCreated() {
        customersCreated.incrementAndGet();
    }

    public synchronized void accountCreated(@Header(PortaBillingConstants.ID) long iAccount,
                                            @ExchangeProperty(InboxRoutes.RECORD_ID) String id) {
        accountsCreated.add(new CreatedAccount(iAccount, id));
    }

    public synchronized void rejected(@ExchangeProperty(InboxRoutes.FILE) String file,
                                      @ExchangeProperty(InboxRoutes.REJECTION) String reason) {
        rejections.add(new Rejection(file, reason));
    }

    /** Counts one record written to a sync file; returns how many that file holds now. */
    public synchronized long synced(@Header(Exchange.FILE_NAME_PRODUCED) String file) {
        return synced.merge(file, 1L, Long::sum);
    }

    /** The i_account of the first account created in this run, or null. */
    public synchronized Long firstCreatedAccount() {
        return accountsCreated.isEmpty() ? null : accountsCreated.get(0).iAccount();
    }

    /** The account as the API showed it after the lifecycle route terminated it. */
    public void accountClosed(Map<String, Object> account) {
        closedAccount = account;
    }

    public void lifecycleFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        lifecycleFailure = e == null ? "unknown error" : e.getMessage();
    }

    public void completed() {
        completed = true;
    }

    public boolean isCompleted() {
        return completed;
    }

    public int customersCreated() {
        return customersCreated.get();
    }

    public synchronized List<CreatedAccount> accountsCreated() {
        return List.copyOf(accountsCreated);
    }

    public synchronized List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** Sync file (as the file producer named it) to records written, by file name. */
    public synchronized Map<String, Long> synced() {
        return new TreeMap<>(synced);
    }

    public Map<String, Object> closedAccount() {
        return closedAccount;
    }

    public String lifecycleFailure() {
        return lifecycleFailure;
    }

    /** One line for the log once the inbox has been read. */
    public synchronized String inboxResult() {
        return customersCreated.get() + " customers and " + accountsCreated.size() + " accounts created, "
               + rejections.size() + " records rejected";
    }
}
