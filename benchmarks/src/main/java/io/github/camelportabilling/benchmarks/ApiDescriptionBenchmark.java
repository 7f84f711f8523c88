package io.github.camelportabilling.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.component.internal.ApiDescription;
import io.github.camelportabilling.component.internal.BooleanParams;
import io.github.camelportabilling.component.internal.MethodSchema;
import io.github.camelportabilling.component.internal.ParamsChecker;
import io.github.camelportabilling.simulator.PortaBillingSimulator;

/**
 * The API description on a document of a real server's size (the simulator's, with 1,000 generated methods: about
 * 1,000 paths and 2,000 schemas, 3.4 MB): how long reading and compiling it takes (first time in the JVM, and warm),
 * the heap the compiled index keeps (and, for comparison, the Jackson tree it is compiled from, which is dropped), and
 * what checking and converting a call's params costs compared with the spec-less boolean rule alone.
 */
final class ApiDescriptionBenchmark {

    /** What one run measured. */
    record Result(long documentBytes, int methods, int schemas, double firstLoadMillis, double warmLoadMillis,
                  long indexBytes, long treeBytes, double checkCreateNanos, double checkListNanos,
                  double specLessCreateNanos) {
    }

    private final BenchmarkSettings settings;
    private final PrintStream progress;

    ApiDescriptionBenchmark(BenchmarkSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    Result run() throws Exception {
        byte[] doc;
        try (PortaBillingSimulator sim = PortaBillingSimulator.builder().apiDescriptionExtraMethods(1000)
                .requestLogCapacity(0).start()) {
            doc = sim.apiDescriptionDocument();
        }
        long start = System.nanoTime();
        ApiDescription first = ApiDescription.parse(doc, "AdminInterface.json");
        double firstMillis = (System.nanoTime() - start) / 1e6;
        int rounds = settings.smoke() ? 2 : 10;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            ApiDescription.parse(doc, "AdminInterface.json");
            warm.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(warm);
        long indexBytes;
        long treeBytes;
        try (HeapMeter heap = new HeapMeter()) {
            first = null;
            long before = heap.usedAfterGc();
            ApiDescription held = ApiDescription.parse(doc, "AdminInterface.json");
            indexBytes = heap.usedAfterGc() - before;
            before = heap.usedAfterGc();
            Object tree = new ObjectMapper().readTree(doc);
            treeBytes = heap.usedAfterGc() - before;
            progress.println("schema: index of " + held.methodCount() + " methods and tree " + (tree != null) + " measured");
            first = held;
        }
        MethodSchema create = first.method("Account", "add_account");
        MethodSchema list = first.method("Account", "get_account_list");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", "15551230001");
        info.put("i_customer", 5);
        info.put("i_product", "7");
        info.put("billing_model", 1);
        info.put("blocked", Boolean.TRUE);
        info.put("firstname", "Ann");
        Map<String, Object> createParams = new LinkedHashMap<>();
        createParams.put("account_info", info);
        createParams.put("generate_web_password", Boolean.TRUE);
        Map<String, Object> listParams = new LinkedHashMap<>();
        listParams.put("i_customer", "5");
        listParams.put("get_total", 1);
        listParams.put("limit", 100);
        listParams.put("offset", 0);
        long millis = settings.smoke() ? 100 : 2_000;
        double checkCreate = nanosPerCall(() -> ParamsChecker.check(create, createParams), millis);
        double checkList = nanosPerCall(() -> ParamsChecker.check(list, listParams), millis);
        double specLess = nanosPerCall(() -> BooleanParams.convert(createParams), millis);
        progress.println("schema: done");
        return new Result(doc.length, first.methodCount(), first.schemaCount(), firstMillis, warm.get(warm.size() / 2),
                indexBytes, treeBytes, checkCreate, checkList, specLess);
    }

    /** Median over five slices of the time per call, after a warm-up slice; the result is consumed. */
    private static double nanosPerCall(java.util.function.Supplier<Object> call, long millis) {
        long sink = 0;
        List<Double> slices = new ArrayList<>();
        for (int slice = 0; slice < 6; slice++) {
            long end = System.nanoTime() + millis * 1_000_000 / 6;
            long calls = 0;
            long t = System.nanoTime();
            while (System.nanoTime() < end) {
                for (int i = 0; i < 100; i++) {
                    sink += System.identityHashCode(call.get());
                }
                calls += 100;
            }
            if (slice > 0) {
                slices.add((System.nanoTime() - t) / (double) calls);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        Collections.sort(slices);
        return slices.get(slices.size() / 2);
    }

    static void print(Result r, PrintStream out) {
        out.printf("document: %,d bytes, %d methods, %d schemas (the simulator's, with 1,000 generated methods)%n",
                r.documentBytes(), r.methods(), r.schemas());
        out.printf("  read and compiled: %.0f ms the first time in this JVM, %.0f ms warm (median); read once per"
                   + " session%n", r.firstLoadMillis(), r.warmLoadMillis());
        out.printf("  heap kept by the compiled index: %.1f MB (the Jackson tree it is compiled from, dropped after"
                   + " compiling: %.1f MB)%n", r.indexBytes() / 1048576.0, r.treeBytes() / 1048576.0);
        out.printf("  check + convert per call: add_account (6 fields + a switch) %.2f us, get_account_list (4 params)"
                   + " %.2f us; the spec-less boolean rule alone %.2f us%n", r.checkCreateNanos() / 1e3,
                r.checkListNanos() / 1e3, r.specLessCreateNanos() / 1e3);
    }
}
