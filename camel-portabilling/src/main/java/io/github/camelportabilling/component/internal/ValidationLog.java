package io.github.camelportabilling.component.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What validation found, for the log and the dev console: each distinct problem is logged at WARN once (a route that
 * sends the same misspelled field a million times logs it once, then at DEBUG), and the last
 * {@value #RECENT} problems are kept with when they were last seen and how often.
 */
public final class ValidationLog {

    static final int RECENT = 20;
    private static final int MAX_WARNED = 2_048;
    private static final Logger LOG = LoggerFactory.getLogger("io.github.camelportabilling.component.validation");

    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final LongAdder problems = new LongAdder();
    private final LongAdder refused = new LongAdder();

    private static final class Entry {
        final String text;
        final boolean error;
        long count;
        Instant last;

        Entry(String text, boolean error) {
            this.text = text;
            this.error = error;
        }
    }

    /** Logs (once each) and keeps problems that were reported, not refused. */
    public void reported(List<ParamsChecker.Problem> found) {
        for (ParamsChecker.Problem p : found) {
            keep(p);
            // bounded: past MAX_WARNED distinct problems, new ones go to DEBUG only
            boolean first = !warned.contains(p.text()) && warned.size() < MAX_WARNED && warned.add(p.text());
            if (first) {
                LOG.warn("PortaBilling {}{}", p.text(),
                        p.error() ? " (sent anyway: validation=warn; validation=fail refuses it)" : "");
            } else {
                LOG.debug("PortaBilling {}", p.text());
            }
        }
    }

    /** Keeps the problems of a call that was refused (they are in the exception, not logged). */
    public void refused(List<ParamsChecker.Problem> found) {
        refused.increment();
        found.forEach(this::keep);
    }

    private synchronized void keep(ParamsChecker.Problem p) {
        problems.increment();
        Entry entry = null;
        for (Entry e : recent) {
            if (e.text.equals(p.text())) {
                entry = e;
                break;
            }
        }
        if (entry == null) {
            entry = new Entry(p.text(), p.error());
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
        } else {
            recent.remove(entry);
        }
        entry.count++;
        entry.last = Instant.now();
        recent.addLast(entry);
    }

    /** The last problems, newest first: text, error or warning, how often, when last. */
    public synchronized List<Map<String, Object>> recent() {
        List<Map<String, Object>> out = new ArrayList<>(recent.size());
        recent.descendingIterator().forEachRemaining(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problem", e.text);
            m.put("severity", e.error ? "error" : "warning");
            m.put("count", e.count);
            m.put("last", e.last.toString());
            out.add(m);
        });
        return out;
    }

    /** Problems found so far (each occurrence). */
    public long problemCount() {
        return problems.sum();
    }

    /** Calls refused by validation=fail. */
    public long refusedCount() {
        return refused.sum();
    }
}
