package io.github.camelportabilling.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * The child JVM of {@link ForkedWalkLauncher}: walks lists on simulators of the parent JVM in every given way and
 * page size, after one warm-up walk of each, printing one {@code WALK ...} line per measured walk. Exits non-zero when a walk fails (an OutOfMemoryError
 * included).
 * <p>
 * Arguments: host lists(comma-separated port:records) pageSizes(comma-separated) walks(comma-separated
 * {@link ListWalk} names) warmUp(true/false).
 */
public final class ForkedListWalk {

    private ForkedListWalk() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        List<String[]> lists = Arrays.stream(args[1].split(",")).map(l -> l.split(":")).toList();
        List<Integer> pageSizes = Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList();
        List<ListWalk> walks = Arrays.stream(args[3].split(",")).map(ListWalk::valueOf).toList();
        try (HeapMeter heap = new HeapMeter();
             ListWalkers walkers = new ListWalkers(host, Integer.parseInt(lists.get(0)[0]))) {
            // one unmeasured walk of each kind first (unless a smoke run), so the figures are not the JIT's and
            // one-time set-up (the session, class loading) is in the heap baseline, not in a walk's retained heap
            int firstPort = Integer.parseInt(lists.get(0)[0]);
            for (ListWalk walk : Boolean.parseBoolean(args[4]) ? walks : List.<ListWalk>of()) {
                for (int pageSize : pageSizes) {
                    MeasuredWalk.withHeap(walkers, heap, walk, firstPort, pageSize, Long.parseLong(lists.get(0)[1]));
                }
            }
            for (String[] list : lists) {
                int port = Integer.parseInt(list[0]);
                long records = Long.parseLong(list[1]);
                for (int pageSize : pageSizes) {
                    for (ListWalk walk : walks) {
                        System.out.println(MeasuredWalk.withHeap(walkers, heap, walk, port, pageSize, records).format());
                    }
                }
            }
        } catch (Throwable t) {
            System.out.println("walk failed: " + t);
            System.exit(1);
        }
        System.exit(0);
    }
}
