package org.blackstart.testkit.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.blackstart.testkit.Directories;
import org.blackstart.testkit.NewerJava;
import org.blackstart.testkit.RunDirectory;
import org.blackstart.testkit.ServerAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch for tests: the test distribution {@code
 * org.elasticsearch.distribution.integ-test-zip:elasticsearch} from Maven, run as a local process,
 * a single node on 127.0.0.1 and free ports, without security; no Docker needed.
 *
 * <p>A module that uses it declares, besides the test kit, the test dependency {@code
 * org.elasticsearch.distribution.integ-test-zip:elasticsearch} with {@code <type>zip</type>} and the
 * plugin {@code maven-dependency-plugin} (configured in the parent pom), so that Maven downloads the
 * server before tests run and tells them where it is. Elasticsearch needs Java 21 or newer: the kit
 * finds one (see {@link NewerJava}) while the tests themselves run on 17. It refuses to run as root:
 * when the JVM is root, the node runs as {@code nobody} (see {@link ServerAccount}). The heap is
 * 512 MB unless {@value #HEAP_PROPERTY} says otherwise ({@code 2g}, for benchmarks). The test
 * distribution lacks the analysis-common module; the kit gives the node the language analyzers
 * Blackstart's index template names ({@code english}, {@code dutch}, {@code german}, {@code french};
 * see {@code LanguageAnalyzers}), so that template is the same file in production and in tests.
 *
 * <p>One server per JVM, started on first use (20 s on an idle machine) and shared by every test in
 * the run: tests keep apart by index names (a prefix of their own) and clean up with {@link
 * ElasticsearchHttp#deleteAllBlackstartIndices}. A test may {@link #stop()} it and {@link #start()}
 * it again (same port, same data) to see what the application does while it is away. It stops when
 * the JVM's process ends, however it ends, and not before: no shutdown hook stops it, because hooks
 * run in no set order and application contexts cached by the test run close in their own hooks,
 * still talking to it.
 */
public final class ElasticsearchServer {

    /** The node's heap ({@code -Xms} and {@code -Xmx}), e.g. {@code 2g}; 512m by default. */
    public static final String HEAP_PROPERTY = "blackstart.test.elasticsearch-heap";

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchServer.class);
    // 20 s on an idle machine with two cores; several times that when builds run beside it.
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
    private static final String DEFAULT_HEAP = "512m";
    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]");

    private static ElasticsearchServer shared;

    private final ElasticsearchProcess process;
    private final ElasticsearchHttp http;
    private final String version;
    private final Duration startup;

    private ElasticsearchServer(ElasticsearchProcess process, String version, Duration startup) {
        this.process = process;
        this.http = new ElasticsearchHttp(process.baseUrl());
        this.version = version;
        this.startup = startup;
    }

    /** This JVM's server, started on the first call (within minutes, or an exception with its log). */
    public static synchronized ElasticsearchServer shared() {
        if (shared == null) {
            shared = launch();
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>}, the same across {@link #stop()} and {@link #start()}. */
    public String baseUrl() {
        return process.baseUrl();
    }

    /** Calls to this node that do not go through the application under test. */
    public ElasticsearchHttp http() {
        return http;
    }

    /**
     * Stops the node as an operator would and waits until it is gone (at most about a minute): the
     * port refuses connections afterwards. Its data stays for {@link #start()}. Does nothing when stopped.
     */
    public void stop() {
        process.stop();
        LOG.info("{} stopped", this);
    }

    /** Starts the stopped node again, on the same port with the same data, and waits until it is ready. */
    public void start() {
        Instant begin = Instant.now();
        process.restart(STARTUP_LIMIT);
        LOG.info("{} started again in {} ms", this, Duration.between(begin, Instant.now()).toMillis());
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** How long the first start took, unpacking and Java lookup included. */
    public Duration startup() {
        return startup;
    }

    @Override
    public String toString() {
        return "Elasticsearch " + version + " on " + baseUrl();
    }

    /** The heap from {@value #HEAP_PROPERTY}, or 512m. */
    static String heap(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_HEAP;
        }
        if (!HEAP.matcher(configured.strip()).matches()) {
            throw new IllegalStateException("-D" + HEAP_PROPERTY + "=" + configured
                    + " is no heap size: a number with k, m or g, such as 512m or 2g");
        }
        return configured.strip();
    }

    private static ElasticsearchServer launch() {
        Instant begin = Instant.now();
        String heap = heap(System.getProperty(HEAP_PROPERTY));
        Path cache = Directories.userCache("elasticsearch");
        Path java = NewerJava.home("Elasticsearch");
        ElasticsearchDistribution distribution = ElasticsearchDistribution.unpackedInto(cache);
        ServerAccount account = ServerAccount.forThisJvm();
        RunDirectory run = RunDirectory.lockedIn(cache);
        try {
            Path analyzers = LanguageAnalyzers.pluginFor(distribution, java, cache);
            ElasticsearchHome home = ElasticsearchHome.create(distribution, List.of(analyzers), account, run);
            ElasticsearchProcess process = ElasticsearchProcess.start(home, java, account, heap, STARTUP_LIMIT);
            ElasticsearchServer server = new ElasticsearchServer(process, distribution.version(),
                    Duration.between(begin, Instant.now()));
            LOG.info("{} started in {} ms (Java {}, as {}, heap {}, run directory {})", server, server.startup.toMillis(),
                    java, account, heap, run.root());
            return server;
        } catch (RuntimeException e) {
            run.delete();
            throw e;
        }
    }
}
