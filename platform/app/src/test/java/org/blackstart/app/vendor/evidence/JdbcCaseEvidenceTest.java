package org.blackstart.app.vendor.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What a vendor's case holds, on the real schema on both databases: the new case gets the incident,
 * its last 30 timeline lines, its alerts and the files added for this vendor before it was opened;
 * a later step gets only its own files; a retried step gets the same files again.
 */
class JdbcCaseEvidenceTest {

    private static final String KEY = "INC-2026-0042";
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())));
    }

    private record Fixture(JdbcCaseEvidence evidence, VendorFiles files, Timeline timeline, JdbcTemplate jdbc) {
    }

    private Fixture fixture(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        IncidentRepository incidents = new IncidentRepository(jdbc, clock);
        incidents.insert(KEY, "Storage array unreachable", "Array A lost both controllers", null, "commander", "pi-1", null);
        incidents.update(KEY, "SEV1", "mail, webmail", "No mail for 40% of customers", "investigating");
        Timeline timeline = new Timeline(jdbc, clock);
        VendorFiles files = new VendorFiles(jdbc, clock);
        return new Fixture(new JdbcCaseEvidence(incidents, timeline, files, jdbc), files, timeline, jdbc);
    }

    private static VendorCase step(String vendor, String step) {
        return new VendorCase(KEY, vendor, null, "email", null, step, null, null, 1, "SEV1", "subject", "text");
    }

    private static VendorAttachment file(String name, String text) {
        return new VendorAttachment(name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNewCaseHoldsTheIncidentTheLastThirtyTimelineLinesTheAlertsAndTheVendorsFiles(String database, DataSource dataSource) {
        Fixture f = fixture(dataSource);
        for (int i = 1; i <= 35; i++) {
            f.timeline().record(KEY, TimelineKind.STEP_COMPLETED, "Step" + i, "Step " + i, "commander", i == 35 ? "array offline" : null);
        }
        f.timeline().record("INC-2026-0001", TimelineKind.STEP_COMPLETED, "Other", "Another incident", "x", null);
        alert(f.jdbc(), KEY, "Array A controller 1 down", "critical");
        alert(f.jdbc(), KEY, "Array A controller 2 down", "critical");
        alert(f.jdbc(), "INC-2026-0001", "Unrelated", "warning");
        f.files().add(KEY, "storeco", "open", file("array.log", "controller panic"), "commander");
        f.files().add(KEY, "storeco", "answer-7", file("later.log", "later"), "commander");
        f.files().add(KEY, "hostly", "open", file("power.csv", "kW"), "commander");

        EvidenceBundle bundle = f.evidence().forStep(step("storeco", "open"));

        assertThat(bundle.summary()).contains("INC-2026-0042: Storage array unreachable", "Severity: SEV1",
                "Affected services: mail, webmail", "Customer impact: No mail for 40% of customers",
                "Declared: 2026-12-07T01:00:00Z by commander");
        assertThat(bundle.timeline()).hasSize(30);
        assertThat(bundle.timeline().get(0)).contains("Step 6");
        assertThat(bundle.timeline().get(29)).isEqualTo("2026-12-07T01:00:00Z Step 35 (done) by commander: array offline");
        assertThat(bundle.alerts()).hasSize(2);
        assertThat(bundle.alerts().get(0)).isEqualTo(
                "FIRING [alertmanager] Array A controller 1 down (critical), since 2026-12-07T01:00:00Z");
        assertThat(bundle.attachments()).extracting(VendorAttachment::fileName).containsExactly("array.log");
        assertThat(new String(bundle.attachments().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("controller panic");
        assertThat(bundle.describe("Please look at array A")).contains("Incident summary", "Attached: array.log");
        assertThat(f.files().list(KEY, "storeco")).extracting(VendorFiles.FileInfo::name, VendorFiles.FileInfo::sent)
                .containsExactly(tuple("array.log", true),
                        tuple("later.log", false));
        assertThat(f.files().list(KEY, "hostly")).extracting(VendorFiles.FileInfo::sent).containsExactly(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRetriedOpenSendsTheSameFilesAndALaterStepOnlyItsOwn(String database, DataSource dataSource) {
        Fixture f = fixture(dataSource);
        f.files().add(KEY, "storeco", "open", file("array.log", "a"), "commander");
        f.evidence().forStep(step("storeco", "open"));
        f.files().add(KEY, "storeco", "open", file("graph.png", "b"), "oncall-1");
        assertThat(f.evidence().forStep(step("storeco", "open")).attachments()).extracting(VendorAttachment::fileName)
                .as("the retry takes the first attempt's file and the one added since").containsExactly("array.log", "graph.png");

        f.files().add(KEY, "storeco", "answer-7", file("later.log", "c"), "commander");
        EvidenceBundle answer = f.evidence().forStep(step("storeco", "answer-7"));
        assertThat(answer.summary()).isEmpty();
        assertThat(answer.timeline()).isEmpty();
        assertThat(answer.alerts()).isEmpty();
        assertThat(answer.attachments()).extracting(VendorAttachment::fileName).containsExactly("later.log");
        assertThat(f.evidence().forStep(step("storeco", "answer-8")).attachments()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTwentyMegabyteLogIsStoredAndReturnedWhole(String database, DataSource dataSource) {
        Fixture f = fixture(dataSource);
        byte[] log = new byte[20 * 1024 * 1024];
        for (int i = 0; i < log.length; i++) {
            log[i] = (byte) (i % 251);
        }
        VendorFiles.FileInfo info = f.files().add(KEY, "storeco", "open", new VendorAttachment("../../etc/array.log", null, log), "commander");
        assertThat(info.name()).isEqualTo("array.log");
        assertThat(info.size()).isEqualTo(log.length);
        assertThat(info.contentType()).isEqualTo("application/octet-stream");
        assertThat(f.evidence().forStep(step("storeco", "open")).attachments().get(0).content()).isEqualTo(log);
    }

    private void alert(JdbcTemplate jdbc, String incidentKey, String summary, String severity) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO bs_alert_group (rule_name, group_key, opened_at, window_ends_at, alert_count, firing_count, "
                + "incident_key, resolved_told) VALUES ('default', ?, ?, ?, 1, 1, ?, FALSE)", summary, now, now, incidentKey);
        Long group = jdbc.queryForObject("SELECT MAX(id) FROM bs_alert_group", Long.class);
        jdbc.update("INSERT INTO bs_alert (source, dedup_key, open_key, status, summary, severity, labels, annotations, "
                        + "first_seen_at, last_seen_at, occurrences, rule_name, group_id, incident_key) "
                        + "VALUES ('alertmanager', ?, ?, 'FIRING', ?, ?, '{}', '{}', ?, ?, 1, 'default', ?, ?)",
                summary, "alertmanager:" + summary, summary, severity, now, now, group, incidentKey);
    }
}
