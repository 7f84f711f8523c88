package io.github.camelportabilling.example.springboot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.PostConstruct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Removes the JSON Lines files of an earlier run before the routes start: the syncs append, and each run's
 * consumers start from the beginning of the lists, so each file holds every record of this run once.
 */
@Component
public class SyncFiles {

    private final Path sync;

    public SyncFiles(@Value("${example.work-dir}") String workDir) {
        this.sync = Path.of(workDir, "sync");
    }

    @PostConstruct
    void removeOldFiles() throws IOException {
        if (Files.isDirectory(sync)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(sync, "*.jsonl")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        }
    }
}
