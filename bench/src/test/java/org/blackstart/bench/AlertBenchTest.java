package org.blackstart.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert benchmark's pieces: the storm, the baseline endpoint, the Twilio simulation, draining and the report. */
class AlertBenchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "test-token";

    @TempDir
    Path dir;

    @Test
    void stormPayloadsAreAlertmanagerVersion4WithStableFingerprints() throws Exception {
        AlertStorm storm = new AlertStorm("dc1", 50, 40, 0.2);
        JsonNode body = JSON.readTree(storm.payload(3));
        assertThat(body.path("version").asText()).isEqualTo("4");
        assertThat(body.path("status").asText()).isEqualTo("firing");
        assertThat(body.path("receiver").asText()).isEqualTo("blackstart");
        assertThat(body.path("groupKey").asText()).startsWith("{}:{datacenter=\"dc1\", rack=\"r");
        assertThat(body.path("commonLabels").path("datacenter").asText()).isEqualTo("dc1");
        assertThat(body.path("alerts")).hasSize(50);
        JsonNode alert = body.path("alerts").get(0);
        assertThat(alert.path("status").asText()).isEqualTo("firing");
        assertThat(alert.path("labels").fieldNames()).toIterable()
                .containsExactly("alertname", "datacenter", "rack", "instance", "service", "severity");
        assertThat(alert.path("annotations").path("summary").asText()).contains("unreachable");
        assertThat(alert.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.path("startsAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(alert.path("generatorURL").asText()).startsWith("http://127.0.0.1:");
        assertThat(alert.path("fingerprint").asText()).matches("[0-9a-f]{16}")
                .isEqualTo(AlertStorm.fingerprint(alert.path("labels").path("instance").asText()));
        // The same index is the same body: both sides of a run get identical requests.
        Instant start = Instant.parse("2026-11-23T23:45:00Z");
        assertThat(new AlertStorm("dc1", 50, 40, 0.2, start).payload(3)).isEqualTo(new AlertStorm("dc1", 50, 40, 0.2, start).payload(3));
        assertThat(JSON.readTree(new AlertStorm("dc1", 50, 40, 0.2, start).payload(1)).path("alerts").get(0).path("startsAt").asText())
                .isEqualTo("2026-11-23T23:45:00.050Z");
    }

    @Test
    void stormRepeatsTheConfiguredShareAndFoldsFortyHostsIntoEachRack() throws Exception {
        AlertStorm storm = new AlertStorm("dc1", 50, 40, 0.2);
        assertThat(storm.alertsPerRack()).isEqualTo(50);
        int alerts = 0;
        Set<String> fingerprints = new HashSet<>();
        Map<String, Set<String>> hostsByRack = new HashMap<>();
        Map<String, String> rackOfFingerprint = new HashMap<>();
        for (String payload : storm.payloads(40)) {
            for (JsonNode alert : JSON.readTree(payload).path("alerts")) {
                alerts++;
                String fingerprint = alert.path("fingerprint").asText();
                String rack = alert.path("labels").path("rack").asText();
                fingerprints.add(fingerprint);
                hostsByRack.computeIfAbsent(rack, r -> new HashSet<>()).add(alert.path("labels").path("instance").asText());
                // A repeated fingerprint always comes with the labels it was first sent with.
                assertThat(rackOfFingerprint.putIfAbsent(fingerprint, rack)).isIn(null, rack);
            }
        }
        assertThat(alerts).isEqualTo(2000);
        assertThat(fingerprints).hasSize(1600); // 20% of the alerts repeat an earlier fingerprint
        assertThat(hostsByRack).hasSize(40).allSatisfy((rack, hosts) -> assertThat(hosts).hasSize(40));
    }

    @Test
    void schemaComesFromTheMigrationsInsideTheJar() throws Exception {
        Path jar = fakePlatformJar();
        String url = "jdbc:h2:file:" + dir.resolve("schema").toAbsolutePath();
        assertThat(PlatformSchema.migrate(jar, Files.createDirectories(dir.resolve("scratch")), url)).isEqualTo(1);
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             ResultSet tables = db.createStatement().executeQuery("SELECT LOWER(table_name) FROM information_schema.tables "
                     + "WHERE LOWER(table_name) LIKE 'bs_%' ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertThat(names).containsExactly("bs_alert_batch", "bs_alert_inbox", "bs_schema_history");
        }
        assertThatThrownBy(() -> PlatformSchema.migrate(dir.resolve("missing.jar"), dir, url))
                .hasMessageContaining("missing.jar does not exist");
    }

    @Test
    void bareEndpointStoresTheBodyAndEveryAlertInTheSchemaOfThePlatform() throws Exception {
        String payload = new AlertStorm("dc1", 50, 40, 0.2).payload(0);
        try (BareAlertEndpoint endpoint = BareAlertEndpoint.start(dir, schema(), TOKEN, 2, null, "dc-page")) {
            HttpResponse<String> response = post(endpoint.baseUri(), "Bearer " + TOKEN, payload);
            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode reply = JSON.readTree(response.body());
            assertThat(reply.path("status").asText()).isEqualTo("accepted");
            assertThat(reply.path("alerts").asInt()).isEqualTo(50);
            assertThat(reply.path("batchId").asLong()).isPositive();
            assertThat(endpoint.rowCounts()).containsExactly(1, 50);
        }
        JsonNode first = JSON.readTree(payload).path("alerts").get(0);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("alerts").toAbsolutePath(), "sa", "");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT b.raw_payload, b.alert_count, i.source, i.dedup_key, i.status, "
                     + "i.summary, i.severity, i.starts_at, i.ends_at, i.labels, i.link, i.processed_at "
                     + "FROM bs_alert_inbox i JOIN bs_alert_batch b ON b.id = i.batch_id ORDER BY i.id FETCH FIRST 1 ROWS ONLY")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(payload);
            assertThat(row.getInt(2)).isEqualTo(50);
            assertThat(row.getString(3)).isEqualTo("alertmanager");
            assertThat(row.getString(4)).isEqualTo(first.path("fingerprint").asText());
            assertThat(row.getString(5)).isEqualTo("FIRING");
            assertThat(row.getString(6)).isEqualTo(first.path("annotations").path("summary").asText());
            assertThat(row.getString(7)).isEqualTo("critical");
            assertThat(row.getObject(8)).isNotNull();
            assertThat(row.getObject(9)).as("0001-01-01 means not ended").isNull();
            assertThat(JSON.readTree(row.getString(10))).isEqualTo(first.path("labels"));
            assertThat(row.getString(11)).isEqualTo(first.path("generatorURL").asText());
            assertThat(row.getObject(12)).isNull();
        }
    }

    @Test
    void bareEndpointRefusesWrongTokensAndBadAlertsAndStoresNothing() throws Exception {
        try (BareAlertEndpoint endpoint = BareAlertEndpoint.start(dir, schema(), TOKEN, 2, null, "dc-page")) {
            String payload = new AlertStorm("dc1", 5, 40, 0.2).payload(0);
            assertThat(post(endpoint.baseUri(), "Bearer nope", payload).statusCode()).isEqualTo(401);
            assertThat(post(endpoint.baseUri(), null, payload).statusCode()).isEqualTo(401);
            HttpResponse<String> badStatus = post(endpoint.baseUri(), "Bearer " + TOKEN, payload.replaceFirst("\"firing\",\"labels\"",
                    "\"burning\",\"labels\""));
            assertThat(badStatus.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badStatus.body()).path("detail").asText()).isEqualTo("alerts[0].status must be firing or resolved");
            assertThat(post(endpoint.baseUri(), "Bearer " + TOKEN, "{not json").statusCode()).isEqualTo(400);
            assertThat(endpoint.rowCounts()).containsExactly(0, 0);
        }
    }

    @Test
    void bareEndpointPagesOnceForEachNewRackOfThePagedDatacenter() throws Exception {
        HttpClient http = BlackstartClient.newHttpClient();
        try (TwilioSimulation twilio = new TwilioSimulation(BlackstartProcess.freeLoopbackPorts(1)[0]);
             BareAlertEndpoint endpoint = BareAlertEndpoint.start(dir, schema(), TOKEN, 2, twilio.pager(http), "dc-page")) {
            AlertClient client = new AlertClient(http, endpoint.baseUri(), TOKEN);
            client.post(new AlertStorm("dc1", 50, 40, 0.2).payload(0), 50, Duration.ofSeconds(10));
            assertThat(twilio.callCount()).as("the storm's datacenter does not page").isZero();

            long start = System.nanoTime();
            client.post(AlertStorm.singleAlert("dc-page", "pb00001"), 1, Duration.ofSeconds(10));
            long called = twilio.awaitCall("pb00001", start, Duration.ofSeconds(5));
            assertThat(called - start).isPositive();
            client.post(AlertStorm.singleAlert("dc-page", "pb00001"), 1, Duration.ofSeconds(10));
            assertThat(twilio.callCount()).as("a rack already paged is not paged again").isEqualTo(1);
            assertThatThrownBy(() -> twilio.awaitCall("pb00002", start, Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pb00002");
        }
    }

    @Test
    void twilioSimulationAnswersLikeTwilioAndRefusesOtherCredentials() throws Exception {
        HttpClient http = BlackstartClient.newHttpClient();
        try (TwilioSimulation twilio = new TwilioSimulation(BlackstartProcess.freeLoopbackPorts(1)[0])) {
            URI calls = twilio.apiBaseUri().resolve("/2010-04-01/Accounts/" + TwilioSimulation.ACCOUNT_SID + "/Calls.json");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(calls)
                    .header("Authorization", "Basic d3Jvbmc6d3Jvbmc=")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=%2B31205550100")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).path("code").asInt()).isEqualTo(20003);

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(calls)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (TwilioSimulation.ACCOUNT_SID + ":" + TwilioSimulation.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=%2B31205550100&From=%2B31205550199&Twiml=%3CResponse%2F%3E")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).path("sid").asText()).matches("CA[0-9a-fA-F]{32}");

            twilio.pager(http).call("bench page pb00009");
            assertThat(twilio.callCount()).isEqualTo(3); // the refused one arrived too: arrival is what is timed
            twilio.awaitCall("pb00009", 0, Duration.ofSeconds(1));
        }
    }

    @Test
    void drainWaitsUntilNothingIsPendingAndGivesUpAtItsTimeout() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        Duration waited = PendingAlerts.drain(() -> Math.max(0, 3 - polls.getAndIncrement()), Duration.ofSeconds(5));
        assertThat(polls.get()).isEqualTo(4);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(PendingAlerts.drain(PendingAlerts.NONE, Duration.ofSeconds(1))).isLessThan(Duration.ofMillis(20));
        assertThatThrownBy(() -> PendingAlerts.drain(() -> 7, Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class).hasMessage("7 alerts still pending after PT0.1S");
    }

    @Test
    void pendingIsReadFromTheActuatorGaugeValue() throws Exception {
        JsonNode metric = JSON.readTree("{\"name\":\"blackstart.alerts.pending\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":1234.0}]}");
        assertThat(PendingAlerts.gaugeValue(metric)).isEqualTo(1234);
        assertThatThrownBy(() -> PendingAlerts.gaugeValue(JSON.readTree("{\"measurements\":[]}"))).isInstanceOf(IOException.class);
    }

    @Test
    void acceptedCountMustMatchWhatWasSent() throws Exception {
        AlertClient.checkAccepted("{\"status\":\"accepted\",\"batchId\":3,\"alerts\":50}", 50);
        AlertClient.checkAccepted("{\"status\":\"accepted\"}", 50); // a reply without a count is not held against it
        assertThatThrownBy(() -> AlertClient.checkAccepted("{\"alerts\":49}", 50)).hasMessageContaining("accepted 49");
    }

    @Test
    void afterRoundFailureBecomesAnErrorOfThatRoundAndStopsTheRounds() throws Exception {
        InterleavedRounds.Side ok = new InterleavedRounds.Side("ok", i -> { }, new SideCounters());
        InterleavedRounds.Side stuck = new InterleavedRounds.Side("stuck", i -> { }, new SideCounters(), round -> {
            throw new IllegalStateException("5 alerts still pending");
        });
        InterleavedRounds.Outcome outcome = InterleavedRounds.run(ok, stuck, 10, 5, 1, Duration.ofSeconds(10),
                () -> CpuUse.NONE);
        assertThat(outcome.b()).hasSize(1);
        assertThat(outcome.pooledB().errors()).isEqualTo(1);
        assertThat(outcome.pooledB().completed()).isEqualTo(2);
        assertThat(outcome.pooledB().firstError()).isEqualTo("after the round: IllegalStateException: 5 alerts still pending");
    }

    @Test
    void sustainedRateCountsTheDrainAndTheReportShowsRatiosAndGoals() {
        // Baseline: 2 rounds of 10 requests x 50 alerts in 0.25 s each, no drain: 2000 alerts/s.
        // Subject: same requests in 0.5 s each, then 0.5 s of drain each: 1000 accepted/s, 500 processed/s.
        AlertReport.Ingestion baseline = new AlertReport.Ingestion(
                List.of(round("bare", 250, 1000), round("bare", 250, 1000)), List.of(Duration.ZERO, Duration.ZERO), 50);
        AlertReport.Ingestion subject = new AlertReport.Ingestion(
                List.of(round("bs", 500, 2000), round("bs", 500, 2000)), List.of(Duration.ofMillis(500), Duration.ofMillis(500)), 50);
        assertThat(subject.alerts()).isEqualTo(1000);
        assertThat(subject.alertsPerSecond()).isEqualTo(1000.0);
        assertThat(subject.processedPerSecond()).isEqualTo(500.0);
        assertThat(baseline.processedPerSecond()).isEqualTo(2000.0);
        String table = AlertReport.ingestion(baseline, subject);
        assertThat(table).contains("| alerts accepted/s | 2000.0 | 1000.0 | 0.500 |")
                .contains("| processed alerts/s, sustained (alerts / (rounds + drain)) | 2000.0 | 500.0 | 0.250 |")
                .contains("| request latency p50 (ms) | 1.00 | 2.00 | 2.000 |")
                .contains("| drain time after the rounds (s) | 0.00 | 1.00 |  |");
        assertThat(AlertReport.rounds(baseline, subject)).contains("| 1 | 2000.0 | 1000.0 | 0.500 | 0.50 | 500.0 | 0.250 |");
        // Pages: HdrHistogram keeps 3 significant digits, hence the check on the verdict and the leading digits.
        assertThat(AlertReport.goals(subject, pages(900)))
                .startsWith("goal: at least 2000 alerts/s sustained: NOT met (500.0 alerts/s)\n")
                .contains("goal: page requested within 1000 ms of the alert at p99: met (900.");
        assertThat(AlertReport.goals(baseline, pages(1500)))
                .startsWith("goal: at least 2000 alerts/s sustained: met (2000.0 alerts/s)\n")
                .contains("goal: page requested within 1000 ms of the alert at p99: NOT met (1500.");
        // A round that never drained leaves no sustained figure rather than a flattering one.
        AlertReport.Ingestion undrained = new AlertReport.Ingestion(List.of(round("bs", 500, 2000)), List.of(), 50);
        assertThat(undrained.processedPerSecond()).isNaN();
        assertThat(AlertReport.goals(undrained, pages(900))).startsWith("goal: at least 2000 alerts/s sustained: not measured");
    }

    @Test
    void configHasAlertDefaultsAndRejectsNonsense() {
        AlertBenchConfig config = AlertBenchConfig.from(new Properties(), new String[0]);
        assertThat(config.common().measured()).isEqualTo(400);
        assertThat(config.common().warmup()).isEqualTo(200);
        assertThat(config.alertsPerRequest()).isEqualTo(50);
        assertThat(config.hostsPerRack()).isEqualTo(40);
        assertThat(config.repeatShare()).isEqualTo(0.2);
        assertThat(config.pages()).isEqualTo(50);
        assertThat(config.subject()).isEqualTo(AlertBenchConfig.Subject.BLACKSTART);
        assertThat(config.token()).isEqualTo("demo-alertmanager-token");
        Properties p = new Properties();
        p.setProperty("bench.n", "20");
        p.setProperty("bench.subject", "baseline");
        AlertBenchConfig aa = AlertBenchConfig.from(p, new String[0]);
        assertThat(aa.common().measured()).isEqualTo(20);
        assertThat(aa.subject()).isEqualTo(AlertBenchConfig.Subject.BASELINE);
        p.setProperty("bench.subject", "prod");
        assertThatThrownBy(() -> AlertBenchConfig.from(p, new String[0])).hasMessageContaining("bench.subject");
        p.setProperty("bench.subject", "baseline");
        p.setProperty("bench.alerts.repeatShare", "1");
        assertThatThrownBy(() -> AlertBenchConfig.from(p, new String[0])).hasMessageContaining("repeatShare");
    }

    /** Below 2048 µs HdrHistogram with 3 digits is exact, so the report's text is exact too. */
    private static PhaseResult round(String name, long wallMillis, long latencyMicros) {
        Histogram latency = PhaseResult.newHistogram();
        latency.recordValueWithCount(latencyMicros, 10);
        return new PhaseResult(name, 10, 0, TimeUnit.MILLISECONDS.toNanos(wallMillis), latency, 0, null,
                PhaseResult.newHistogram(), CpuUse.NONE);
    }

    private static PhaseResult pages(long p99Millis) {
        Histogram latency = PhaseResult.newHistogram();
        latency.recordValue(p99Millis * 1000);
        return new PhaseResult("pages", 1, 0, 1, latency, 0, null, PhaseResult.newHistogram(), CpuUse.NONE);
    }

    /** The alert tables, created the way the benchmark creates them: the migrations of a (here: fake) platform jar. */
    private BareAlertEndpoint.Schema schema() throws IOException {
        return BareAlertEndpoint.platformSchema(fakePlatformJar(), Files.createDirectories(dir.resolve("migrations")));
    }

    /** A Spring Boot jar as far as PlatformSchema reads one: the migrations under BOOT-INF/classes. */
    private Path fakePlatformJar() throws IOException {
        Path jar = dir.resolve("blackstart.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        try (InputStream sql = getClass().getResourceAsStream("/alert-tables.sql");
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("BOOT-INF/classes/application.yml"));
            out.write("spring: {}\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry(PlatformSchema.MIGRATIONS + "V1__alerts.sql"));
            sql.transferTo(out);
        }
        return jar;
    }

    private static HttpResponse<String> post(URI base, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(BareAlertEndpoint.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return BlackstartClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
