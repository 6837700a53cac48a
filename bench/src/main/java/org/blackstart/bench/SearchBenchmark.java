package org.blackstart.bench;

import static org.blackstart.bench.BenchConsole.deleteTree;
import static org.blackstart.bench.BenchConsole.loadAverage;
import static org.blackstart.bench.BenchConsole.progress;
import static org.blackstart.bench.Report.number;
import static org.blackstart.bench.Report.ratio;
import static org.blackstart.bench.Report.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Search latency over a million timeline entries: Blackstart's {@code GET /api/search} (the real platform jar,
 * configured with the kit's Elasticsearch, authenticated as a commander) against the very requests it sends to
 * Elasticsearch, sent straight to Elasticsearch's {@code _search}, in the same run, in alternating rounds.
 *
 * <p>The entries ({@link TimelineCorpus}) are bulk-indexed into the alias the platform created from its template.
 * Blackstart's requests are captured from its own trace log ({@link CapturedSearches}) in a first, short platform
 * run; the measured platform runs without that log. Both sides go through the same driver ({@link LoadDriver}) and
 * the same JDK HTTP client, one request at a time by default: latency, not saturation.
 *
 * <p>Options: {@code bench.search.docs} (1,000,000), {@code bench.search.incidents} (20,000), {@code bench.n}
 * (2,000 measured searches per side, the queries in turn), {@code bench.warmup} (1,000 per side), {@code bench.rounds}
 * (10), {@code bench.threads} (1), {@code bench.jar}, {@code bench.startupTimeout}, {@code bench.phaseTimeout},
 * {@code bench.childJvmArgs}, {@code bench.keep}; the server's heap {@code blackstart.test.elasticsearch-heap} (2g).
 */
public final class SearchBenchmark {

    /** The queries of the issue: a word, two words, a word and a severity filter, facets of a filtered set. */
    static final List<Query> QUERIES = List.of(
            new Query("one word", "q=failover"),
            new Query("two words", "q=storage+controller"),
            new Query("word + severity", "q=replica&severity=SEV1"),
            new Query("facets, filtered", "service=mail&vendor=storeco"));

    record Query(String name, String parameters) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.from(withDefaults(System.getProperties()), args);
        long docs = Long.getLong("bench.search.docs", 1_000_000L);
        int incidents = Integer.getInteger("bench.search.incidents", 20_000);
        String prefix = "bench" + Long.toString(System.currentTimeMillis(), 36);
        Path root = Files.createTempDirectory("blackstart-search-bench");
        long started = System.nanoTime();
        String loadAtStart = loadAverage();
        boolean complete = false;
        try (BenchElasticsearch elasticsearch = BenchElasticsearch.start()) {
            progress("Elasticsearch at " + elasticsearch.baseUrl() + "; index prefix " + prefix);
            try {
                Measured measured = run(config, elasticsearch, prefix, docs, incidents, root);
                System.out.println(report(config, docs, measured, loadAtStart, started));
                complete = measured.outcome().pooledA().errors() == 0 && measured.outcome().pooledB().errors() == 0
                        && measured.outcome().pooledA().completed() == config.measured()
                        && measured.outcome().pooledB().completed() == config.measured();
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
        if (!complete) {
            System.out.println("INCOMPLETE: not every measured search succeeded; the figures above are not comparable.");
            System.exit(1);
        }
    }

    /** This benchmark's defaults where the shared configuration's differ: fewer, single-threaded operations. */
    private static java.util.Properties withDefaults(java.util.Properties given) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("bench.n", "2000");
        p.setProperty("bench.warmup", "1000");
        p.setProperty("bench.threads", "1");
        given.stringPropertyNames().forEach(name -> p.setProperty(name, given.getProperty(name)));
        return p;
    }

    record Measured(InterleavedRounds.Outcome outcome, List<Histogram> direct, List<Histogram> blackstart,
                    List<List<CapturedSearches.Request>> captured, long indexed, Duration loading) {
    }

    private static Measured run(BenchConfig config, BenchElasticsearch elasticsearch, String prefix, long docs,
                                int incidents, Path root) throws Exception {
        HttpClient http = BlackstartClient.newHttpClient();
        List<String> searchArgs = List.of("--blackstart.search.elasticsearch.uris=" + elasticsearch.baseUrl(),
                "--blackstart.search.index-prefix=" + prefix);
        String alias = prefix + "-timeline";
        TimelineCorpus corpus = new TimelineCorpus(incidents, 14);

        // 1. a first platform run with the client's trace log: it creates the indices, and shows its requests
        List<List<CapturedSearches.Request>> captured = new ArrayList<>();
        long indexed;
        Duration loading;
        Path captureDir = Files.createDirectories(root.resolve("capture"));
        List<String> traced = new ArrayList<>(searchArgs);
        traced.add("--logging.level.tracer=TRACE");
        try (BlackstartProcess app = BlackstartProcess.launch(config.jar(), captureDir, config.childJvmArgs(), traced)) {
            app.awaitHealthy(http, config.startupTimeout());
            elasticsearch.awaitAlias(alias, Duration.ofSeconds(60));
            progress("indexing " + docs + " timeline entries into " + alias);
            long load = System.nanoTime();
            long failed = elasticsearch.bulkIndex(alias, 1, docs, corpus::document);
            indexed = elasticsearch.count(alias);
            loading = Duration.ofNanos(System.nanoTime() - load);
            progress(String.format(Locale.ROOT, "indexed %d (%d failed) in %.1f s", indexed, failed, loading.toNanos() / 1e9));
            if (indexed != docs) {
                throw new IllegalStateException("only " + indexed + " of " + docs + " entries are searchable");
            }
            BlackstartSearch client = new BlackstartSearch(http, app.baseUri());
            Path log = captureDir.resolve("blackstart.log");
            for (Query query : QUERIES) {
                int mark = CapturedSearches.mark(log);
                JsonNode answer = client.search(query);
                Thread.sleep(200); // the log line is written by the request's thread; give the appender a moment
                List<CapturedSearches.Request> requests = CapturedSearches.since(log, mark);
                if (requests.isEmpty()) {
                    throw new IllegalStateException("no _search request in the platform's trace log for " + query
                            + "\n" + app.logTail());
                }
                progress(query.name() + ": " + answer.path("total").asLong() + " hits; Blackstart sent "
                        + requests.size() + " request(s): " + requests.get(0).pathAndQuery() + " " + requests.get(0).body());
                captured.add(requests);
            }
        }

        // 2. the measured platform, without the trace log, on the same indices
        Path platformDir = Files.createDirectories(root.resolve("blackstart"));
        try (BlackstartProcess app = BlackstartProcess.launch(config.jar(), platformDir, config.childJvmArgs(), searchArgs)) {
            app.awaitHealthy(http, config.startupTimeout());
            BlackstartSearch client = new BlackstartSearch(http, app.baseUri());
            DirectSearch direct = new DirectSearch(http, elasticsearch.baseUrl());
            List<Histogram> directPerQuery = histograms();
            List<Histogram> blackstartPerQuery = histograms();

            progress("warm-up: " + config.warmup() + " searches per side");
            for (LoadDriver.Operation warm : List.<LoadDriver.Operation>of(
                    i -> direct.send(captured.get(i % QUERIES.size())),
                    i -> client.search(QUERIES.get(i % QUERIES.size())))) {
                PhaseResult result = LoadDriver.run("warm-up", config.warmup(), config.threads(), config.phaseTimeout(), warm);
                if (result.errors() > 0) {
                    throw new IllegalStateException("warm-up failed, first: " + result.firstError() + "\n" + app.logTail());
                }
            }

            InterleavedRounds.Side baseline = new InterleavedRounds.Side("Elasticsearch _search, direct",
                    i -> timed(directPerQuery, i, () -> direct.send(captured.get(i % QUERIES.size()))), new SideCounters());
            InterleavedRounds.Side blackstart = new InterleavedRounds.Side("Blackstart GET /api/search",
                    i -> timed(blackstartPerQuery, i, () -> client.search(QUERIES.get(i % QUERIES.size()))),
                    new SideCounters());
            progress("measuring: " + config.measured() + " searches per side in " + config.rounds() + " alternating rounds");
            InterleavedRounds.Outcome outcome = InterleavedRounds.run(baseline, blackstart, config.measured(),
                    config.rounds(), config.threads(), config.phaseTimeout().dividedBy(config.rounds()),
                    CpuUse.of(app.handle()));
            return new Measured(outcome, directPerQuery, blackstartPerQuery, captured, indexed, loading);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static void timed(List<Histogram> perQuery, int index, Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        perQuery.get(index % QUERIES.size()).recordValue(Math.min((System.nanoTime() - start) / 1000, PhaseResult.HIGHEST_MICROS));
    }

    private static List<Histogram> histograms() {
        List<Histogram> histograms = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) {
            histograms.add(new ConcurrentHistogram(PhaseResult.HIGHEST_MICROS, 3));
        }
        return histograms;
    }

    /** {@code GET /api/search} as a commander: preemptive Basic, as {@link BlackstartClient} does. */
    static final class BlackstartSearch {
        private final HttpClient http;
        private final URI base;
        private final String authorization = "Basic " + Base64.getEncoder()
                .encodeToString("commander:commander".getBytes(StandardCharsets.UTF_8));

        BlackstartSearch(HttpClient http, URI base) {
            this.http = http;
            this.base = base;
        }

        JsonNode search(Query query) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/search?" + query.parameters()))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", authorization).header("Accept", "application/json")
                    .GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /api/search?" + query.parameters() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            if (!"elasticsearch".equals(answer.path("engine").asText()) || answer.path("total").asLong() == 0) {
                // the database's fallback, or nothing found, would time something else than what is compared here
                throw new IOException("GET /api/search?" + query.parameters() + " answered from "
                        + answer.path("engine").asText() + " with " + answer.path("total").asLong() + " hits");
            }
            return answer;
        }
    }

    /** The captured requests, sent to Elasticsearch as Blackstart sent them. */
    static final class DirectSearch {
        private final HttpClient http;
        private final URI base;

        DirectSearch(HttpClient http, URI base) {
            this.http = http;
            this.base = base;
        }

        void send(List<CapturedSearches.Request> requests) throws IOException, InterruptedException {
            for (CapturedSearches.Request captured : requests) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(captured.pathAndQuery())).timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .method(captured.method(), captured.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(captured.body()))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(captured.pathAndQuery() + " answered " + response.statusCode() + ": "
                            + response.body());
                }
            }
        }
    }

    static String report(BenchConfig config, long docs, Measured measured, String loadAtStart, long started) {
        PhaseResult direct = measured.outcome().pooledA();
        PhaseResult blackstart = measured.outcome().pooledB();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d timeline entries (indexed in %.1f s); %d measured searches per side, "
                        + "%d warm-up, %d thread(s), %d rounds; load average %s at start, %s at end; run took %.0f s%n%n",
                measured.indexed(), measured.loading().toNanos() / 1e9, config.measured(), config.warmup(),
                config.threads(), config.rounds(), loadAtStart, loadAverage(), (System.nanoTime() - started) / 1e9));
        row(out, "", direct.name(), blackstart.name(), "ratio (Blackstart / direct)");
        out.append("|---|---:|---:|---:|\n");
        row(out, "p50 (ms)", number(direct.p50Millis(), 2), number(blackstart.p50Millis(), 2),
                ratio(blackstart.p50Millis(), direct.p50Millis()));
        row(out, "p99 (ms)", number(direct.p99Millis(), 2), number(blackstart.p99Millis(), 2),
                ratio(blackstart.p99Millis(), direct.p99Millis()));
        row(out, "max (ms)", number(direct.maxMillis(), 2), number(blackstart.maxMillis(), 2), "");
        row(out, "searches/s", number(direct.throughputPerSecond(), 1), number(blackstart.throughputPerSecond(), 1),
                ratio(blackstart.throughputPerSecond(), direct.throughputPerSecond()));
        row(out, "CPU per search, platform process (ms)", number(direct.cpuMillisPerOperation(direct.cpu().platformNanos()), 2),
                number(blackstart.cpuMillisPerOperation(blackstart.cpu().platformNanos()), 2), "");
        row(out, "completed / errors", direct.completed() + " / " + direct.errors(),
                blackstart.completed() + " / " + blackstart.errors(), "");
        out.append('\n');
        row(out, "query", "direct p50 (ms)", "Blackstart p50 (ms)", "overhead p50", "direct p99 (ms)",
                "Blackstart p99 (ms)", "overhead p99");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < QUERIES.size(); i++) {
            Histogram d = measured.direct().get(i);
            Histogram b = measured.blackstart().get(i);
            row(out, QUERIES.get(i).name() + " (`" + QUERIES.get(i).parameters() + "`)", ms(d, 50), ms(b, 50),
                    overhead(ms(b, 50), ms(d, 50)), ms(d, 99), ms(b, 99), overhead(ms(b, 99), ms(d, 99)));
        }
        out.append('\n').append(Report.rounds(measured.outcome()).replace("declares/s", "searches/s")
                .replace("baseline", "direct"));
        double p99 = blackstart.p99Millis();
        double overheadP99 = blackstart.p99Millis() / direct.p99Millis() - 1;
        double overheadP50 = blackstart.p50Millis() / direct.p50Millis() - 1;
        out.append(String.format(Locale.ROOT, "%ngoal p99 < 100 ms: %s (%.2f ms)%ngoal overhead < 20 %%: p50 %s (%+.0f %%), "
                        + "p99 %s (%+.0f %%)%n", p99 < 100 ? "met" : "NOT met", p99, overheadP50 < 0.2 ? "met" : "NOT met",
                overheadP50 * 100, overheadP99 < 0.2 ? "met" : "NOT met", overheadP99 * 100));
        out.append("\nrequests Blackstart sent per query (replayed as the direct side):\n");
        for (int i = 0; i < QUERIES.size(); i++) {
            for (CapturedSearches.Request request : measured.captured().get(i)) {
                out.append("- ").append(QUERIES.get(i).name()).append(": `").append(request.method()).append(' ')
                        .append(request.pathAndQuery()).append("` `").append(request.body()).append("`\n");
            }
        }
        return out.toString();
    }

    private static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "n/a" : number(histogram.getValueAtPercentile(percentile) / 1000.0, 2);
    }

    private static String overhead(String subject, String base) {
        try {
            return String.format(Locale.ROOT, "%+.0f %%", (Double.parseDouble(subject) / Double.parseDouble(base) - 1) * 100);
        } catch (NumberFormatException e) {
            return "n/a";
        }
    }
}
