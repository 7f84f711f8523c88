package io.github.camelportabilling.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts {@link ForkedListWalk} in a new JVM with a small heap and the same class path, against a simulator of this
 * JVM: the child holds only the client side, so its heap shows what the walk itself needs.
 */
final class ForkedWalkLauncher {

    private static final long TIMEOUT_MINUTES = 10;

    private final String maxHeap;

    ForkedWalkLauncher(String maxHeap) {
        this.maxHeap = maxHeap;
    }

    /**
     * @param lists  the lists to walk, in this order: simulator port to its number of records
     * @param warmUp whether the child first walks the first list once in each way, unmeasured
     */
    List<WalkResult> run(String host, java.util.Map<Integer, Integer> lists, List<Integer> pageSizes,
                         List<ListWalk> walks, boolean warmUp) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = List.of(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                ForkedListWalk.class.getName(), host,
                lists.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")),
                pageSizes.stream().map(String::valueOf).collect(Collectors.joining(",")),
                walks.stream().map(Enum::name).collect(Collectors.joining(",")), String.valueOf(warmUp));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<WalkResult> results = new ArrayList<>();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("WALK ")) {
                    results.add(WalkResult.parse(line));
                } else {
                    tail.addLast(line);
                    if (tail.size() > 20) {
                        tail.removeFirst();
                    }
                }
            }
        }
        if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new IOException("the -Xmx" + maxHeap + " JVM did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        if (child.exitValue() != 0) {
            throw new IOException("the -Xmx" + maxHeap + " JVM ended with exit code " + child.exitValue() + ": "
                                  + String.join(" | ", tail));
        }
        return results;
    }
}
