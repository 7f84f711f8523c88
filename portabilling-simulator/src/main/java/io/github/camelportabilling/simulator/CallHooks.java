package io.github.camelportabilling.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hooks registered with {@link PortaBillingSimulator#onCall}; {@code "*"} runs for every call, Session ones included. */
final class CallHooks {

    private static final class Entry {
        final String serviceMethod;
        final CallHook hook;

        Entry(String serviceMethod, CallHook hook) {
            this.serviceMethod = serviceMethod;
            this.hook = hook;
        }
    }

    private final List<Entry> hooks = new CopyOnWriteArrayList<>();

    void add(String serviceMethod, CallHook hook) {
        if (serviceMethod == null || hook == null) {
            throw new IllegalArgumentException("serviceMethod and hook are required");
        }
        hooks.add(new Entry(serviceMethod, hook));
    }

    void clear() {
        hooks.clear();
    }

    void run(String serviceMethod, long callNumber, Map<String, Object> params) {
        for (Entry e : hooks) {
            if (e.serviceMethod.equals("*") || e.serviceMethod.equals(serviceMethod)) {
                e.hook.beforeCall(callNumber, params);
            }
        }
    }
}
