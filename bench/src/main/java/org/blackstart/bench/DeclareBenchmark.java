package org.blackstart.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Incidents declared per second, and declare-to-first-task latency, for Blackstart against a bare
 * Camunda engine running a one-task process, both measured in this run on this machine, so the
 * ratio means something even where absolute figures move from machine to machine.
 *
 * <p>Order: the baseline runs and is closed before the platform starts, so the two never share the
 * CPU. Each side gets the same warm-up, the same number of declares and the same client threads.
 * Every phase has a deadline and every operation a timeout; the child process is always stopped.
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
        System.out.printf("DeclareBenchmark %s%n  java %s (%s), %d cores%n  n=%d warmup=%d threads=%d jar=%s%n",
                Instant.now(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), config.measured(), config.warmup(), config.threads(), config.jar());

        Path root = Files.createTempDirectory("blackstart-bench-");
        try {
            PhaseResult baseline = measureBaseline(config, Files.createDirectories(root.resolve("baseline")));
            PhaseResult blackstart = measureBlackstart(config, Files.createDirectories(root.resolve("blackstart")));
            System.out.println();
            System.out.print(Report.table(baseline, blackstart));
            System.out.println();
            printErrors(baseline);
            printErrors(blackstart);
            boolean complete = baseline.errors() == 0 && blackstart.errors() == 0
                    && baseline.completed() == config.measured() && blackstart.completed() == config.measured();
            if (!complete) {
                System.out.println("INCOMPLETE: not every measured declare succeeded; the figures above are not comparable.");
                System.exit(1);
            }
        } finally {
            if (config.keepFiles()) {
                System.out.println("kept " + root);
            } else {
                deleteTree(root);
            }
        }
    }

    private static PhaseResult measureBaseline(BenchConfig config, Path directory) throws InterruptedException {
        progress("baseline: starting a bare Camunda engine on " + directory);
        try (BareEngine engine = BareEngine.start(directory)) {
            progress("baseline: warm-up, " + config.warmup() + " starts");
            LoadDriver.run("warm-up", config.warmup(), config.threads(), config.phaseTimeout(),
                    i -> engine.declareAndAwaitTask("warm-" + i, OPERATION_TIMEOUT));
            engine.counters().reset();
            progress("baseline: measuring " + config.measured() + " starts");
            PhaseResult result = LoadDriver.run("bare Camunda, one user task", config.measured(), config.threads(),
                    config.phaseTimeout(), i -> engine.declareAndAwaitTask("bench-" + i, OPERATION_TIMEOUT));
            return engine.counters().addTo(result);
        }
    }

    private static PhaseResult measureBlackstart(BenchConfig config, Path directory) throws Exception {
        progress("blackstart: launching " + config.jar() + " in " + directory);
        HttpClient http = BlackstartClient.newHttpClient();
        try (BlackstartProcess app = BlackstartProcess.launch(config.jar(), directory, config.childJvmArgs())) {
            long launched = System.nanoTime();
            app.awaitHealthy(http, config.startupTimeout());
            progress(String.format("blackstart: UP on %s after %.1f s", app.baseUri(), (System.nanoTime() - launched) / 1e9));
            BlackstartClient client = new BlackstartClient(http, app.baseUri(), "commander", "commander");
            progress("blackstart: warm-up, " + config.warmup() + " declares");
            PhaseResult warm = LoadDriver.run("warm-up", config.warmup(), config.threads(), config.phaseTimeout(),
                    i -> client.declareAndAwaitTask("bench warm-up " + i, OPERATION_TIMEOUT));
            if (warm.errors() > 0) {
                // Fail fast with the cause: measuring a platform that rejects declares would only time the rejections.
                throw new IllegalStateException("warm-up declares failed (" + warm.errors() + "), first: "
                        + warm.firstError() + "\n" + app.logTail());
            }
            client.counters().reset();
            progress("blackstart: measuring " + config.measured() + " declares");
            PhaseResult result = LoadDriver.run("Blackstart, POST /api/incidents", config.measured(), config.threads(),
                    config.phaseTimeout(), i -> client.declareAndAwaitTask("bench declare " + i, OPERATION_TIMEOUT));
            progress("blackstart: stopping");
            return client.counters().addTo(result);
        }
    }

    private static void printErrors(PhaseResult result) {
        if (result.errors() > 0) {
            System.out.println(result.name() + ": " + result.errors() + " errors, first: " + result.firstError());
        }
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
