package io.github.camelportabilling.simulator;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which calls get a fault: scripted rules ("the next n calls of X") first, in the order they were
 * added, then random rules. {@code "*"} matches any method outside {@code Session/*}, so a fault burst never
 * blocks the login a client needs to recover.
 */
final class FaultInjector {

    private static final class Scripted {
        final String serviceMethod;
        final AtomicInteger remaining;
        final Fault fault;

        Scripted(String serviceMethod, int times, Fault fault) {
            this.serviceMethod = serviceMethod;
            this.remaining = new AtomicInteger(times);
            this.fault = fault;
        }

        /** Takes one use; concurrent callers never take more than {@code times} in total. */
        boolean take() {
            int n;
            do {
                n = remaining.get();
                if (n <= 0) {
                    return false;
                }
            } while (!remaining.compareAndSet(n, n - 1));
            return true;
        }
    }

    private static final class Randomly {
        final String serviceMethod;
        final double probability;
        final Random random;
        final Fault[] faults;

        Randomly(String serviceMethod, double probability, long seed, Fault[] faults) {
            this.serviceMethod = serviceMethod;
            this.probability = probability;
            this.random = new Random(seed);
            this.faults = faults.clone();
        }

        synchronized Fault roll() {
            if (random.nextDouble() >= probability) {
                return null;
            }
            return faults.length == 1 ? faults[0] : faults[random.nextInt(faults.length)];
        }
    }

    private final List<Scripted> scripted = new CopyOnWriteArrayList<>();
    private final List<Randomly> random = new CopyOnWriteArrayList<>();

    void inject(String serviceMethod, int times, Fault fault) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive, got " + times);
        }
        scripted.add(new Scripted(check(serviceMethod), times, java.util.Objects.requireNonNull(fault, "fault")));
    }

    void injectRandomly(String serviceMethod, double probability, long seed, Fault... faults) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, got " + probability);
        }
        if (faults == null || faults.length == 0) {
            throw new IllegalArgumentException("give at least one fault");
        }
        random.add(new Randomly(check(serviceMethod), probability, seed, faults));
    }

    void clear() {
        scripted.clear();
        random.clear();
    }

    /** The fault for this call, or null. */
    Fault next(String serviceMethod) {
        for (Scripted s : scripted) {
            if (matches(s.serviceMethod, serviceMethod) && s.take()) {
                if (s.remaining.get() <= 0) {
                    scripted.remove(s);
                }
                return s.fault;
            }
        }
        for (Randomly r : random) {
            if (matches(r.serviceMethod, serviceMethod)) {
                Fault f = r.roll();
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    static boolean matches(String pattern, String serviceMethod) {
        return pattern.equals("*") ? !serviceMethod.startsWith("Session/") : pattern.equals(serviceMethod);
    }

    private static String check(String serviceMethod) {
        if (serviceMethod == null || (!serviceMethod.equals("*") && serviceMethod.indexOf('/') <= 0)) {
            throw new IllegalArgumentException("expected \"Service/method\" or \"*\", got " + serviceMethod);
        }
        return serviceMethod;
    }
}
