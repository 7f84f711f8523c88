package io.github.camelportabilling.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Client CPU: the whole process's CPU time minus the simulator's own threads. What remains is the callers, the
 * client library, GC and JIT; the last two are there for every mode alike, so differences between modes are the
 * clients' own.
 */
final class CpuMeter {

    private final com.sun.management.OperatingSystemMXBean os;
    private final LongSupplier serverCpuNanos;

    CpuMeter(LongSupplier serverCpuNanos) {
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        this.serverCpuNanos = serverCpuNanos;
    }

    Snapshot now() {
        return new Snapshot(os.getProcessCpuTime(), serverCpuNanos.getAsLong());
    }

    /** A point in time: process CPU and server CPU, both in nanoseconds. */
    record Snapshot(long processNanos, long serverNanos) {

        /** Client CPU spent from {@code earlier} to this snapshot. */
        long clientNanosSince(Snapshot earlier) {
            return (processNanos - earlier.processNanos) - serverNanosSince(earlier);
        }

        /** The simulator's CPU from {@code earlier} to this snapshot. */
        long serverNanosSince(Snapshot earlier) {
            return serverNanos - earlier.serverNanos;
        }
    }
}
