package org.blackstart.bench;

import static org.blackstart.bench.BenchConsole.deleteTree;
import static org.blackstart.bench.BenchConsole.loadAverage;
import static org.blackstart.bench.BenchConsole.printErrors;
import static org.blackstart.bench.BenchConsole.progress;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Incidents declared per second, and declare-to-first-task latency, for Blackstart against a bare
 * Camunda engine running a one-task process, both measured in this run on this machine, so the
 * ratio means something even where absolute figures move from machine to machine.
 *
 * <p>Both sides get the same warm-up, the same number of declares and the same client threads,
 * measured in alternating rounds ({@link InterleavedRounds}) so that other work on a shared
 * machine falls on both. Every phase has a deadline and every operation a timeout; the child
 * process is always stopped.
 *
 * <p>How to run: see bench/README.md. Exit status 0 only if every measured declare succeeded.
 */
public final class DeclareBenchmark {

    /** One declare (start plus first-task query) may take at most this long before it counts as failed. */
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);

    private DeclareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the engine's INFO lines would drown the report.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        BenchConfig config = BenchConfig.from(System.getProperties(), args);
        System.out.printf("DeclareBenchmark %s%n  java %s (%s), %d cores%n  n=%d warmup=%d threads=%d rounds=%d jar=%s%n",
                Instant.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), config.measured(), config.warmup(), config.threads(),
                config.rounds(), config.jar());
        // Other work on the machine moves both sides' figures; the load average lets a reader judge a run.
        System.out.println("  load average at start: " + loadAverage());

        Path root = Files.createTempDirectory("blackstart-bench-");
        boolean complete;
        try {
            InterleavedRounds.Outcome outcome = measure(config, root);
            PhaseResult baseline = outcome.pooledA();
            PhaseResult blackstart = outcome.pooledB();
            System.out.println();
            System.out.print(Report.table(baseline, blackstart));
            System.out.println();
            System.out.print(Report.rounds(outcome));
            System.out.println();
            System.out.println("load average at end: " + loadAverage());
            printErrors(baseline);
            printErrors(blackstart);
            complete = baseline.errors() == 0 && blackstart.errors() == 0
                    && baseline.completed() == config.measured() && blackstart.completed() == config.measured();
        } finally {
            if (config.keepFiles()) {
                System.out.println("kept " + root);
            } else {
                deleteTree(root);
            }
        }
        if (!complete) {
            // After the finally: the temp directory is cleaned up (or kept) either way.
            System.out.println("INCOMPLETE: not every measured declare succeeded; the figures above are not comparable.");
            System.exit(1);
        }
    }

    /**
     * Both systems stay up for the whole measurement and take turns; while one is measured the
     * other is idle (no job executor in the baseline; the platform's external-task poller wakes
     * every 500 ms to find nothing), so they do not compete for the CPU in any way that matters.
     */
    private static InterleavedRounds.Outcome measure(BenchConfig config, Path root) throws Exception {
        Path baselineDir = Files.createDirectories(root.resolve("baseline"));
        Path platformDir = Files.createDirectories(root.resolve("blackstart"));
        progress("baseline: starting a bare Camunda engine on " + baselineDir);
        HttpClient http = BlackstartClient.newHttpClient();
        try (BareEngine engine = BareEngine.start(baselineDir);
             BlackstartProcess app = BlackstartProcess.launch(config.jar(), platformDir, config.childJvmArgs())) {
            progress("blackstart: launched " + config.jar() + " in " + platformDir);
            long launched = System.nanoTime();
            app.awaitHealthy(http, config.startupTimeout());
            progress(String.format("blackstart: UP on %s after %.1f s", app.baseUri(), (System.nanoTime() - launched) / 1e9));
            BlackstartClient client = new BlackstartClient(http, app.baseUri(), "commander", "commander");

            InterleavedRounds.Side baseline = new InterleavedRounds.Side("bare Camunda, one user task",
                    i -> engine.declareAndAwaitTask("bench-" + i, OPERATION_TIMEOUT), engine.counters());
            InterleavedRounds.Side blackstart = new InterleavedRounds.Side("Blackstart, POST /api/incidents",
                    i -> client.declareAndAwaitTask("bench declare " + i, OPERATION_TIMEOUT), client.counters());

            progress("warm-up: " + config.warmup() + " declares per side");
            warmUp(config, "baseline", i -> engine.declareAndAwaitTask("warm-" + i, OPERATION_TIMEOUT), app);
            warmUp(config, "blackstart", i -> client.declareAndAwaitTask("bench warm-up " + i, OPERATION_TIMEOUT), app);

            progress("measuring: " + config.measured() + " declares per side in " + config.rounds() + " alternating rounds");
            InterleavedRounds.Outcome outcome = InterleavedRounds.run(baseline, blackstart, config.measured(),
                    config.rounds(), config.threads(), config.phaseTimeout().dividedBy(config.rounds()),
                    CpuUse.of(app.handle()));
            progress("stopping the platform");
            return outcome;
        }
    }

    private static void warmUp(BenchConfig config, String side, LoadDriver.Operation operation, BlackstartProcess app)
            throws InterruptedException {
        PhaseResult warm = LoadDriver.run("warm-up", config.warmup(), config.threads(), config.phaseTimeout(), operation);
        if (warm.errors() > 0) {
            // Fail fast with the cause: measuring a system that rejects declares would only time the rejections.
            throw new IllegalStateException(side + " warm-up failed (" + warm.errors() + " errors), first: "
                    + warm.firstError() + "\nplatform log tail:\n" + app.logTail());
        }
    }




}
