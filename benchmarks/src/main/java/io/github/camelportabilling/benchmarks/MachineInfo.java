package io.github.camelportabilling.benchmarks;

import java.lang.management.ManagementFactory;

/** The machine line of the report: figures are only comparable on the same kind of machine. */
final class MachineInfo {

    private MachineInfo() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format("%d cores, %s %s (%s), max heap %d MB, %s %s, JVM args: %s", rt.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), rt.maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.arch"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }
}
