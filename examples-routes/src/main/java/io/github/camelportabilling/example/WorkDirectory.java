package io.github.camelportabilling.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders the app works in, under {@code example.work-dir}:
 * <pre>
 * inbox/customers/*.json, inbox/accounts/*.json   records to create (read, then deleted)
 * done/customers/, done/accounts/                  the records that were created
 * error/customers/, error/accounts/                rejected records, each with a &lt;name&gt;.error.json beside it
 * sync/*.jsonl                                     the sync routes' JSON Lines files
 * </pre>
 * The routes name the same folders through the {@code {{example.work-dir}}} placeholder.
 */
final class WorkDirectory {

    private final Path root;

    WorkDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path inbox() {
        return root.resolve("inbox");
    }

    Path done() {
        return root.resolve("done");
    }

    Path error() {
        return root.resolve("error");
    }

    Path sync() {
        return root.resolve("sync");
    }

    /**
     * Creates the inbox folders and removes the JSON Lines files of an earlier run: the syncs append, and each run
     * starts its snapshot from an empty file, so every record is in it once.
     */
    void prepare() {
        try {
            Files.createDirectories(inbox().resolve("customers"));
            Files.createDirectories(inbox().resolve("accounts"));
            Files.createDirectories(sync());
            try (DirectoryStream<Path> old = Files.newDirectoryStream(sync(), "*.jsonl")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the work directory " + root, e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
