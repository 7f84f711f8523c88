package io.github.camelportabilling.benchmarks;

/**
 * What one mode did in one timed slot: completed calls, failures, wall time, client and server CPU and latency
 * percentiles.
 *
 * @param firstError the first failure's message, or null
 */
record CellResult(long calls, long errors, long elapsedNanos, long clientCpuNanos, long serverCpuNanos,
                  long p50Nanos, long p99Nanos, String firstError) {

    double callsPerSecond() {
        return elapsedNanos == 0 ? 0 : calls * 1e9 / elapsedNanos;
    }

    /** Client CPU per completed call, in microseconds. */
    double cpuMicrosPerCall() {
        return calls == 0 ? Double.NaN : clientCpuNanos / 1e3 / calls;
    }

    /** The simulator's CPU per completed call, in microseconds: the share of the 2 cores the clients compete with. */
    double serverCpuMicrosPerCall() {
        return calls == 0 ? Double.NaN : serverCpuNanos / 1e3 / calls;
    }
}
