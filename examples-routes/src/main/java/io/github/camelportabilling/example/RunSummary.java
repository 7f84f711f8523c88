package io.github.camelportabilling.example;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The short report printed at the end of a run-once. Shows paths and counts, never a credential. */
final class RunSummary {

    private final String server;
    private final RunSettings settings;
    private final RunStats stats;

    RunSummary(String server, RunSettings settings, RunStats stats) {
        this.server = server;
        this.settings = settings;
        this.stats = stats;
    }

    boolean finished() {
        return stats.isCompleted();
    }

    String whyNotFinished() {
        return "the inbox had not been read and synced when it stopped: it ran into the limit of "
               + settings.maxSeconds() + " s (EXAMPLE_MAX_SECONDS) or was stopped from outside; see the log above";
    }

    RunStats stats() {
        return stats;
    }

    RunSettings settings() {
        return settings;
    }

    String render() {
        WorkDirectory dir = settings.workDirectory();
        StringBuilder out = new StringBuilder();
        out.append('\n').append("=== PortaBilling example: ")
                .append(stats.isCompleted() ? "run finished" : "run DID NOT FINISH")
                .append(" (run tag ").append(settings.runTag()).append(") ===\n");
        line(out, "server", server);
        List<RunStats.CreatedAccount> accounts = stats.accountsCreated();
        line(out, "created", stats.customersCreated() + " customers, " + accounts.size() + " accounts"
                             + (accounts.isEmpty() ? "" : " (" + accounts.stream().map(RunStats.CreatedAccount::id)
                .collect(Collectors.joining(", ")) + ")"));
        line(out, "", "their files: " + dir.done());
        List<RunStats.Rejection> rejections = stats.rejections();
        line(out, "rejected", rejections.size() + " records, in " + dir.error() + " with a .error.json each");
        for (RunStats.Rejection r : rejections) {
            line(out, "", "  " + r.file() + ": " + r.reason());
        }
        line(out, "account", lifecycle());
        Map<String, Long> synced = stats.synced();
        if (synced.isEmpty()) {
            line(out, "synced", "nothing");
        }
        String label = "synced";
        for (Map.Entry<String, Long> e : synced.entrySet()) {
            line(out, label, e.getValue() + " records -> " + dir.sync().resolve(fileName(e.getKey())));
            label = "";
        }
        return out.toString();
    }

    private String lifecycle() {
        Map<String, Object> closed = stats.closedAccount();
        if (closed != null) {
            return closed.get("id") + " (i_account " + closed.get("i_account") + ") blocked and terminated: bill_status "
                   + closed.get("bill_status") + ", blocked " + closed.get("blocked");
        }
        if (stats.lifecycleFailure() != null) {
            return "get/update/terminate failed: " + stats.lifecycleFailure();
        }
        return "get/update/terminate not run (it only closes an account created from the sample records)";
    }

    private static String fileName(String produced) {
        int slash = Math.max(produced.lastIndexOf('/'), produced.lastIndexOf('\\'));
        return produced.substring(slash + 1);
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format("%-9s %s%n", label, text));
    }
}
