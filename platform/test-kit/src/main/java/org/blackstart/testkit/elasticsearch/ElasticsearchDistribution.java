package org.blackstart.testkit.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import org.blackstart.testkit.ServerZip;

/**
 * Elasticsearch's test distribution ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch},
 * a zip: the server with the modules transport-netty4, x-pack-core, x-pack-security and apm only, no
 * bundled JDK), unpacked once per archive content into a cache that later JVMs reuse. Nothing runs in
 * it directly: each server gets its own home (see {@code ElasticsearchHome}) linked to it.
 */
final class ElasticsearchDistribution {

    /**
     * Set by the build (parent pom: maven-dependency-plugin's {@code properties} goal, passed on by
     * surefire and failsafe) to the zip Maven resolved for the module's test dependency.
     */
    static final String PROPERTY = "blackstart.test.elasticsearch-dist";

    private static final String VERSION_RESOURCE = "/org/blackstart/testkit/elasticsearch/elasticsearch.properties";

    private final Path home;
    private final String version;

    private ElasticsearchDistribution(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    static ElasticsearchDistribution unpackedInto(Path cache) {
        String version = declaredVersion();
        Path archive = archive(System.getProperty(PROPERTY), System.getProperty("maven.repo.local"),
                Path.of(System.getProperty("user.home"), ".m2", "repository"), version);
        try {
            return new ElasticsearchDistribution(ServerZip.unpackedInto(cache, "elasticsearch-" + version, archive,
                    "bin/elasticsearch"), version);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + archive, e);
        }
    }

    static Path archive(String configured, String localRepository, Path defaultRepository, String version) {
        return ServerZip.archive(PROPERTY, configured, localRepository, defaultRepository,
                "org.elasticsearch.distribution.integ-test-zip", "elasticsearch", version, "Elasticsearch");
    }

    Path home() {
        return home;
    }

    Path file(String relative) {
        return home.resolve(relative);
    }

    /** The server's version, as its plugins must declare it. */
    String version() {
        return version;
    }

    /** Version and archive digest ({@code elasticsearch-9.2.0-<digest>}): what is built for this distribution is kept under it. */
    String id() {
        return home.getFileName().toString();
    }

    private static String declaredVersion() {
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream(VERSION_RESOURCE)) {
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
