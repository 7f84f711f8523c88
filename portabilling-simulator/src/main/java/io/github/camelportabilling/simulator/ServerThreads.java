package io.github.camelportabilling.simulator;

import com.sun.net.httpserver.HttpServer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's threads: a fixed pool named {@code pbsim-<port>-<n>} (created on demand, daemon, so a
 * forgotten simulator never keeps a JVM alive) plus the HTTP server's dispatcher thread; their CPU time is
 * what the benchmark reports as server cost.
 */
final class ServerThreads implements ThreadFactory {

    private static final String JDK_DISPATCHER_NAME = "HTTP-Dispatcher";

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    ServerThreads(int port) {
        this.prefix = "pbsim-" + port + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + counter.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    ExecutorService newPool(int size) {
        return new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), this);
    }

    /**
     * Starts the server and remembers its dispatcher thread. The JDK gives that thread a fixed name, so it is
     * found as the one new thread of that name; starts are serialized so two simulators cannot mix theirs up.
     */
    void start(HttpServer server) {
        synchronized (ServerThreads.class) {
            Set<Thread> before = dispatchers();
            server.start();
            for (Thread t : dispatchers()) {
                if (!before.contains(t)) {
                    threads.add(t);
                }
            }
        }
    }

    /** CPU time of the live threads; threads that ended take theirs with them (the pool's threads never end before close). */
    long cpuTimeNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (Thread t : threads) {
            long ns = mx.getThreadCpuTime(t.getId());
            if (ns > 0) {
                sum += ns;
            }
        }
        return sum;
    }

    private static Set<Thread> dispatchers() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        Set<Thread> found = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (JDK_DISPATCHER_NAME.equals(all[i].getName())) {
                found.add(all[i]);
            }
        }
        return found;
    }
}
