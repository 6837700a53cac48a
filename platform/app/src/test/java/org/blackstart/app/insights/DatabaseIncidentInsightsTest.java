package org.blackstart.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The figures from seeded rows on the real schema: known key times give known means and medians. */
class DatabaseIncidentInsightsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final JdbcTemplate jdbc = database();
    private final DatabaseIncidentInsights insights = new DatabaseIncidentInsights(jdbc,
            new OpenActionItems(jdbc, Clock.fixed(NOW, ZoneOffset.UTC)));

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private void incident(String key, String declaredAt, String severity, String services, String policy, String kind,
                          String status) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, process_instance_id, escalation_policy, kind) "
                        + "VALUES (?, ?, ?, ?, ?, 'commander', ?, ?, ?, ?, ?)",
                key, "Incident " + key, severity, status, services, ts(declaredAt), ts(declaredAt), "pi-" + key, policy, kind);
    }

    private void incident(String key, String declaredAt, String severity) {
        incident(key, declaredAt, severity, null, null, "incident", "closed");
    }

    private void keyTime(String key, String name, String at) {
        jdbc.update("INSERT INTO bs_key_time (incident_key, name, at_time, set_by, recorded_at) VALUES (?, ?, ?, 'system', ?)",
                key, name, ts(at), ts(at));
    }

    /** impact at 00:00, detected, acknowledged, mitigated, resolved that many seconds later. */
    private void keyTimes(String key, String day, long detected, long acknowledged, long mitigated, long resolved) {
        Instant impact = Instant.parse(day + "T00:00:00Z");
        keyTime(key, "impact_started", impact.toString());
        keyTime(key, "detected", impact.plusSeconds(detected).toString());
        keyTime(key, "acknowledged", impact.plusSeconds(acknowledged).toString());
        keyTime(key, "mitigated", impact.plusSeconds(mitigated).toString());
        keyTime(key, "resolved", impact.plusSeconds(resolved).toString());
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private Insights figures(String from, String to, Dimension by) {
        return insights.figures(new InsightsQuery(YearMonth.parse(from), YearMonth.parse(to), by));
    }

    private static Insights.Row row(Insights insights, String month, String group) {
        return insights.rows().stream().filter(r -> r.month().equals(month) && r.group().equals(group)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + month + "/" + group + " in " + insights.rows()));
    }

    @Test
    void meansAndMediansAreExactPerSeverityAndMonth() {
        // given: three SEV1 with MTTA 60 s, 120 s, 600 s; two SEV2 with MTTR 1 h and 2 h
        incident("INC-2026-0001", "2026-03-02T08:00:00Z", "SEV1");
        keyTimes("INC-2026-0001", "2026-03-02", 300, 360, 1800, 7200);
        incident("INC-2026-0002", "2026-03-10T08:00:00Z", "SEV1");
        keyTimes("INC-2026-0002", "2026-03-10", 600, 720, 3600, 10800);
        incident("INC-2026-0003", "2026-03-20T08:00:00Z", "SEV1");
        keyTimes("INC-2026-0003", "2026-03-20", 900, 1500, 5400, 14400);
        incident("INC-2026-0004", "2026-03-21T08:00:00Z", "SEV2");
        keyTimes("INC-2026-0004", "2026-03-21", 60, 120, 600, 3600);
        incident("INC-2026-0005", "2026-03-22T08:00:00Z", "SEV2");
        keyTimes("INC-2026-0005", "2026-03-22", 60, 180, 900, 7200);

        // when
        Insights result = figures("2026-03", "2026-03", Dimension.SEVERITY);

        // then
        Insights.Row sev1 = row(result, "2026-03", "SEV1");
        assertThat(sev1.incidents()).isEqualTo(3);
        assertThat(sev1.mtta()).isEqualTo(new Insights.Figure(3, 260L, 120L));
        assertThat(sev1.mttr()).isEqualTo(new Insights.Figure(3, 10800L, 10800L));
        assertThat(sev1.timeToDetect()).isEqualTo(new Insights.Figure(3, 600L, 600L));
        assertThat(sev1.timeToMitigate()).isEqualTo(new Insights.Figure(3, 3600L, 3600L));
        Insights.Row sev2 = row(result, "2026-03", "SEV2");
        assertThat(sev2.mttr()).isEqualTo(new Insights.Figure(2, 5400L, 5400L));
        assertThat(sev2.mtta()).isEqualTo(new Insights.Figure(2, 90L, 90L));
        assertThat(result.totals()).singleElement().satisfies(total -> {
            assertThat(total.incidents()).isEqualTo(5);
            assertThat(total.mtta()).isEqualTo(new Insights.Figure(5, 192L, 120L));
        });
        assertThat(result.engine()).isEqualTo("database");
        assertThat(result.months()).containsExactly("2026-03");
    }

    @Test
    void theLatestKeyTimeIsInForceAndAnIncidentWithoutBothTimesIsLeftOutOfThatFigureOnly() {
        // given: detected corrected from 00:10 to 00:05; the second incident was never acknowledged
        incident("INC-2026-0010", "2026-04-01T08:00:00Z", "SEV1");
        keyTime("INC-2026-0010", "impact_started", "2026-04-01T00:00:00Z");
        keyTime("INC-2026-0010", "detected", "2026-04-01T00:10:00Z");
        keyTime("INC-2026-0010", "acknowledged", "2026-04-01T00:12:00Z");
        keyTime("INC-2026-0010", "detected", "2026-04-01T00:05:00Z");
        incident("INC-2026-0011", "2026-04-02T08:00:00Z", "SEV1");
        keyTime("INC-2026-0011", "impact_started", "2026-04-02T00:00:00Z");
        keyTime("INC-2026-0011", "detected", "2026-04-02T00:01:00Z");

        // when
        Insights.Row row = row(figures("2026-04", "2026-04", Dimension.SEVERITY), "2026-04", "SEV1");

        // then
        assertThat(row.incidents()).isEqualTo(2);
        assertThat(row.mtta()).isEqualTo(new Insights.Figure(1, 420L, 420L));
        assertThat(row.timeToDetect()).isEqualTo(new Insights.Figure(2, 180L, 180L));
        assertThat(row.mttr()).isEqualTo(new Insights.Figure(0, null, null));
    }

    @Test
    void testAndCancelledIncidentsDoNotCount() {
        // given
        incident("INC-2026-0020", "2026-05-01T08:00:00Z", "SEV1");
        keyTimes("INC-2026-0020", "2026-05-01", 60, 120, 600, 1200);
        incident("INC-2026-0021", "2026-05-02T08:00:00Z", "SEV1", "mail", null, "test", "closed");
        keyTimes("INC-2026-0021", "2026-05-02", 6000, 12000, 60000, 120000);
        incident("INC-2026-0022", "2026-05-03T08:00:00Z", "SEV1", null, null, "incident", "cancelled");

        // when
        Insights result = figures("2026-05", "2026-05", Dimension.SEVERITY);

        // then
        assertThat(result.totals()).singleElement().extracting(Insights.Row::incidents).isEqualTo(1);
        assertThat(row(result, "2026-05", "SEV1").mtta()).isEqualTo(new Insights.Figure(1, 60L, 60L));
    }

    @Test
    void monthsSplitAtUtcMidnight() {
        // given: one second apart, on either side of the UTC month boundary (in Amsterdam both are February)
        incident("INC-2026-0030", "2026-01-31T23:59:59Z", "SEV2");
        incident("INC-2026-0031", "2026-02-01T00:00:00Z", "SEV2");
        incident("INC-2026-0032", "2026-02-28T23:59:59Z", "SEV2");
        incident("INC-2026-0033", "2026-03-01T00:00:00Z", "SEV2");

        // when
        Insights both = figures("2026-01", "2026-02", Dimension.SEVERITY);
        Insights february = figures("2026-02", "2026-02", Dimension.SEVERITY);

        // then
        assertThat(both.months()).containsExactly("2026-01", "2026-02");
        assertThat(both.totals()).extracting(Insights.Row::month, Insights.Row::incidents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-01", 1), org.assertj.core.groups.Tuple.tuple("2026-02", 2));
        assertThat(february.totals()).extracting(Insights.Row::incidents).containsExactly(2);
    }

    @Test
    void anIncidentCountsForEachOfItsServicesButOnceInTheTotal() {
        // given
        incident("INC-2026-0040", "2026-06-01T08:00:00Z", "SEV1", "mail, webmail", "hosting-primary", "incident", "closed");
        keyTimes("INC-2026-0040", "2026-06-01", 60, 120, 600, 1200);
        incident("INC-2026-0041", "2026-06-02T08:00:00Z", "SEV2", "mail", null, "incident", "closed");
        keyTimes("INC-2026-0041", "2026-06-02", 60, 180, 600, 2400);

        // when
        Insights byService = figures("2026-06", "2026-06", Dimension.SERVICE);
        Insights byPolicy = figures("2026-06", "2026-06", Dimension.POLICY);

        // then
        assertThat(byService.rows()).extracting(Insights.Row::group, Insights.Row::incidents).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mail", 2), org.assertj.core.groups.Tuple.tuple("webmail", 1));
        assertThat(row(byService, "2026-06", "mail").mttr()).isEqualTo(new Insights.Figure(2, 1800L, 1800L));
        assertThat(byService.totals()).extracting(Insights.Row::incidents).containsExactly(2);
        assertThat(byPolicy.rows()).extracting(Insights.Row::group)
                .containsExactly(Figures.NONE, "hosting-primary");
    }

    @Test
    void vendorsSplitTheIncidentsAndTheirResponseTimesAreMeasuredPerMonth() {
        // given
        incident("INC-2026-0050", "2026-07-01T08:00:00Z", "SEV1");
        keyTimes("INC-2026-0050", "2026-07-01", 60, 120, 600, 1200);
        incident("INC-2026-0051", "2026-07-02T08:00:00Z", "SEV2");
        incident("INC-2026-0052", "2026-07-03T08:00:00Z", "SEV2", null, null, "test", "closed");
        vendorCase("INC-2026-0050", "hostly", "2026-07-01T01:00:00Z", "2026-07-01T01:30:00Z");
        vendorCase("INC-2026-0050", "storeco", "2026-07-01T02:00:00Z", "2026-07-01T06:00:00Z");
        vendorCase("INC-2026-0051", "hostly", "2026-07-31T23:00:00Z", "2026-08-01T00:30:00Z");
        vendorCase("INC-2026-0051", "hostly", "2026-07-31T23:30:00Z", null);
        vendorCase("INC-2026-0052", "hostly", "2026-07-03T09:00:00Z", "2026-07-04T09:00:00Z");

        // when
        Insights result = figures("2026-07", "2026-07", Dimension.VENDOR);

        // then
        assertThat(result.rows()).extracting(Insights.Row::group, Insights.Row::incidents).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hostly", 2), org.assertj.core.groups.Tuple.tuple("storeco", 1));
        assertThat(result.vendorResponse()).containsExactly(
                new Insights.VendorResponse("2026-07", "hostly", 3, new Insights.Figure(2, 3600L, 3600L)),
                new Insights.VendorResponse("2026-07", "storeco", 1, new Insights.Figure(1, 14400L, 14400L)));
    }

    private void vendorCase(String incident, String vendor, String opened, String acknowledged) {
        jdbc.update("INSERT INTO bs_vendor_case (incident_key, vendor, system, account, case_number, case_number_key, "
                        + "opened_at, acknowledged_at, state) VALUES (?, ?, 'email', 'acct', ?, ?, ?, ?, 'open')",
                incident, vendor, "C-" + UUID.randomUUID(), UUID.randomUUID().toString(), ts(opened),
                acknowledged == null ? null : ts(acknowledged));
    }

    @Test
    void openActionItemsAreCountedPerOwnerAndThoseDueBeforeTodayAreOverdue() {
        // given: today is 2026-12-07 (UTC)
        incident("INC-2026-0060", "2026-11-01T08:00:00Z", "SEV1");
        incident("INC-2026-0061", "2026-11-02T08:00:00Z", "SEV1", null, null, "test", "closed");
        actionItem("INC-2026-0060", "Second power feed", "oncall-1", "2026-12-06", "open");
        actionItem("INC-2026-0060", "Alert on UPS battery", "oncall-1", "2026-12-07", "open");
        actionItem("INC-2026-0060", "Runbook for DB resync", "commander", "2026-12-01", "open");
        actionItem("INC-2026-0060", "Done already", "commander", "2026-11-01", "done");
        actionItem("INC-2026-0061", "Drill item", "commander", "2026-11-01", "open");

        // when
        Insights.ActionItems items = figures("2026-11", "2026-11", Dimension.SEVERITY).actionItems();

        // then
        assertThat(items.today()).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(items.open()).isEqualTo(3);
        assertThat(items.overdue()).isEqualTo(2);
        assertThat(items.byOwner()).containsExactly(new Insights.OwnerLoad("commander", 1, 1),
                new Insights.OwnerLoad("oncall-1", 2, 1));
        assertThat(items.byIncident()).containsExactly(new Insights.IncidentLoad("INC-2026-0060", 3, 2));
        assertThat(items.items()).extracting(Insights.Item::title, Insights.Item::overdue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Runbook for DB resync", true),
                org.assertj.core.groups.Tuple.tuple("Second power feed", true),
                org.assertj.core.groups.Tuple.tuple("Alert on UPS battery", false));
    }

    private void actionItem(String incident, String title, String owner, String dueOn, String status) {
        jdbc.update("INSERT INTO bs_action_item (incident_key, title, kind, owner, due_on, status, created_by, created_at) "
                        + "VALUES (?, ?, 'prevent', ?, ?, ?, 'commander', ?)",
                incident, title, owner, Date.valueOf(dueOn), status, Timestamp.from(NOW));
    }

    @Test
    void monthsWithoutIncidentsAreListedWithoutRows() {
        Insights result = figures("2025-11", "2026-01", Dimension.SEVERITY);

        assertThat(result.months()).containsExactly("2025-11", "2025-12", "2026-01");
        assertThat(result.rows()).isEmpty();
        assertThat(result.totals()).isEmpty();
        assertThat(List.of(result.from(), result.to(), result.by())).containsExactly("2025-11", "2026-01", "severity");
    }
}
