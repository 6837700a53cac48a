package org.blackstart.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The system measured against the baseline: the platform as a child process, or (for an A/A run
 * that checks the harness itself) a second bare endpoint with its own database.
 */
final class AlertSubject implements AutoCloseable {

    /** The datacenter whose new racks page: the platform's paging rule in alert-bench.yml matches it. */
    static final String PAGED_DATACENTER = "dc-page";

    private final String name;
    private final URI baseUri;
    private final PendingAlerts pending;
    private final CpuUse.Meter cpu;
    private final BlackstartProcess platform;
    private final BareAlertEndpoint bare;

    private AlertSubject(String name, URI baseUri, PendingAlerts pending, CpuUse.Meter cpu, BlackstartProcess platform,
                         BareAlertEndpoint bare) {
        this.name = name;
        this.baseUri = baseUri;
        this.pending = pending;
        this.cpu = cpu;
        this.platform = platform;
        this.bare = bare;
    }

    /**
     * Launches the platform with the benchmark's configuration (alert rules, on-call person and
     * policy, Twilio pointed at the simulation) and waits until it is UP.
     */
    static AlertSubject platform(AlertBenchConfig config, Path directory, TwilioSimulation twilio, HttpClient http)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(config.appConfig())) {
            throw new IllegalArgumentException(config.appConfig() + " does not exist (bench.alertConfig)");
        }
        BlackstartProcess app = BlackstartProcess.launch(config.common().jar(), directory, config.common().childJvmArgs(),
                List.of("--spring.config.additional-location=file:" + config.appConfig(),
                        "--bench.twilio.api-base-url=" + twilio.apiBaseUri(),
                        "--bench.twilio.account-sid=" + TwilioSimulation.ACCOUNT_SID,
                        "--bench.twilio.auth-token=" + TwilioSimulation.AUTH_TOKEN,
                        "--bench.twilio.from-number=" + TwilioSimulation.FROM,
                        "--bench.oncall.phone=" + TwilioSimulation.TO));
        try {
            long launched = System.nanoTime();
            app.awaitHealthy(http, config.common().startupTimeout());
            progress(String.format("blackstart: UP on %s after %.1f s", app.baseUri(), (System.nanoTime() - launched) / 1e9));
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
        return new AlertSubject("Blackstart, POST " + BareAlertEndpoint.PATH, app.baseUri(),
                PendingAlerts.ofPlatform(http, app.baseUri(), "admin", "admin"), CpuUse.of(app.handle()), app, null);
    }

    /** A second bare endpoint: both columns measure the same code, so every ratio should be about 1. */
    static AlertSubject secondBaseline(AlertBenchConfig config, Path directory, TwilioSimulation twilio, HttpClient http)
            throws Exception {
        BareAlertEndpoint bare = BareAlertEndpoint.start(directory,
                BareAlertEndpoint.platformSchema(config.common().jar(), Files.createDirectories(directory.resolve("migrations"))),
                config.token(),
                config.baselineThreads(), twilio.pager(http), PAGED_DATACENTER);
        // Both sides live in this JVM: all CPU is the benchmark's, none is another process's.
        CpuUse.Meter cpu = () -> new CpuUse(ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L), 0);
        return new AlertSubject("bare endpoint (A/A check)", bare.baseUri(), PendingAlerts.NONE, cpu, null, bare);
    }

    String name() {
        return name;
    }

    URI baseUri() {
        return baseUri;
    }

    PendingAlerts pending() {
        return pending;
    }

    CpuUse.Meter cpu() {
        return cpu;
    }

    /** The platform log's last lines, to explain a failure. */
    String diagnostics() {
        return platform == null ? "" : "\nplatform log tail:\n" + platform.logTail();
    }

    @Override
    public void close() throws InterruptedException {
        if (platform != null) {
            platform.close();
        }
        if (bare != null) {
            bare.close();
        }
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
