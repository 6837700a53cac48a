package org.blackstart.bench;

import static org.blackstart.bench.BenchConsole.deleteTree;
import static org.blackstart.bench.BenchConsole.loadAverage;
import static org.blackstart.bench.BenchConsole.printErrors;
import static org.blackstart.bench.BenchConsole.progress;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Alerts per second through the Alertmanager endpoint (accepted, and processed: deduplicated,
 * grouped, incidents opened) and alert-to-first-page latency, for Blackstart against a bare
 * endpoint that parses the same JSON and stores the same rows ({@link BareAlertEndpoint}), both
 * measured in this run on this machine.
 *
 * <p>Ingestion: both sides get the same warm-up and then the same pre-generated storm
 * ({@link AlertStorm}) in alternating rounds ({@link InterleavedRounds}) from the same client
 * threads; after each platform round the benchmark waits until the platform's gauge of unprocessed
 * alerts is 0, and counts that time into the sustained rate. Pages: one alert at a time for a new
 * rack, until the Twilio simulation receives the call ({@link PageLatency}).
 *
 * <p>Every phase has a deadline, every request and every page a timeout; the platform process and
 * all servers are stopped at the end. How to run: bench/README.md. Exit status 0 only if every
 * request, drain and page succeeded.
 */
public final class AlertBenchmark {

    /** One webhook POST may take at most this long before it counts as failed. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private AlertBenchmark() {
    }

    record Results(AlertReport.Ingestion baseline, AlertReport.Ingestion subject, PageLatency.Outcome pages,
                   long[] baselineRows, long baselineAlertsSent) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        AlertBenchConfig config = AlertBenchConfig.from(System.getProperties(), args);
        BenchConfig common = config.common();
        System.out.printf(Locale.ROOT, "AlertBenchmark %s%n  java %s (%s), %d cores%n"
                        + "  requests=%d (x %d alerts) warmup=%d threads=%d rounds=%d hostsPerRack=%d repeatShare=%.2f%n"
                        + "  pages=%d pageWarmup=%d subject=%s jar=%s%n",
                Instant.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), common.measured(), config.alertsPerRequest(), common.warmup(),
                common.threads(), common.rounds(), config.hostsPerRack(), config.repeatShare(), config.pages(),
                config.pageWarmup(), config.subject().name().toLowerCase(Locale.ROOT), common.jar());
        System.out.println("  load average at start: " + loadAverage());

        Path root = Files.createTempDirectory("blackstart-alert-bench-");
        boolean complete;
        try {
            Results results = measure(config, root);
            System.out.println();
            System.out.println("Ingestion (" + results.subject().alerts() + " alerts per side in " + common.rounds()
                    + " alternating rounds, " + common.threads() + " client threads):");
            System.out.println();
            System.out.print(AlertReport.ingestion(results.baseline(), results.subject()));
            System.out.println();
            System.out.print(AlertReport.rounds(results.baseline(), results.subject()));
            System.out.println();
            System.out.println("Alert-to-first-page (" + config.pages() + " pages per side, one at a time):");
            System.out.println();
            System.out.print(AlertReport.pages(results.pages().a(), results.pages().b()));
            System.out.println();
            System.out.print(AlertReport.goals(results.subject(), results.pages().b()));
            System.out.printf("baseline stored %d batches and %d alerts; sent %d alerts%n", results.baselineRows()[0],
                    results.baselineRows()[1], results.baselineAlertsSent());
            System.out.println("load average at end: " + loadAverage());
            List<PhaseResult> all = new ArrayList<>();
            all.addAll(results.baseline().rounds());
            all.addAll(results.subject().rounds());
            all.add(results.pages().a());
            all.add(results.pages().b());
            all.forEach(BenchConsole::printErrors);
            complete = all.stream().allMatch(r -> r.errors() == 0)
                    && results.baseline().pooled().completed() == common.measured()
                    && results.subject().pooled().completed() == common.measured()
                    && results.subject().totalDrain() != null
                    && results.pages().a().completed() == config.pages()
                    && results.pages().b().completed() == config.pages()
                    && results.baselineRows()[1] == results.baselineAlertsSent();
        } finally {
            if (common.keepFiles()) {
                System.out.println("kept " + root);
            } else {
                deleteTree(root);
            }
        }
        if (!complete) {
            System.out.println("INCOMPLETE: not every request, drain and page succeeded; the figures above are not comparable.");
            System.exit(1);
        }
    }

    private static Results measure(AlertBenchConfig config, Path root) throws Exception {
        BenchConfig common = config.common();
        int perRequest = config.alertsPerRequest();
        // Different datacenters: the measured storm's racks are new to both sides after the warm-up.
        List<String> warm = new AlertStorm("dc-warm", perRequest, config.hostsPerRack(), config.repeatShare())
                .payloads(common.warmup());
        AlertStorm storm = new AlertStorm("dc1", perRequest, config.hostsPerRack(), config.repeatShare());
        List<String> bodies = storm.payloads(common.measured());
        progress(String.format(Locale.ROOT, "storm: %d requests of %d alerts, %d alerts per rack of %d hosts (%.0f%% repeats)",
                bodies.size(), perRequest, storm.alertsPerRack(), config.hostsPerRack(), storm.repeatShare() * 100));

        HttpClient http = BlackstartClient.newHttpClient();
        try (TwilioSimulation twilio = new TwilioSimulation(BlackstartProcess.freeLoopbackPorts(1)[0]);
             BareAlertEndpoint baseline = BareAlertEndpoint.start(Files.createDirectories(root.resolve("baseline")),
                     BareAlertEndpoint.platformSchema(common.jar(), Files.createDirectories(root.resolve("baseline-migrations"))),
                     config.token(), config.baselineThreads(), twilio.pager(http), AlertSubject.PAGED_DATACENTER);
             AlertSubject subject = startSubject(config, root, twilio, http)) {
            progress("baseline: bare endpoint on " + baseline.baseUri() + ", Twilio simulation on " + twilio.apiBaseUri());
            AlertClient baselineClient = new AlertClient(http, baseline.baseUri(), config.token());
            AlertClient subjectClient = new AlertClient(http, subject.baseUri(), config.token());

            progress("warm-up: " + warm.size() + " requests per side");
            warmUp(common, "baseline", i -> baselineClient.post(warm.get(i), perRequest, REQUEST_TIMEOUT), subject);
            warmUp(common, "subject", i -> subjectClient.post(warm.get(i), perRequest, REQUEST_TIMEOUT), subject);
            try {
                PendingAlerts.drain(subject.pending(), config.drainTimeout());
            } catch (IllegalStateException | IOException e) {
                throw new IllegalStateException("subject warm-up did not drain: " + e.getMessage() + subject.diagnostics(), e);
            }

            progress("measuring ingestion: " + bodies.size() + " requests per side in " + common.rounds() + " alternating rounds");
            List<Duration> baselineDrains = Collections.synchronizedList(new ArrayList<>());
            List<Duration> subjectDrains = Collections.synchronizedList(new ArrayList<>());
            InterleavedRounds.Side baselineSide = new InterleavedRounds.Side("bare endpoint, same rows",
                    i -> baselineClient.post(bodies.get(i), perRequest, REQUEST_TIMEOUT), new SideCounters(),
                    round -> baselineDrains.add(PendingAlerts.drain(PendingAlerts.NONE, config.drainTimeout())));
            InterleavedRounds.Side subjectSide = new InterleavedRounds.Side(subject.name(),
                    i -> subjectClient.post(bodies.get(i), perRequest, REQUEST_TIMEOUT), new SideCounters(),
                    round -> subjectDrains.add(PendingAlerts.drain(subject.pending(), config.drainTimeout())));
            InterleavedRounds.Outcome rounds = InterleavedRounds.run(baselineSide, subjectSide, common.measured(),
                    common.rounds(), common.threads(), common.phaseTimeout().dividedBy(common.rounds()), subject.cpu());

            progress("measuring alert-to-first-page: " + config.pages() + " pages per side (+" + config.pageWarmup() + " warm-up)");
            CpuUse.awaitQuiet(subject.cpu(), InterleavedRounds.QUIET_SHARE, InterleavedRounds.QUIET_WINDOW,
                    InterleavedRounds.QUIET_MAX_WAIT);
            PageLatency.Outcome pages = PageLatency.run(
                    new PageLatency.Target("bare endpoint, call after commit", baselineClient, "pb"),
                    new PageLatency.Target(subject.name(), subjectClient, "pp"),
                    twilio, config.pageWarmup(), config.pages(), config.pagePause(), config.pageTimeout());
            if (pages.b().errors() > 0) {
                System.err.println("[bench] subject pages failed: " + pages.b().firstError() + subject.diagnostics());
            }
            long sent = (long) perRequest * (common.warmup() + rounds.pooledA().completed())
                    + pages.a().completed() + pages.a().errors() + config.pageWarmup();
            long[] rows = baseline.rowCounts();
            progress("stopping");
            return new Results(new AlertReport.Ingestion(rounds.a(), baselineDrains, perRequest),
                    new AlertReport.Ingestion(rounds.b(), subjectDrains, perRequest), pages, rows, sent);
        }
    }

    private static AlertSubject startSubject(AlertBenchConfig config, Path root, TwilioSimulation twilio, HttpClient http)
            throws Exception {
        Path directory = Files.createDirectories(root.resolve("subject"));
        if (config.subject() == AlertBenchConfig.Subject.BASELINE) {
            progress("subject: a second bare endpoint (A/A run)");
            return AlertSubject.secondBaseline(config, directory, twilio, http);
        }
        progress("subject: launching " + config.common().jar() + " in " + directory);
        return AlertSubject.platform(config, directory, twilio, http);
    }

    private static void warmUp(BenchConfig common, String side, LoadDriver.Operation operation, AlertSubject subject)
            throws InterruptedException {
        PhaseResult warm = LoadDriver.run("warm-up", common.warmup(), common.threads(), common.phaseTimeout(), operation);
        if (warm.errors() > 0) {
            throw new IllegalStateException(side + " warm-up failed (" + warm.errors() + " errors), first: "
                    + warm.firstError() + subject.diagnostics());
        }
    }




}
