package org.blackstart.testkit.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.stream.Stream;
import org.blackstart.testkit.Directories;
import org.blackstart.testkit.ServerZip;

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
            return new KeycloakDistribution(ServerZip.unpackedInto(cache, "keycloak-" + version(), archive, "bin/kc.sh"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + archive, e);
        }
    }

    /**
     * The zip: from {@value #PROPERTY} when the build set it, else where Maven keeps it in the local
     * repository (an IDE running a test class directly sets no property).
     */
    static Path archive(String configured, String localRepository, Path defaultRepository, String version) {
        return ServerZip.archive(PROPERTY, configured, localRepository, defaultRepository, "org.keycloak",
                "keycloak-quarkus-dist", version, "Keycloak");
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
}
