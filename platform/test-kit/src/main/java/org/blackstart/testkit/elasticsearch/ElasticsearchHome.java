package org.blackstart.testkit.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.blackstart.testkit.RunDirectory;
import org.blackstart.testkit.ServerAccount;
import org.blackstart.testkit.ServerLog;

/**
 * One server's Elasticsearch home and its folders, in its run directory. Elasticsearch finds its
 * plugins only in its home, and servers of JVMs side by side may differ in them, so each server has a
 * home of its own: the distribution's 110 MB of scripts and libraries are hard links to the cached
 * copy (same file system, no space, nothing to resolve for Elasticsearch's file entitlements), its
 * plugins are copied. What the server writes (configuration, where it adds its keystore; data; logs;
 * temporary files) lives beside the home and belongs to the account it runs as.
 */
final class ElasticsearchHome {

    static final String CLUSTER_NAME = "blackstart-test";
    private static final List<String> DISTRIBUTION_FOLDERS = List.of("bin", "lib", "modules");
    private static final Set<PosixFilePermission> READABLE_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private final RunDirectory run;

    private ElasticsearchHome(RunDirectory run) {
        this.run = run;
    }

    /** A home in the run directory with nothing laid out yet. */
    static ElasticsearchHome in(RunDirectory run) {
        return new ElasticsearchHome(run);
    }

    /**
     * Lays out the home from the distribution with these plugin folders (each a plugin's files, installed
     * under its folder name), and the folders the server writes, given to the account.
     */
    static ElasticsearchHome create(ElasticsearchDistribution distribution, List<Path> plugins, ServerAccount account,
            RunDirectory run) {
        ElasticsearchHome home = in(run);
        try {
            // The run directory is private to its creator; the server's account must reach its home inside.
            Files.setPosixFilePermissions(run.root(), READABLE_DIRECTORY);
            for (String folder : DISTRIBUTION_FOLDERS) {
                linkTree(distribution.file(folder), home.root().resolve(folder));
            }
            readableDirectory(home.plugins());
            for (Path plugin : plugins) {
                copyTree(plugin, home.plugins().resolve(plugin.getFileName().toString()));
            }
            Files.createDirectories(home.config().resolve("jvm.options.d"));
            Files.copy(distribution.file("config/log4j2.properties"), home.config().resolve("log4j2.properties"));
            Files.writeString(home.config().resolve("jvm.options"), jvmOptions(distribution));
            // Written again before every start (see configure); created now, so that it belongs to the account.
            Files.createFile(home.settings());
            Files.writeString(home.config().resolve("jvm.options.d").resolve("blackstart.options"), String.join("\n",
                    // Warnings of the JVM to the console, where the kit's log collects them; no GC log files.
                    "-Xlog:disable",
                    "-Xlog:all=warning:stderr:utctime,level,tags",
                    "-XX:ErrorFile=" + home.logs().resolve("hs_err_pid%p.log"),
                    "-XX:HeapDumpPath=" + home.logs(),
                    ""));
            Files.createDirectories(home.data());
            Files.createDirectories(home.logs());
            Files.createDirectories(home.temporary());
            Files.createFile(home.log());
            for (Path written : List.of(home.config(), home.data(), home.logs(), home.temporary())) {
                account.take(written);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out an Elasticsearch home in " + run.root(), e);
        }
    }

    /** Writes the node's settings for these ports; the rest stays as the first start left it. */
    void configure(int httpPort, int transportPort) {
        String settings = String.join("\n",
                "cluster.name: " + CLUSTER_NAME,
                "node.name: " + CLUSTER_NAME,
                "network.host: " + ElasticsearchProcess.HOST,
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "path.data: " + data(),
                "path.logs: " + logs(),
                // Plain HTTP without users: loopback only, and the application under test talks to it like to
                // a development server.
                "xpack.security.enabled: false",
                // CI disks fill up: a full disk must not turn indices read-only in the middle of a test run.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                // Tests clean up with wildcards (DELETE /blackstart-it-*).
                "action.destructive_requires_name: false",
                "");
        try {
            Files.writeString(settings(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settings in " + config(), e);
        }
    }

    Path root() {
        return run.root().resolve("home");
    }

    Path script() {
        return root().resolve("bin").resolve("elasticsearch");
    }

    Path plugins() {
        return root().resolve("plugins");
    }

    Path config() {
        return run.root().resolve("config");
    }

    Path settings() {
        return config().resolve("elasticsearch.yml");
    }

    Path data() {
        return run.root().resolve("data");
    }

    Path logs() {
        return run.root().resolve("logs");
    }

    Path temporary() {
        return run.root().resolve("tmp");
    }

    /** Everything the server printed (its console log), across its starts. */
    Path log() {
        return run.root().resolve("elasticsearch.log");
    }

    Path runDirectory() {
        return run.root();
    }

    /** The log's last {@code lines} lines. */
    String logTail(int lines) {
        return ServerLog.tail(log(), lines);
    }

    String logText() {
        return ServerLog.text(log());
    }

    void delete() {
        run.delete();
    }

    // The distribution's options, less the GC log it would write into the working directory.
    private static String jvmOptions(ElasticsearchDistribution distribution) throws IOException {
        try (Stream<String> lines = Files.lines(distribution.file("config/jvm.options"))) {
            return String.join("\n", lines.filter(line -> !line.contains("-Xlog:") && !line.contains("ErrorFile")).toList())
                    + "\n";
        }
    }

    private static void readableDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        readableDirectory(directory.getParent());
        Files.createDirectory(directory);
        // Set, not left to the umask (077 on some CI machines): the server's account reads what is inside.
        Files.setPosixFilePermissions(directory, READABLE_DIRECTORY);
    }

    private static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    readableDirectory(target);
                    continue;
                }
                try {
                    Files.createLink(target, path);
                } catch (IOException | UnsupportedOperationException notHere) {
                    // A file system without hard links, or a kernel that allows them only to one's own files.
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    readableDirectory(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
