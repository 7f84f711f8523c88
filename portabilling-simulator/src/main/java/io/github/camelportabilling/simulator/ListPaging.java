package io.github.camelportabilling.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How list methods honour {@code limit}/{@code offset}, with the switches for what some servers and proxies do
 * instead: a cap on the records per page below the {@code limit} asked for ({@code total} stays right), and
 * methods that ignore {@code limit}/{@code offset} and answer the whole list.
 */
final class ListPaging {

    private volatile int pageCap;
    private final Set<String> ignoring = ConcurrentHashMap.newKeySet();

    /** At most {@code cap} records per page whatever {@code limit} says; 0 = no cap. */
    void setPageCap(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("page cap must not be negative, got " + cap);
        }
        this.pageCap = cap;
    }

    int pageCap() {
        return pageCap;
    }

    void setIgnored(String serviceMethod, boolean ignored) {
        if (ignored) {
            ignoring.add(serviceMethod);
        } else {
            ignoring.remove(serviceMethod);
        }
    }

    boolean ignores(String serviceMethod) {
        return ignoring.contains(serviceMethod);
    }

    /** The params the list is served with: paging as this server does it. */
    Map<String, Object> apply(String serviceMethod, Map<String, Object> params) {
        int cap = pageCap;
        boolean ignore = ignoring.contains(serviceMethod);
        if (cap == 0 && !ignore) {
            return params;
        }
        Map<String, Object> served = new LinkedHashMap<>(params);
        if (ignore) {
            served.remove("limit");
            served.remove("offset");
        }
        if (cap > 0) {
            int limit = FieldValues.optInt(served, "limit", 0);
            served.put("limit", limit == 0 ? cap : Math.min(limit, cap));
        }
        return served;
    }
}
