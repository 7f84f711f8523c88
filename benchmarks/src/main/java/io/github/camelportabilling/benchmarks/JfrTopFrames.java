package io.github.camelportabilling.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the CPU samples of a JFR recording, cut down to the benchmark's caller threads (the client side: the
 * classic HttpClient, Camel's direct routes and the component all run on the caller's thread). Prints the top frames
 * by self time, self time by layer (JDK frames charged to the library that called into the JDK, so socket I/O counts
 * for the HTTP client that did it), and the component's methods by inclusive time.
 * <p>
 * {@code java -cp ... JfrTopFrames recording.jfr [threadPrefix] [top] [frame]}: with a frame (a substring of
 * {@code Class.method}), also where the samples whose top frame matches it were called from: the first frame below
 * it outside the JDK.
 */
public final class JfrTopFrames {

    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("io.github.camelportabilling.component", "component");
        LAYERS.put("io.github.camelportabilling.benchmarks", "benchmark harness");
        LAYERS.put("io.github.camelportabilling.simulator", "simulator");
        LAYERS.put("org.apache.camel.component.http", "camel-http");
        LAYERS.put("org.apache.camel.component.jackson", "camel-jackson");
        LAYERS.put("org.apache.camel", "camel core");
        LAYERS.put("org.apache.hc", "httpclient5");
        LAYERS.put("com.fasterxml.jackson", "jackson");
    }

    private JfrTopFrames() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String threadPrefix = args.length > 1 ? args[1] : LoadRunner.THREAD_PREFIX;
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        String frame = args.length > 3 ? args[3] : null;

        Map<String, Integer> selfFrames = new HashMap<>();
        Map<String, Integer> selfLayers = new HashMap<>();
        Map<String, Integer> componentInclusive = new HashMap<>();
        Map<String, Integer> callersOfFrame = new HashMap<>();
        int samples = 0;
        int otherThreads = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(threadPrefix)) {
                    otherThreads++;
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                selfFrames.merge(name(frames.get(0)), 1, Integer::sum);
                if (frame != null && name(frames.get(0)).contains(frame)) {
                    callersOfFrame.merge(firstNonJdkCaller(frames), 1, Integer::sum);
                }
                selfLayers.merge(chargedLayer(frames), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (n.startsWith("io.github.camelportabilling.component") && seen.add(n)) {
                        componentInclusive.merge(n, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%s: %d samples on threads %s* (%d on other threads)%n", file, samples, threadPrefix,
                otherThreads);
        print("self time by layer (JDK frames charged to the library that called them)", selfLayers, samples, 20);
        print("top frames by self time", selfFrames, samples, top);
        print("component methods by inclusive time", componentInclusive, samples, top);
        if (frame != null) {
            print("where samples in " + frame + " came from (first frame outside the JDK)", callersOfFrame, samples,
                    top);
        }
    }

    private static String firstNonJdkCaller(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                return n;
            }
        }
        return "(JDK only)";
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The layer of the first non-JDK frame from the top: the code that did (or called for) the work. */
    private static String chargedLayer(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            String layer = layerOf(type);
            if (layer != null) {
                return layer;
            }
        }
        return "jdk";
    }

    private static String layerOf(String type) {
        for (Map.Entry<String, String> e : LAYERS.entrySet()) {
            if (type.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
