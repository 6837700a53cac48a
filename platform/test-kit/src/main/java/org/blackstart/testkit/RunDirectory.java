package org.blackstart.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * One server's scratch space (data, socket, log) for the life of this JVM. The JVM holds a file
 * lock on it; the operating system releases that lock when the JVM dies however it dies, so a later
 * run can tell an abandoned directory (killed test fork) from one that is still in use.
 */
public final class RunDirectory {

    private static final String PREFIX = "run-";
    private static final String LOCK = "jvm.lock";
    // Younger directories may belong to a JVM that has created but not yet locked them.
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final Path root;
    private final FileChannel lockFile;

    private RunDirectory(Path root, FileChannel lockFile) {
        this.root = root;
        this.lockFile = lockFile;
    }

    /** A PostgreSQL server's run directory: with its socket directory and an empty log. */
    static RunDirectory createIn(Path cache) {
        RunDirectory run = lockedIn(cache);
        try {
            Files.createDirectory(run.socket());
            Files.createFile(run.log());
            return run;
        } catch (IOException e) {
            run.delete();
            throw new UncheckedIOException("cannot prepare " + run.root(), e);
        }
    }

    /**
     * A new, empty directory in {@code cache}, locked by this JVM; abandoned ones (their JVM is
     * gone) are removed on the way.
     */
    public static RunDirectory lockedIn(Path cache) {
        removeAbandoned(cache);
        try {
            Path root = Files.createTempDirectory(cache, PREFIX);
            FileChannel lockFile = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lockFile.lock();
            return new RunDirectory(root, lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory in " + cache, e);
        }
    }

    public Path root() {
        return root;
    }

    Path data() {
        return root.resolve("data");
    }

    Path socket() {
        return root.resolve("socket");
    }

    Path log() {
        return root.resolve("postgres.log");
    }

    String logText() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Releases the lock and deletes the directory. */
    public void delete() {
        try {
            lockFile.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        Directories.deleteIfExists(root);
    }

    private static void removeAbandoned(Path cache) {
        Instant cutoff = Instant.now().minus(GRACE);
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(cache, PREFIX + "*")) {
            for (Path run : runs) {
                FileTime modified = Files.getLastModifiedTime(run);
                if (modified.toInstant().isBefore(cutoff) && isAbandoned(run)) {
                    Directories.deleteIfExists(run);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Only disk space is at stake; never fail a test run over it.
        }
    }

    private static boolean isAbandoned(Path run) throws IOException {
        Path lock = run.resolve(LOCK);
        if (!Files.exists(lock)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            return taken != null;
        } catch (OverlappingFileLockException heldByThisJvm) {
            return false;
        }
    }
}
