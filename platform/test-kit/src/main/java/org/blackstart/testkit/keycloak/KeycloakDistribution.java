package org.blackstart.testkit.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.blackstart.testkit.Directories;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip), unpacked once
 * per archive content into a cache that later JVMs reuse. Nothing runs in it directly: each server
 * gets its own home (see {@code KeycloakHome}) that shares the cached libraries, because Keycloak
 * writes into its home when it starts.
 */
final class KeycloakDistribution {

    /**
     * Set by the build (parent pom: maven-dependency-plugin's {@code properties} goal, passed on by
     * surefire and failsafe) to the zip Maven resolved for the module's test dependency.
     */
    static final String PROPERTY = "blackstart.test.keycloak-dist";

    private static final String VERSION_RESOURCE = "/org/blackstart/testkit/keycloak/keycloak.properties";
    private static final String DEV_BUILD_PREFIX = "dev-build-";

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    static KeycloakDistribution unpackedInto(Path cache) {
        Path archive = archive(System.getProperty(PROPERTY), System.getProperty("maven.repo.local"),
                Path.of(System.getProperty("user.home"), ".m2", "repository"), version());
        try {
            Path home = cache.resolve("keycloak-" + version() + "-" + digest(archive));
            if (!isComplete(home)) {
                unpack(archive, cache, home);
            }
            return new KeycloakDistribution(home);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + archive, e);
        }
    }

    /**
     * The zip: from {@value #PROPERTY} when the build set it, else where Maven keeps it in the local
     * repository (an IDE running a test class directly sets no property).
     */
    static Path archive(String configured, String localRepository, Path defaultRepository, String version) {
        // Maven leaves an expression it cannot resolve as it is: a module without the dependency.
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            Path path = Path.of(configured.strip());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " is not a file");
            }
            return path;
        }
        Path repository = localRepository == null || localRepository.isBlank() ? defaultRepository : Path.of(localRepository);
        Path path = repository.resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".zip"));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no Keycloak server distribution at " + path + ": declare the test dependency "
                    + "org.keycloak:keycloak-quarkus-dist:" + version + " with <type>zip</type> and the plugin "
                    + "maven-dependency-plugin in the module's pom (see platform/test-kit/pom.xml), so that Maven "
                    + "downloads it and tells the tests where it is (-D" + PROPERTY + ")");
        }
        return path;
    }

    Path file(String relative) {
        return home.resolve(relative);
    }

    /**
     * Keycloak's build for dev mode with these build options, if an earlier server kept it. Without
     * it a server first rebuilds itself for dev mode (Quarkus augmentation), which takes 15 s and more.
     */
    Path devBuild(String buildOptions) {
        return home.resolve(DEV_BUILD_PREFIX + Integer.toHexString(buildOptions.hashCode()));
    }

    /** Keeps a server's dev-mode build for the servers after it; the first to finish wins. */
    void keepDevBuild(String buildOptions, Path build) {
        Path target = devBuild(buildOptions);
        if (Files.isDirectory(target)) {
            return;
        }
        Path partial = null;
        try {
            partial = Files.createTempDirectory(home, "copying-");
            copyFlat(build, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException lostOrFailed) {
            // Another JVM kept its build first, or the disk is full: only the next start's speed is at stake.
        } finally {
            if (partial != null) {
                Directories.deleteIfExists(partial);
            }
        }
    }

    private static void copyFlat(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static boolean isComplete(Path home) {
        return Files.isExecutable(home.resolve("bin").resolve("kc.sh"));
    }

    // Unpack beside the target and rename: a second JVM unpacking at the same time loses the
    // rename and uses the winner's copy, so nobody ever runs a half-written distribution.
    private static void unpack(Path archive, Path cache, Path home) throws IOException {
        Path partial = Files.createTempDirectory(cache, "unpacking-");
        try {
            extract(archive, partial);
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!isComplete(home)) {
                throw e;
            }
        } finally {
            Directories.deleteIfExists(partial);
        }
    }

    // commons-compress, not java.util.zip: the scripts must keep their executable bits.
    private static void extract(Path archive, Path target) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path path = inside(target, withoutTopFolder(entry.getName()));
                if (path == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                if ((entry.getUnixMode() & 0100) != 0) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    permissions.add(PosixFilePermission.GROUP_EXECUTE);
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }

    /** {@code keycloak-26.5.6/bin/kc.sh} is {@code bin/kc.sh}. */
    private static String withoutTopFolder(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    /** The entry's path in the target, or null for the top folder itself and for names that would leave it. */
    private static Path inside(Path target, String relative) throws IOException {
        if (relative.isEmpty()) {
            return null;
        }
        Path path = target.resolve(relative).normalize();
        if (!path.startsWith(target) || path.equals(target)) {
            throw new IOException("entry " + relative + " points outside the distribution");
        }
        return path;
    }

    private static String version() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + VERSION_RESOURCE + " on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VERSION_RESOURCE, e);
        }
    }

    private static String digest(Path archive) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(archive), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
