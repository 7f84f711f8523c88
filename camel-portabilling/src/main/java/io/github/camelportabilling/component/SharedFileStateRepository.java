package io.github.camelportabilling.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a directory that several replicas share (a volume all of them mount, e.g. beside the
 * root of a {@code FileLockClusterService}): each key is a file of its own, read from the file on every
 * {@link #getState}, and replaced on every {@link #setState} by writing a new file, forcing it to disk and renaming it
 * over the old one, so that a reader sees either the old value or the new one, never a part.
 * <p>
 * Why not Camel's {@code FileStateRepository}: it reads its file once, when it starts, and then answers from memory
 * (and writes its memory back to the file when it stops). A replica that led before, lost the leadership and takes it
 * back would resume from the position it held then, not from where the other replica got to; this repository has no
 * copy in memory. One consumer (the leader) writes a key at a time; concurrent writers of the same key are not
 * coordinated (the last rename wins).
 */
@ManagedResource(description = "State repository in a directory shared by replicas, read on every get")
public class SharedFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final String SUFFIX = ".state";

    private Path directory;

    public SharedFileStateRepository() {
    }

    public SharedFileStateRepository(Path directory) {
        this.directory = directory;
    }

    @ManagedAttribute(description = "The directory holding one file per key")
    public String getDirectory() {
        return directory != null ? directory.toString() : null;
    }

    /** The directory holding one file per key (created if missing). */
    public void setDirectory(String directory) {
        this.directory = Path.of(directory);
    }

    @Override
    protected void doStart() throws Exception {
        if (directory == null) {
            throw new IllegalArgumentException("SharedFileStateRepository needs a directory");
        }
        Files.createDirectories(directory);
    }

    /** The value last set under {@code key} by any replica, read from its file now; null if none was set. */
    @Override
    @ManagedOperation(description = "The value of the key, read from its file")
    public String getState(String key) {
        Path file = fileOf(key);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state of '" + key + "' from " + file, e);
        }
        int newline = content.indexOf('\n');
        if (newline < 0 || !content.substring(0, newline).equals(key)) {
            throw new IllegalStateException("the state file " + file + " does not hold the key '" + key + "'");
        }
        return content.substring(newline + 1);
    }

    @Override
    @ManagedOperation(description = "Replaces the value of the key")
    public void setState(String key, String value) {
        Path file = fileOf(key);
        byte[] bytes = (key + '\n' + value).getBytes(StandardCharsets.UTF_8);
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // a rename that reaches the disk before the data would leave an empty file after a power loss
                channel.force(true);
            }
            move(temp, file);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state of '" + key + "' to " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed with its own exception
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically, which a state"
                                  + " shared by replicas needs", e);
        }
    }

    /** Keys are long and hold ':' and '/' (the server URL): the file is named by the key's SHA-256, the key inside. */
    Path fileOf(String key) {
        if (directory == null) {
            throw new IllegalStateException("SharedFileStateRepository needs a directory");
        }
        if (key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a state key cannot hold a line break: '" + key + "'");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
