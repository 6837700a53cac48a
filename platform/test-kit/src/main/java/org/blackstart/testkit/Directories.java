package org.blackstart.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File system helpers for servers that tests start (PostgreSQL here, Keycloak and Elasticsearch in their packages). */
public final class Directories {

    private Directories() {
    }

    /**
     * {@code <tmp>/blackstart-<name>-<user>}: one per user, because root and a normal user may
     * share a machine and neither can write the other's files. World-readable, because a root JVM
     * runs servers as another account that must read the binaries inside.
     */
    public static Path userCache(String name) {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "blackstart-" + name + "-" + user);
        try {
            Files.createDirectories(cache);
            // A directory another account planted under that name must not be trusted with binaries.
            if (!Files.getOwner(cache, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                throw new IllegalStateException(cache + " belongs to another user; remove it or set java.io.tmpdir");
            }
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + cache, e);
        }
    }

    /** Deletes the tree, not following symbolic links out of it. */
    public static void deleteIfExists(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                try {
                    Files.deleteIfExists(path);
                } catch (NoSuchFileException gone) {
                    // removed meanwhile, e.g. by the server's own shutdown
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
