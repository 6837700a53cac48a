package org.blackstart.app.vendor.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the vendor-escalation process tells the platform about its case, and what a commander then
 * reads: the timeline lines, the case's dates, and the vendor's statistics. On H2 and PostgreSQL.
 */
class VendorCasesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())));
    }

    private record Fixture(VendorCases vendorCases, VendorCaseStore store, Timeline timeline, VendorStats stats) {
    }

    private Fixture fixture(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM bs_vendor_dispute");
        jdbc.update("DELETE FROM bs_vendor_message_file");
        jdbc.update("DELETE FROM bs_vendor_message");
        jdbc.update("DELETE FROM bs_vendor_case");
        jdbc.update("DELETE FROM bs_timeline");
        VendorCaseStore store = new VendorCaseStore(jdbc);
        Timeline timeline = new Timeline(jdbc, clock);
        return new Fixture(new VendorCases(store, timeline, clock), store, timeline, new VendorStats(store));
    }

    /** The escalation of storeco on INC-2026-0042 after vendor.case.open, as the engine hands it to a listener. */
    private static DelegateExecution escalation(Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(Map.of("vendor", "storeco", "vendorName", "StoreCo",
                "vendorSystem", "email", "vendorAccount", "storeco", "vendorCaseNumber", "CS-12",
                "vendorCaseUrl", "https://support.storeco.example/cases/CS-12", "vendorPriority", 2, "ackSla", "PT30M"));
        variables.putAll(extra);
        DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
        when(execution.getProcessBusinessKey()).thenReturn("INC-2026-0042");
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        when(execution.getCurrentActivityId()).thenReturn("Step");
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(new Authentication("commander", List.of("incident-commanders")));
        return execution;
    }

    private static List<String> vendorLines(Timeline timeline) {
        return timeline.of("INC-2026-0042").stream().filter(e -> e.kind() == TimelineKind.VENDORS)
                .map(TimelineEntry::detail).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anOpenedCaseIsFoundByItsNumberHoweverItIsWritten(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);

        fixture.vendorCases().opened(escalation(Map.of()));

        VendorCaseRecord found = fixture.store().find("email", " cs-12 ").orElseThrow();
        assertThat(found.caseNumber()).isEqualTo("CS-12");
        assertThat(found.incidentKey()).isEqualTo("INC-2026-0042");
        assertThat(found.caseUrl()).isEqualTo("https://support.storeco.example/cases/CS-12");
        assertThat(found.priority()).isEqualTo(2);
        assertThat(found.state()).isEqualTo("OPEN");
        assertThat(fixture.store().find("servicenow", "CS-12")).as("another system's CS-12").isEmpty();
        assertThat(vendorLines(fixture.timeline())).containsExactly("storeco case CS-12 opened (P2), acknowledge within 30 min");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMissedResponseTimeIsRecordedAndCounted(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        fixture.vendorCases().opened(escalation(Map.of()));
        clock.advance(Duration.ofMinutes(30));

        fixture.vendorCases().slaBreached(escalation(Map.of("dutyManagerPhone", "+31201110000")));

        assertThat(fixture.store().find("email", "CS-12").orElseThrow().slaBreachedAt()).isEqualTo(clock.instant());
        assertThat(vendorLines(fixture.timeline())).contains(
                "storeco missed its response time (30 min): priority raised, duty manager called");
        assertThat(fixture.stats().of("storeco").slaBreaches()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSettledDisputeAndTheCloseShowInTheStatistics(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        fixture.vendorCases().opened(escalation(Map.of()));
        fixture.store().acknowledge(fixture.store().find("email", "CS-12").orElseThrow().id(),
                clock.instant().plus(Duration.ofMinutes(12)));
        clock.advance(Duration.ofHours(3));

        fixture.vendorCases().disputeSettled(escalation(Map.of("disputeOutcome", "vendor-fault",
                "disputeNote", "Firmware bug confirmed", "vendorMessageId", 7L)));
        clock.advance(Duration.ofMinutes(12));
        fixture.vendorCases().closed(escalation(Map.of()));

        assertThat(vendorLines(fixture.timeline())).contains(
                "storeco dispute on CS-12 settled: vendor-fault (Firmware bug confirmed)",
                "storeco case CS-12 closed after 3 h 12 min");
        VendorStats.Stats stats = fixture.stats().of("storeco");
        assertThat(stats.cases()).isEqualTo(1);
        assertThat(stats.openCases()).isZero();
        assertThat(stats.acknowledged()).isEqualTo(1);
        assertThat(stats.medianTimeToAcknowledge()).isEqualTo(new VendorStats.Span(720, "12 min"));
        assertThat(stats.disputesSettled()).containsExactly(Map.entry("vendor-fault", 1L));
        assertThat(fixture.stats().all()).extracting(VendorStats.Stats::vendor).containsExactly("storeco");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCaseKeptAfterItsIncidentClosedStaysOpenAndCountsInTheStatistics(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        fixture.vendorCases().opened(escalation(Map.of()));

        fixture.vendorCases().keepDecided(escalation(Map.of("keepVendorCase", "keep",
                "keepVendorCaseReason", "StoreCo still blames our configuration")));

        VendorCaseRecord kept = fixture.store().find("email", "CS-12").orElseThrow();
        assertThat(kept.state()).isEqualTo("OPEN");
        assertThat(kept.keptAfterClose()).isTrue();
        assertThat(kept.keptBy()).isEqualTo("commander");
        assertThat(kept.keptReason()).isEqualTo("StoreCo still blames our configuration");
        assertThat(vendorLines(fixture.timeline())).endsWith(
                "commander kept StoreCo's case CS-12 open after the incident closed: StoreCo still blames our configuration");
        VendorStats.Stats stats = fixture.stats().of("storeco");
        assertThat(stats.cases()).isEqualTo(1);
        assertThat(stats.openCases()).isEqualTo(1);
        assertThat(stats.keptOpen()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepingACaseWithoutAReasonChangesNothing(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        fixture.vendorCases().opened(escalation(Map.of()));
        List<String> before = vendorLines(fixture.timeline());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.vendorCases().keepDecided(
                        escalation(Map.of("keepVendorCase", "keep", "keepVendorCaseReason", "  "))))
                .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
                .hasMessageContaining("Say why");

        assertThat(fixture.store().find("email", "CS-12").orElseThrow().keptAfterClose()).isFalse();
        assertThat(vendorLines(fixture.timeline())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theMedianAndP90AreTimesTheVendorReallyTook(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        int[] minutes = {5, 10, 20, 40, 120};
        for (int i = 0; i < minutes.length; i++) {
            fixture.store().register("INC-2026-00" + (10 + i), "hostly", "email", "hostly", "H-" + i, null, null, null, 3,
                    clock.instant());
            fixture.store().acknowledge(fixture.store().find("email", "H-" + i).orElseThrow().id(),
                    clock.instant().plus(Duration.ofMinutes(minutes[i])));
        }
        fixture.store().register("INC-2026-0099", "hostly", "email", "hostly", "H-silent", null, null, null, 3, clock.instant());

        VendorStats.Stats stats = fixture.stats().of("hostly");

        assertThat(stats.cases()).isEqualTo(6);
        assertThat(stats.acknowledged()).isEqualTo(5);
        assertThat(stats.medianTimeToAcknowledge().text()).isEqualTo("20 min");
        assertThat(stats.p90TimeToAcknowledge().text()).isEqualTo("2 h");
        assertThat(stats.maxTimeToAcknowledge().seconds()).isEqualTo(7200);
        assertThat(fixture.stats().of("nobody").cases()).isZero();
        assertThat(fixture.stats().of("nobody").medianTimeToAcknowledge()).isNull();
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
