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
import org.HdrHistogram.Histogram;

/**
 * Search latency over a million timeline entries: Blackstart's {@code GET /api/search} (the real platform jar,
 * configured with the kit's Elasticsearch, authenticated as a commander) against the very requests it sends to
 * Elasticsearch, sent straight to Elasticsearch's {@code _search}, in the same run, in alternating rounds.
 *
 * <p>The entries ({@link TimelineCorpus}) are bulk-indexed into the alias the platform created from its template.
 * Blackstart's requests are captured from its own trace log ({@link CapturedSearches}) in a first, short platform
 * run; the measured platform runs without that log. Both sides go through the same loop ({@link #alternate}) and the
 * same JDK HTTP client, one request at a time and paced: latency, not saturation.
 *
 * <p>Options: {@code bench.search.docs} (1,000,000), {@code bench.search.incidents} (20,000), {@code bench.n}
 * (2,000 measured searches per side, the queries in turn), {@code bench.warmup} (1,000 per side), {@code bench.rounds}
 * (10), {@code bench.search.intervalMs} (20: at most 50 searches a second), {@code bench.jar}, {@code bench.startupTimeout}, {@code bench.phaseTimeout},
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
        Duration interval = Duration.ofMillis(Integer.getInteger("bench.search.intervalMs", 20));
        String prefix = "bench" + Long.toString(System.currentTimeMillis(), 36);
        Path root = Files.createTempDirectory("blackstart-search-bench");
        long started = System.nanoTime();
        String loadAtStart = loadAverage();
        boolean complete = false;
        try (BenchElasticsearch elasticsearch = BenchElasticsearch.start()) {
            progress("Elasticsearch at " + elasticsearch.baseUrl() + "; index prefix " + prefix);
            try {
                Measured measured = run(config, elasticsearch, prefix, docs, incidents, interval, root);
                System.out.println(report(config, docs, interval, measured, loadAtStart, started));
                complete = measured.direct().errors == 0 && measured.blackstart().errors == 0
                        && measured.direct().completed() == config.measured()
                        && measured.blackstart().completed() == config.measured();
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
        given.stringPropertyNames().forEach(name -> p.setProperty(name, given.getProperty(name)));
        return p;
    }

    record Measured(Side direct, Side blackstart, List<List<CapturedSearches.Request>> captured, long indexed,
                    Duration loading) {
    }

    /** One request of a side: query {@code index % QUERIES.size()}, the {@code index}-th of the phase. */
    @FunctionalInterface
    interface Search {
        void send(int index) throws Exception;
    }

    /** A system under test and what was measured of it: latency of each request alone, in microseconds. */
    static final class Side {
        final String name;
        final Search search;
        final Histogram all = newHistogram();
        final List<Histogram> perQuery = new ArrayList<>();
        final List<Histogram> perRound = new ArrayList<>();
        long platformCpuNanos;
        int errors;
        String firstError;

        Side(String name, Search search) {
            this.name = name;
            this.search = search;
            for (int i = 0; i < QUERIES.size(); i++) {
                perQuery.add(newHistogram());
            }
        }

        long completed() {
            return all.getTotalCount();
        }
    }

    private static Histogram newHistogram() {
        return new Histogram(PhaseResult.HIGHEST_MICROS, 3);
    }

    private static Measured run(BenchConfig config, BenchElasticsearch elasticsearch, String prefix, long docs,
                                int incidents, Duration interval, Path root) throws Exception {
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
        // the 9.x low-level client traces each request as a curl line on the logger named after its Request class
        traced.add("--logging.level.co.elastic.clients.transport.rest5_client.low_level.Request=TRACE");
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
            for (int q = 0; q < QUERIES.size(); q++) {
                int mark = CapturedSearches.mark(log);
                JsonNode answer = client.search(q, 0);
                Thread.sleep(200); // the log line is written by the request's thread; give the appender a moment
                List<CapturedSearches.Request> requests = CapturedSearches.since(log, mark);
                if (requests.isEmpty()) {
                    throw new IllegalStateException("no _search request in the platform's trace log for "
                            + QUERIES.get(q) + "\n" + app.logTail());
                }
                progress(QUERIES.get(q).name() + ": " + answer.path("total").asLong() + " hits; Blackstart sent "
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
            Side baseline = new Side("Elasticsearch _search, direct", i -> direct.send(captured.get(i % QUERIES.size())));
            Side blackstart = new Side("Blackstart GET /api/search", i -> client.search(i % QUERIES.size(), i));
            CpuUse.Meter cpu = CpuUse.of(app.handle());

            progress("warm-up: " + config.warmup() + " searches per side");
            Side warmDirect = new Side("warm-up", baseline.search);
            Side warmBlackstart = new Side("warm-up", blackstart.search);
            alternate(warmDirect, warmBlackstart, config.warmup(), 2, interval, cpu);
            if (warmDirect.errors + warmBlackstart.errors > 0) {
                throw new IllegalStateException("warm-up failed, first: " + (warmDirect.firstError != null
                        ? warmDirect.firstError : warmBlackstart.firstError) + "\n" + app.logTail());
            }
            progress("measuring: " + config.measured() + " searches per side in " + config.rounds() + " alternating rounds");
            alternate(baseline, blackstart, config.measured(), config.rounds(), interval, cpu);
            return new Measured(baseline, blackstart, captured, indexed, loading);
        }
    }

    /**
     * Rounds taking turns (A B, B A, ...), each after both processes settled; within a round one request at a time,
     * started at most every {@code interval} (the platform allows one person 20 searches a second: pacing keeps
     * both sides under it, and both get the same pace). Only the request itself is timed.
     */
    static void alternate(Side a, Side b, int total, int rounds, Duration interval, CpuUse.Meter cpu)
            throws InterruptedException {
        int offset = 0;
        for (int round = 0; round < rounds; round++) {
            int count = total / rounds + (round < total % rounds ? 1 : 0);
            for (Side side : round % 2 == 0 ? List.of(a, b) : List.of(b, a)) {
                CpuUse.awaitQuiet(cpu, InterleavedRounds.QUIET_SHARE, InterleavedRounds.QUIET_WINDOW,
                        InterleavedRounds.QUIET_MAX_WAIT);
                Histogram ofRound = newHistogram();
                CpuUse before = cpu.sample();
                long next = System.nanoTime();
                for (int k = 0; k < count && side.errors < LoadDriver.MAX_ERRORS; k++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int index = offset + k;
                    long start = System.nanoTime();
                    next = start + interval.toNanos();
                    try {
                        side.search.send(index);
                        long micros = Math.min((System.nanoTime() - start) / 1000, PhaseResult.HIGHEST_MICROS);
                        ofRound.recordValue(micros);
                        side.all.recordValue(micros);
                        side.perQuery.get(index % QUERIES.size()).recordValue(micros);
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        side.errors++;
                        if (side.firstError == null) {
                            side.firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
                        }
                    }
                }
                side.platformCpuNanos += cpu.sample().minus(before).platformNanos();
                side.perRound.add(ofRound);
            }
            offset += count;
        }
    }

    /**
     * {@code GET /api/search} with preemptive Basic, as {@link BlackstartClient} does, in turn as the demo's two
     * commanders and its admin: the same audience (so the same request to Elasticsearch), and each person well under
     * the per-person limit at the benchmark's pace.
     */
    static final class BlackstartSearch {
        private static final List<String> USERS = List.of("commander", "commander-2", "admin");

        private final HttpClient http;
        private final URI base;
        private final List<String> authorizations = USERS.stream().map(user -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).toList();

        BlackstartSearch(HttpClient http, URI base) {
            this.http = http;
            this.base = base;
        }

        JsonNode search(int query, int index) throws IOException, InterruptedException {
            String parameters = QUERIES.get(query).parameters();
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/search?" + parameters))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", authorizations.get(index % authorizations.size()))
                    .header("Accept", "application/json").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /api/search?" + parameters + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            if (!"elasticsearch".equals(answer.path("engine").asText()) || answer.path("total").asLong() == 0) {
                // the database's fallback, or nothing found, would time something else than what is compared here
                throw new IOException("GET /api/search?" + parameters + " answered from "
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

    static String report(BenchConfig config, long docs, Duration interval, Measured measured, String loadAtStart,
                         long started) {
        Side direct = measured.direct();
        Side blackstart = measured.blackstart();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d timeline entries (indexed in %.1f s); %d measured searches per side, "
                        + "%d warm-up, one at a time, at most one per %d ms, %d rounds; load average %s at start, %s at end; "
                        + "run took %.0f s%n%n", measured.indexed(), measured.loading().toNanos() / 1e9, config.measured(),
                config.warmup(), interval.toMillis(), config.rounds(), loadAtStart, loadAverage(),
                (System.nanoTime() - started) / 1e9));
        row(out, "", direct.name, blackstart.name, "ratio (Blackstart / direct)");
        out.append("|---|---:|---:|---:|\n");
        row(out, "p50 (ms)", ms(direct.all, 50), ms(blackstart.all, 50), ratio(millis(blackstart.all, 50), millis(direct.all, 50)));
        row(out, "p99 (ms)", ms(direct.all, 99), ms(blackstart.all, 99), ratio(millis(blackstart.all, 99), millis(direct.all, 99)));
        row(out, "max (ms)", ms(direct.all, 100), ms(blackstart.all, 100), "");
        row(out, "CPU per search, platform process (ms)", number(cpuPerSearch(direct), 2), number(cpuPerSearch(blackstart), 2), "");
        row(out, "completed / errors", direct.completed() + " / " + direct.errors, blackstart.completed() + " / "
                + blackstart.errors, "");
        out.append('\n');
        row(out, "query", "direct p50 (ms)", "Blackstart p50 (ms)", "overhead p50", "direct p99 (ms)",
                "Blackstart p99 (ms)", "overhead p99");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < QUERIES.size(); i++) {
            Histogram d = direct.perQuery.get(i);
            Histogram b = blackstart.perQuery.get(i);
            row(out, QUERIES.get(i).name() + " (`" + QUERIES.get(i).parameters() + "`)", ms(d, 50), ms(b, 50),
                    overhead(millis(b, 50), millis(d, 50)), ms(d, 99), ms(b, 99), overhead(millis(b, 99), millis(d, 99)));
        }
        out.append('\n');
        row(out, "round", "direct p50 (ms)", "Blackstart p50 (ms)", "ratio", "direct p99 (ms)", "Blackstart p99 (ms)", "ratio");
        out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> p50Ratios = new ArrayList<>();
        for (int r = 0; r < Math.min(direct.perRound.size(), blackstart.perRound.size()); r++) {
            Histogram d = direct.perRound.get(r);
            Histogram b = blackstart.perRound.get(r);
            p50Ratios.add(millis(b, 50) / millis(d, 50));
            row(out, Integer.toString(r + 1), ms(d, 50), ms(b, 50), ratio(millis(b, 50), millis(d, 50)), ms(d, 99),
                    ms(b, 99), ratio(millis(b, 99), millis(d, 99)));
        }
        out.append("\nmedian of the per-round p50 ratios: ").append(number(Report.median(p50Ratios), 3)).append('\n');
        double p99 = millis(blackstart.all, 99);
        double overheadP50 = millis(blackstart.all, 50) / millis(direct.all, 50) - 1;
        double overheadP99 = p99 / millis(direct.all, 99) - 1;
        out.append(String.format(Locale.ROOT, "%ngoal p99 < 100 ms: %s (%.2f ms)%ngoal overhead < 20 %%: p50 %s (%+.0f %%), "
                        + "p99 %s (%+.0f %%)%n", p99 < 100 ? "met" : "NOT met", p99, overheadP50 < 0.2 ? "met" : "NOT met",
                overheadP50 * 100, overheadP99 < 0.2 ? "met" : "NOT met", overheadP99 * 100));
        if (direct.firstError != null || blackstart.firstError != null) {
            out.append("first errors: direct ").append(direct.firstError).append("; Blackstart ").append(blackstart.firstError)
                    .append('\n');
        }
        out.append("\nrequests Blackstart sent per query (replayed as the direct side):\n");
        for (int i = 0; i < QUERIES.size(); i++) {
            for (CapturedSearches.Request request : measured.captured().get(i)) {
                out.append("- ").append(QUERIES.get(i).name()).append(": `").append(request.method()).append(' ')
                        .append(request.pathAndQuery()).append("` `").append(request.body()).append("`\n");
            }
        }
        return out.toString();
    }

    private static double cpuPerSearch(Side side) {
        return side.completed() == 0 ? Double.NaN : side.platformCpuNanos / 1e6 / side.completed();
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "n/a" : number(histogram.getValueAtPercentile(percentile) / 1000.0, 2);
    }

    private static String overhead(double subject, double base) {
        return Double.isNaN(subject) || Double.isNaN(base) ? "n/a"
                : String.format(Locale.ROOT, "%+.0f %%", (subject / base - 1) * 100);
    }
}
