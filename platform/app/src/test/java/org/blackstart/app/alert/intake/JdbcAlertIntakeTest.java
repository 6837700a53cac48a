package org.blackstart.app.alert.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.blackstart.app.alert.AlertInboxListener;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertIntake.Receipt;
import org.blackstart.spi.AlertStatus;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The intake on the real schema: one transaction per payload, listeners after the commit. */
class JdbcAlertIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T23:45:00Z");

    private JdbcTemplate jdbc;
    private final List<String> heard = new ArrayList<>();
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private JdbcAlertIntake intake;

    @BeforeEach
    void schema() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        intake = new JdbcAlertIntake(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC), beans.getBeanProvider(AlertInboxListener.class));
    }

    private static AlertEvent alert(String key, AlertStatus status) {
        return new AlertEvent(key, status, "Rack " + key + " lost power", "critical", NOW.minusSeconds(60), null,
                Map.of("datacenter", "ams1", "rack", key), Map.of("runbook_url", "https://runbooks.example/power"),
                "http://prometheus.example/graph");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void thePayloadIsKeptRawAndEveryAlertBecomesAnInboxRow() {
        String raw = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[...]}";

        Receipt receipt = intake.accept("alertmanager", raw, List.of(alert("r12", AlertStatus.FIRING), alert("r13", AlertStatus.RESOLVED)));

        assertThat(receipt.accepted()).isEqualTo(2);
        Map<String, Object> batch = jdbc.queryForMap("SELECT * FROM bs_alert_batch WHERE id = ?", receipt.batchId());
        assertThat(batch.get("source")).isEqualTo("alertmanager");
        assertThat(batch.get("alert_count")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT raw_payload FROM bs_alert_batch WHERE id = ?", String.class, receipt.batchId()))
                .isEqualTo(raw);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT dedup_key, status, summary, severity, starts_at, ends_at, labels, annotations, link, processed_at, batch_id "
                        + "FROM bs_alert_inbox ORDER BY id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("dedup_key", "r12").containsEntry("status", "FIRING")
                .containsEntry("summary", "Rack r12 lost power").containsEntry("severity", "critical")
                .containsEntry("link", "http://prometheus.example/graph").containsEntry("batch_id", receipt.batchId());
        assertThat(rows.get(0).get("ends_at")).isNull();
        assertThat(rows.get(0).get("processed_at")).as("waiting for the processor").isNull();
        assertThat(jdbc.queryForObject("SELECT labels FROM bs_alert_inbox WHERE dedup_key = 'r12'", String.class))
                .isIn("{\"datacenter\":\"ams1\",\"rack\":\"r12\"}", "{\"rack\":\"r12\",\"datacenter\":\"ams1\"}");
        assertThat(jdbc.queryForObject("SELECT annotations FROM bs_alert_inbox WHERE dedup_key = 'r12'", String.class))
                .isEqualTo("{\"runbook_url\":\"https://runbooks.example/power\"}");
        assertThat(jdbc.queryForObject("SELECT starts_at FROM bs_alert_inbox WHERE dedup_key = 'r12'", java.time.OffsetDateTime.class)
                .toInstant()).isEqualTo(NOW.minusSeconds(60));
        assertThat(rows.get(1)).containsEntry("status", "RESOLVED");
    }

    @Test
    void aPayloadWithoutAlertsIsKeptToo() {
        Receipt receipt = intake.accept("grafana", "{\"status\":\"resolved\",\"alerts\":[]}", List.of());

        assertThat(receipt.accepted()).isZero();
        assertThat(count("bs_alert_batch")).isEqualTo(1);
        assertThat(count("bs_alert_inbox")).isZero();
    }

    @Test
    void listenersHearAfterTheCommitAndTheirFailureDoesNotUndoTheIntake() {
        beans.registerSingleton("failing", (AlertInboxListener) (source, count) -> {
            throw new IllegalStateException("processor busy");
        });
        beans.registerSingleton("recording", (AlertInboxListener) (source, count) -> heard.add(source + " " + count
                + " in transaction=" + TransactionSynchronizationManager.isActualTransactionActive()
                + " rows visible=" + count("bs_alert_inbox")));

        Receipt receipt = intake.accept("events", "{}", List.of(alert("k1", AlertStatus.FIRING)));

        assertThat(heard).containsExactly("events 1 in transaction=false rows visible=1");
        assertThat(receipt.accepted()).isEqualTo(1);
        assertThat(count("bs_alert_inbox")).isEqualTo(1);
    }

    @Test
    void whenOneRowFailsNothingOfThePayloadIsStoredAndNoListenerHears() {
        beans.registerSingleton("recording", (AlertInboxListener) (source, count) -> heard.add(source));
        jdbc.execute("ALTER TABLE bs_alert_inbox ADD CONSTRAINT no_poison CHECK (dedup_key <> 'poison')");

        assertThatThrownBy(() -> intake.accept("alertmanager", "{...}",
                List.of(alert("r12", AlertStatus.FIRING), alert("poison", AlertStatus.FIRING))))
                .isInstanceOf(RuntimeException.class);

        assertThat(count("bs_alert_batch")).isZero();
        assertThat(count("bs_alert_inbox")).isZero();
        assertThat(heard).isEmpty();
    }

    @Test
    void oversizedTextIsShortenedAndOverlongKeysStayDistinct() {
        String longKeyA = "a".repeat(300);
        String longKeyB = "a".repeat(299) + "b";
        AlertEvent wordy = new AlertEvent(longKeyA, AlertStatus.FIRING, "s".repeat(5000), null, null, null, Map.of(), Map.of(),
                "https://example/" + "x".repeat(3000));

        intake.accept("events", "{}", List.of(wordy, alert(longKeyB, AlertStatus.FIRING)));

        List<String> keys = jdbc.queryForList("SELECT dedup_key FROM bs_alert_inbox ORDER BY id", String.class);
        assertThat(keys).doesNotHaveDuplicates().allSatisfy(k -> assertThat(k).startsWith("sha256:").hasSize(71));
        assertThat(jdbc.queryForObject("SELECT LENGTH(summary) FROM bs_alert_inbox ORDER BY id LIMIT 1", Integer.class))
                .isEqualTo(1024);
    }

    @Test
    void itCarriesWellOverTwoThousandAlertsPerSecond() {
        List<AlertEvent> group = IntStream.range(0, 500).mapToObj(i -> alert("r" + i, AlertStatus.FIRING)).toList();
        intake.accept("alertmanager", "{}", group); // warm-up

        // CPU time of this thread (in-memory H2 runs in it): what the intake costs, not how busy the machine is.
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < 20; i++) {
            intake.accept("alertmanager", "{\"group\":" + i + "}", group);
        }
        for (int i = 0; i < 2000; i++) {
            intake.accept("events", "{\"event\":" + i + "}", List.of(alert("e" + i, AlertStatus.FIRING)));
        }
        double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf("intake: 12,000 alerts in %.2f s of CPU%n", seconds);

        // 12,000 alerts in 2,020 transactions: 2,000 alerts/s means at most 6 s of one core.
        assertThat(count("bs_alert_inbox")).isEqualTo(12_500);
        assertThat(seconds).as("12,000 alerts took %.2f s of CPU", seconds).isLessThan(6.0);
    }
}
