package org.blackstart.bench;

import static org.blackstart.bench.BenchConsole.deleteTree;
import static org.blackstart.bench.BenchConsole.loadAverage;
import static org.blackstart.bench.BenchConsole.progress;
import static org.blackstart.bench.Report.number;
import static org.blackstart.bench.Report.ratio;
import static org.blackstart.bench.Report.row;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Indexing rate through the outbox against a bare {@code BulkIngester}, in the same run, on the kit's Elasticsearch.
 *
 * <p><b>Blackstart:</b> the real platform jar, configured with Elasticsearch. The benchmark writes M timeline entries
 * into the platform's own database as the write sites do: each entry's {@code bs_timeline} row and its
 * {@code bs_search_outbox} row in one transaction, {@value #ROWS_PER_TRANSACTION} entries per transaction (H2 with
 * {@code AUTO_SERVER=TRUE}, so this JVM and the platform share the file). The platform's relay reads the outbox,
 * builds each document from the rows ({@code SearchDocuments}: the entry, its incident's title, severity, services and
 * vendors) and feeds its {@code BulkIngester}. Time: from the first insert until the outbox is empty and all M entries
 * are searchable (count on the alias after a refresh).
 *
 * <p><b>Baseline:</b> the same M documents ({@link TimelineCorpus#document}, the fields {@code SearchDocuments} gives
 * those rows) through a bare {@code BulkIngester} straight into an index from the same template. Time: from the first
 * document until every bulk is acknowledged and all M are searchable.
 *
 * <p>The two take turns ({@code bench.rounds}, default 2: Blackstart first in odd rounds), each round with new
 * entries. Options: {@code bench.indexing.docs} (200,000 per side, split over the rounds), {@code bench.rounds},
 * {@code bench.indexing.incidents} (2,000), {@code bench.indexing.drainTimeout} (600 s per round), {@code bench.jar},
 * {@code bench.startupTimeout}, {@code bench.childJvmArgs}, {@code bench.keep}.
 */
public final class IndexingBenchmark {

    static final int ROWS_PER_TRANSACTION = 1_000;

    private IndexingBenchmark() {
    }

    record Round(String side, int round, long documents, Duration took, Duration writing) {
        double perSecond() {
            return documents / (took.toNanos() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        Properties p = System.getProperties();
        long docs = Long.getLong("bench.indexing.docs", 200_000L);
        int rounds = Integer.getInteger("bench.rounds", 2);
        int incidents = Integer.getInteger("bench.indexing.incidents", 2_000);
        Duration drainTimeout = Duration.ofSeconds(Integer.getInteger("bench.indexing.drainTimeout", 600));
        BenchConfig config = BenchConfig.from(p, args);
        String prefix = "benchix" + Long.toString(System.currentTimeMillis(), 36);
        Path root = Files.createTempDirectory("blackstart-indexing-bench");
        long started = System.nanoTime();
        String loadAtStart = loadAverage();
        List<Round> results = new ArrayList<>();
        boolean complete = false;
        try (BenchElasticsearch elasticsearch = BenchElasticsearch.start()) {
            progress("Elasticsearch at " + elasticsearch.baseUrl() + "; index prefix " + prefix);
            try {
                complete = run(config, elasticsearch, prefix, docs, rounds, incidents, drainTimeout, root, results);
            } finally {
                elasticsearch.deleteAll(prefix);
            }
        } finally {
            if (config.keepFiles()) {
                System.out.println("kept " + root);
            } else {
                deleteTree(root);
            }
        }
        System.out.println(report(results, docs, rounds, incidents, loadAtStart, started));
        if (!complete) {
            System.out.println("INCOMPLETE: a round did not index every document; the figures above are not comparable.");
            System.exit(1);
        }
    }

    private static boolean run(BenchConfig config, BenchElasticsearch elasticsearch, String prefix, long docs, int rounds,
                               int incidents, Duration drainTimeout, Path root, List<Round> results) throws Exception {
        HttpClient http = BlackstartClient.newHttpClient();
        Path platformDir = Files.createDirectories(root.resolve("blackstart"));
        String alias = prefix + "-timeline";
        // the baseline's index matches the template's pattern, so it gets exactly the platform's mapping
        String bareIndex = prefix + "-bare-timeline";
        TimelineCorpus corpus = new TimelineCorpus(incidents, 14);
        try (BlackstartProcess app = BlackstartProcess.launch(config.jar(), platformDir, config.childJvmArgs(),
                List.of("--blackstart.search.elasticsearch.uris=" + elasticsearch.baseUrl(),
                        "--blackstart.search.index-prefix=" + prefix), BlackstartProcess.sharedDatasourceUrl(platformDir))) {
            app.awaitHealthy(http, config.startupTimeout());
            elasticsearch.awaitAlias(alias, Duration.ofSeconds(60));
            elasticsearch.client().indices().create(c -> c.index(bareIndex));
            try (Connection db = DriverManager.getConnection(BlackstartProcess.sharedDatasourceUrl(platformDir),
                    "sa", "")) {
                writeIncidents(db, corpus, incidents);
                long perRound = docs / rounds;
                long first = 1;
                for (int round = 1; round <= rounds; round++) {
                    long from = first;
                    boolean platformFirst = round % 2 == 1;
                    for (int turn = 0; turn < 2; turn++) {
                        CpuUse.awaitQuiet(CpuUse.of(app.handle()), InterleavedRounds.QUIET_SHARE,
                                InterleavedRounds.QUIET_WINDOW, InterleavedRounds.QUIET_MAX_WAIT);
                        boolean platform = platformFirst == (turn == 0);
                        Round result = platform
                                ? throughOutbox(db, elasticsearch, alias, corpus, round, from, perRound, drainTimeout)
                                : bare(elasticsearch, bareIndex, corpus, round, from, perRound);
                        progress(String.format(Locale.ROOT, "round %d %s: %d documents in %.1f s, %.0f docs/s", round,
                                result.side(), result.documents(), result.took().toNanos() / 1e9, result.perSecond()));
                        results.add(result);
                        if (result.documents() != perRound) {
                            return false;
                        }
                    }
                    first += perRound;
                }
            }
        }
        return true;
    }

    /** Incidents with the titles, severities, services and vendor cases the corpus gives their entries. */
    private static void writeIncidents(Connection db, TimelineCorpus corpus, int incidents) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement incident = db.prepareStatement("INSERT INTO bs_incident (incident_key, title, severity, "
                + "status, affected_services, declared_by, declared_at, updated_at, process_instance_id, kind) "
                + "VALUES (?, ?, ?, 'closed', ?, 'commander', ?, ?, 'bench', 'incident')");
             PreparedStatement vendorCase = db.prepareStatement("INSERT INTO bs_vendor_case (incident_key, vendor, system, "
                     + "account, case_number, case_number_key, opened_at, state) VALUES (?, ?, 'email', 'bench', ?, ?, ?, 'closed')")) {
            for (int i = 0; i < incidents; i++) {
                Timestamp declared = Timestamp.from(corpus.declaredAt(i));
                incident.setString(1, TimelineCorpus.incidentKey(i));
                incident.setString(2, corpus.title(i));
                incident.setString(3, corpus.severity(i));
                incident.setString(4, String.join(",", corpus.services(i)));
                incident.setTimestamp(5, declared);
                incident.setTimestamp(6, declared);
                incident.addBatch();
                for (String vendor : corpus.vendors(i)) {
                    vendorCase.setString(1, TimelineCorpus.incidentKey(i));
                    vendorCase.setString(2, vendor);
                    vendorCase.setString(3, "BENCH-" + i);
                    vendorCase.setString(4, "BENCH-" + i);
                    vendorCase.setTimestamp(5, declared);
                    vendorCase.addBatch();
                }
            }
            incident.executeBatch();
            vendorCase.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static Round throughOutbox(Connection db, BenchElasticsearch elasticsearch, String alias, TimelineCorpus corpus,
                                       int round, long first, long count, Duration drainTimeout)
            throws SQLException, IOException, InterruptedException {
        long before = elasticsearch.count(alias);
        long start = System.nanoTime();
        db.setAutoCommit(false);
        try (PreparedStatement entry = db.prepareStatement("INSERT INTO bs_timeline (id, incident_key, occurred_at, kind, "
                + "actor, detail, visibility) VALUES (?, ?, ?, ?, ?, ?, 'all')");
             PreparedStatement outbox = db.prepareStatement("INSERT INTO bs_search_outbox (doc_type, doc_id, enqueued_at) "
                     + "VALUES ('timeline', ?, ?)")) {
            for (long id = first; id < first + count; id++) {
                TimelineCorpus.Entry e = corpus.entry(id);
                entry.setLong(1, id);
                entry.setString(2, TimelineCorpus.incidentKey(e.incident()));
                entry.setTimestamp(3, Timestamp.from(e.occurredAt()));
                entry.setString(4, e.kind());
                entry.setString(5, e.actor());
                entry.setString(6, e.text());
                entry.addBatch();
                outbox.setString(1, Long.toString(id));
                outbox.setTimestamp(2, Timestamp.from(Instant.now()));
                outbox.addBatch();
                if ((id - first + 1) % ROWS_PER_TRANSACTION == 0 || id == first + count - 1) {
                    entry.executeBatch();
                    outbox.executeBatch();
                    db.commit(); // the entries and their outbox rows together, as a write site commits them
                }
            }
        } finally {
            db.setAutoCommit(true);
        }
        Duration writing = Duration.ofNanos(System.nanoTime() - start);
        long deadline = start + drainTimeout.toNanos();
        long indexed = 0;
        while (System.nanoTime() < deadline) {
            if (outboxDepth(db) == 0) {
                indexed = elasticsearch.count(alias) - before;
                if (indexed >= count) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        return new Round("Blackstart outbox + relay", round, indexed, Duration.ofNanos(System.nanoTime() - start), writing);
    }

    private static long outboxDepth(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM bs_search_outbox");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Round bare(BenchElasticsearch elasticsearch, String index, TimelineCorpus corpus, int round, long first,
                              long count) throws IOException, InterruptedException {
        long before = elasticsearch.count(index);
        long start = System.nanoTime();
        long failed = elasticsearch.bulkIndex(index, first, count, corpus::document);
        Duration writing = Duration.ofNanos(System.nanoTime() - start);
        long indexed = elasticsearch.count(index) - before;
        return new Round("bare BulkIngester", round, failed == 0 ? indexed : indexed - failed,
                Duration.ofNanos(System.nanoTime() - start), writing);
    }

    static String report(List<Round> results, long docs, int rounds, int incidents, String loadAtStart, long started) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d timeline entries per side in %d rounds, over %d incidents; load average "
                        + "%s at start, %s at end; run took %.0f s%n%n", docs, rounds, incidents, loadAtStart, loadAverage(),
                (System.nanoTime() - started) / 1e9));
        row(out, "round", "side", "documents", "seconds", "docs/s", "of which writing (s)");
        out.append("|---:|---|---:|---:|---:|---:|\n");
        double bareDocs = 0;
        double bareSeconds = 0;
        double outboxDocs = 0;
        double outboxSeconds = 0;
        for (Round r : results) {
            row(out, Integer.toString(r.round()), r.side(), Long.toString(r.documents()),
                    number(r.took().toNanos() / 1e9, 1), number(r.perSecond(), 0), number(r.writing().toNanos() / 1e9, 1));
            if (r.side().startsWith("bare")) {
                bareDocs += r.documents();
                bareSeconds += r.took().toNanos() / 1e9;
            } else {
                outboxDocs += r.documents();
                outboxSeconds += r.took().toNanos() / 1e9;
            }
        }
        double bareRate = bareSeconds == 0 ? Double.NaN : bareDocs / bareSeconds;
        double outboxRate = outboxSeconds == 0 ? Double.NaN : outboxDocs / outboxSeconds;
        out.append('\n');
        row(out, "", "bare BulkIngester", "Blackstart outbox + relay", "ratio (Blackstart / bare)");
        out.append("|---|---:|---:|---:|\n");
        row(out, "docs/s, all rounds", number(bareRate, 0), number(outboxRate, 0), ratio(outboxRate, bareRate));
        return out.toString();
    }
}
