package org.blackstart.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.blackstart.app.alert.heartbeat.Heartbeats;
import org.blackstart.app.alert.processing.AlertMessages;
import org.blackstart.app.alert.processing.AlertProcessor;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.AlertStatus;
import org.blackstart.spi.Paging;
import org.blackstart.testkit.LocalServers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts from the inbox to incidents, in the application with its engine on in-memory H2: rows are
 * put into the inbox as the intake would, then processed.
 */
// Closed after the class: Camunda registers engines JVM-wide, and the shared context of the
// other ITs must find only its own engine when its REST API looks one up.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertProcessingIT {

    private static final String PROBE = "alerts-probe";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AlertProcessor processor;
    @Autowired
    List<AlertInboxListener> listeners;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    Timeline timeline;
    @Autowired
    Heartbeats heartbeats;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        int smtp = LocalServers.freeLoopbackPort();
        int imap = LocalServers.freeLoopbackPort();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:alert-processing;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.process-engine-name", () -> "alertProcessingIt");
        registry.add("blackstart.demo.mail.smtp-port", () -> smtp);
        registry.add("blackstart.demo.mail.imap-port", () -> imap);
        // Woken only by the listener: the tests drain themselves, and the lock orders both.
        registry.add("blackstart.alerts.processor.poll-interval", () -> "10m");
        registry.add("blackstart.alerts.processor.retry-delay", () -> "0s");
        registry.add("blackstart.alerts.heartbeat-checker.enabled", () -> "false");
        registry.add("blackstart.alerts.rules[0].name", () -> "rack-outage");
        registry.add("blackstart.alerts.rules[0].match.labels.alertname", () -> "HostUnreachable");
        registry.add("blackstart.alerts.rules[0].group-by", () -> "datacenter,rack");
        registry.add("blackstart.alerts.rules[0].window", () -> "2m");
        registry.add("blackstart.alerts.rules[0].severity", () -> "SEV1");
        registry.add("blackstart.alerts.rules[0].title",
                () -> "{{count}} alerts: {{labels.alertname}} in {{labels.datacenter}}/{{labels.rack}}");
        registry.add("blackstart.alerts.rules[0].escalation-policy", () -> "datacenter-ops");
        registry.add("blackstart.alerts.rules[0].affected-services", () -> "mail,marketing");
        registry.add("blackstart.alerts.rules[1].name", () -> "hosts-down");
        registry.add("blackstart.alerts.rules[1].match.labels.alertname", () -> "HostDown");
        registry.add("blackstart.alerts.rules[1].group-by", () -> "datacenter");
        registry.add("blackstart.alerts.rules[1].window", () -> "5m");
        registry.add("blackstart.alerts.rules[1].min-alerts", () -> "3");
        registry.add("blackstart.alerts.rules[1].severity", () -> "SEV2");
        registry.add("blackstart.heartbeats.backup-job.interval", () -> "1m");
        registry.add("blackstart.heartbeats.backup-job.grace", () -> "30s");
        registry.add("blackstart.heartbeats.backup-job.escalation-policy", () -> "backup-ops");
        registry.add("blackstart.heartbeats.backup-job.title", () -> "Backup {{labels.heartbeat}} silent");
    }

    @BeforeAll
    static void deployProbe(@Autowired RepositoryService repository) {
        // Listens like the incident's event subprocesses will: twice for AlertsResolved, once for PageAcknowledged.
        BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("fork")
                .intermediateCatchEvent("FirstResolved").message(AlertMessages.ALERTS_RESOLVED)
                .intermediateCatchEvent("SecondResolved").message(AlertMessages.ALERTS_RESOLVED)
                .intermediateCatchEvent("AfterResolved").message("Never")
                .endEvent()
                .moveToNode("fork")
                .intermediateCatchEvent("Acknowledged").message(Paging.ACKNOWLEDGED)
                .intermediateCatchEvent("AfterAcknowledged").message("Never")
                .endEvent()
                .done();
        repository.createDeployment().addModelInstance("alerts-probe.bpmn", probe).deploy();
    }

    @Test
    void theSameDedupKeyUpdatesTheOpenAlert() {
        // given
        Map<String, String> labels = Map.of("alertname", "DiskFull", "instance", "db1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String key = "fp-" + UUID.randomUUID();
        inbox("alertmanager").alert(key, AlertStatus.FIRING, "disk 91% full", labels, now).store();
        processor.drain();

        // when
        inbox("alertmanager").alert(key, AlertStatus.FIRING, "disk 95% full", labels, now.plusSeconds(30))
                .alert(key, AlertStatus.FIRING, "disk 97% full", labels, now.plusSeconds(60)).store();
        processor.drain();

        // then
        List<Map<String, Object>> alerts = jdbc.queryForList(
                "SELECT status, summary, occurrences, first_seen_at, last_seen_at FROM bs_alert WHERE dedup_key = ?", key);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("STATUS", "FIRING").containsEntry("SUMMARY", "disk 97% full")
                .containsEntry("OCCURRENCES", 3);
        assertThat(instant(alerts.get(0).get("LAST_SEEN_AT"))).isEqualTo(now.plusSeconds(60));
        assertThat(instant(alerts.get(0).get("FIRST_SEEN_AT"))).isEqualTo(now);
    }

    @Test
    void aRackStormIsOneIncidentWithAllItsAlerts() {
        // given
        String dc = "dc-" + shortId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboxRows first = inbox("alertmanager");
        for (int host = 0; host < 300; host++) {
            first.alert(dc + "-a3-host" + host, AlertStatus.FIRING, "host unreachable", rack(dc, "a3", host),
                    start.plusMillis(200L * host));
        }
        first.store();

        // when
        processor.drain();
        InboxRows second = inbox("alertmanager");
        for (int host = 300; host < 500; host++) {
            second.alert(dc + "-a3-host" + host, AlertStatus.FIRING, "host unreachable", rack(dc, "a3", host),
                    start.plusMillis(200L * host));
        }
        second.store();
        processor.drain();

        // then
        List<String> incidents = incidentsOf(dc);
        assertThat(incidents).hasSize(1);
        String incident = incidents.get(0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert WHERE incident_key = ?", Integer.class, incident))
                .isEqualTo(500);
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionKey("major-incident")
                .processInstanceBusinessKey(incident).list();
        assertThat(instances).hasSize(1);
        Map<String, Object> variables = runtime.getVariables(instances.get(0).getId());
        assertThat(variables).containsEntry("title", "300 alerts: HostUnreachable in " + dc + "/a3")
                .containsEntry("severity", "SEV1").containsEntry("escalationPolicy", "datacenter-ops")
                .containsEntry("affectedServices", "mail, marketing").containsEntry("declaredBy", "alerts:rack-outage")
                .containsKey("alertGroupId");
        assertThat(alertEntries(incident)).containsExactly(
                "opened by rule rack-outage: 300 alerts in datacenter=" + dc + ", rack=a3",
                "200 more alerts joined; 500 firing");
    }

    @Test
    void anotherRackIsAnotherIncidentAndLateAlertsJoinTheOpenOne() {
        // given
        String dc = "dc-" + shortId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        inbox("alertmanager")
                .alert(dc + "-a3-1", AlertStatus.FIRING, "down", rack(dc, "a3", 1), start)
                .alert(dc + "-b1-1", AlertStatus.FIRING, "down", rack(dc, "b1", 1), start.plusSeconds(1))
                .store();
        processor.drain();

        // when: ten minutes later, long after the window, another host of rack a3
        inbox("alertmanager").alert(dc + "-a3-2", AlertStatus.FIRING, "down", rack(dc, "a3", 2), start.plusSeconds(600)).store();
        processor.drain();

        // then
        assertThat(incidentsOf(dc)).hasSize(2);
        String a3 = jdbc.queryForObject("SELECT incident_key FROM bs_alert WHERE dedup_key = ?", String.class, dc + "-a3-1");
        String b1 = jdbc.queryForObject("SELECT incident_key FROM bs_alert WHERE dedup_key = ?", String.class, dc + "-b1-1");
        assertThat(a3).isNotEqualTo(b1);
        assertThat(jdbc.queryForObject("SELECT incident_key FROM bs_alert WHERE dedup_key = ?", String.class, dc + "-a3-2"))
                .isEqualTo(a3);
    }

    @Test
    void aFlappingHostOpensNoIncidentUntilTheRuleHasItsThreeHosts() {
        // given: one host going down and up four times within the window
        String dc = "dc-" + shortId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboxRows flapping = inbox("alertmanager");
        for (int i = 0; i < 4; i++) {
            flapping.alert(dc + "-h1", AlertStatus.FIRING, "h1 down", host(dc, "h1"), start.plusSeconds(10L * i))
                    .alert(dc + "-h1", AlertStatus.RESOLVED, "h1 up", host(dc, "h1"), start.plusSeconds(10L * i + 5));
        }
        flapping.store();
        processor.drain();
        inbox("alertmanager")
                .alert(dc + "-h1", AlertStatus.FIRING, "h1 down", host(dc, "h1"), start.plusSeconds(60))
                .alert(dc + "-h2", AlertStatus.FIRING, "h2 down", host(dc, "h2"), start.plusSeconds(61))
                .store();
        processor.drain();
        assertThat(incidentsOf(dc)).as("two hosts down are below the rule's three").isEmpty();

        // when
        inbox("alertmanager").alert(dc + "-h3", AlertStatus.FIRING, "h3 down", host(dc, "h3"), start.plusSeconds(120)).store();
        processor.drain();

        // then
        List<String> incidents = incidentsOf(dc);
        assertThat(incidents).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert WHERE incident_key = ? AND status = 'FIRING'",
                Integer.class, incidents.get(0))).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert WHERE dedup_key = ?", Integer.class, dc + "-h1"))
                .as("each firing after a resolution is a new alert").isEqualTo(5);
        assertThat(runtime.getVariables(businessProcess(incidents.get(0)))).containsEntry("severity", "SEV2")
                .doesNotContainKey("escalationPolicy");
    }

    @Test
    void theCommanderIsToldOnceWhenAllAlertsResolveAndAgainAfterOneFiresAgain() {
        // given
        String dc = "dc-" + shortId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboxRows firing = inbox("alertmanager");
        for (int host = 0; host < 3; host++) {
            firing.alert(dc + "-" + host, AlertStatus.FIRING, "down", rack(dc, "r1", host), start.plusSeconds(host));
        }
        firing.store();
        processor.drain();
        String incident = incidentsOf(dc).get(0);
        ProcessInstance probe = runtime.startProcessInstanceByKey(PROBE, incident);

        // when
        inbox("alertmanager").alert(dc + "-0", AlertStatus.RESOLVED, "up", rack(dc, "r1", 0), start.plusSeconds(30))
                .alert(dc + "-1", AlertStatus.RESOLVED, "up", rack(dc, "r1", 1), start.plusSeconds(31)).store();
        processor.drain();
        assertThat(waitsAt(probe, "FirstResolved")).isTrue();
        inbox("alertmanager").alert(dc + "-2", AlertStatus.RESOLVED, "up", rack(dc, "r1", 2), start.plusSeconds(40)).store();
        processor.drain();
        inbox("alertmanager").alert(dc + "-2", AlertStatus.RESOLVED, "still up", rack(dc, "r1", 2), start.plusSeconds(50)).store();
        processor.drain();

        // then
        assertThat(waitsAt(probe, "SecondResolved")).as("told exactly once").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert WHERE incident_key = ? AND resolved_at IS NOT NULL "
                + "AND status = 'RESOLVED' AND open_key IS NULL", Integer.class, incident)).isEqualTo(3);
        assertThat(alertEntries(incident)).contains("2 resolved; 1 firing", "1 resolved; 0 firing",
                "all 3 alerts resolved; the commander is told");

        // when: one fires again and resolves
        inbox("alertmanager").alert(dc + "-0", AlertStatus.FIRING, "down again", rack(dc, "r1", 0), start.plusSeconds(300)).store();
        processor.drain();
        assertThat(waitsAt(probe, "SecondResolved")).isTrue();
        inbox("alertmanager").alert(dc + "-0", AlertStatus.RESOLVED, "up", rack(dc, "r1", 0), start.plusSeconds(360)).store();
        processor.drain();

        // then
        assertThat(waitsAt(probe, "AfterResolved")).as("re-armed, told again").isTrue();
        assertThat(alertEntries(incident)).filteredOn(text -> text.startsWith("all ")).hasSize(2);
        assertThat(incidentsOf(dc)).containsExactly(incident);
    }

    @Test
    void anAcknowledgementFromTheEventsApiReachesTheIncident() {
        // given
        String dc = "dc-" + shortId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        inbox("events").alert(dc + "-1", AlertStatus.FIRING, "down", rack(dc, "r9", 1), start).store();
        processor.drain();
        String incident = incidentsOf(dc).get(0);
        ProcessInstance probe = runtime.startProcessInstanceByKey(PROBE, incident);

        // when
        inbox("events").alert(dc + "-1", AlertStatus.ACKNOWLEDGED, "looking", rack(dc, "r9", 1), start.plusSeconds(20)).store();
        processor.drain();

        // then
        assertThat(jdbc.queryForObject("SELECT status FROM bs_alert WHERE dedup_key = ?", String.class, dc + "-1"))
                .isEqualTo("ACKNOWLEDGED");
        assertThat(waitsAt(probe, "AfterAcknowledged")).isTrue();
        assertThat(runtime.getVariable(probe.getId(), Paging.ACKNOWLEDGED_BY)).isEqualTo("events");
        assertThat(runtime.getVariable(probe.getId(), Paging.ACKNOWLEDGED_VIA)).isEqualTo("events");
        assertThat(alertEntries(incident)).contains("1 acknowledged; 1 firing");
    }

    @Test
    void aPoisonousRowDoesNotHoldBackTheOthersAndIsSetAsideAfterItsAttempts() {
        // given
        String dc = "dc-" + shortId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Long> ids = inbox("alertmanager")
                .alert(dc + "-before", AlertStatus.FIRING, "down", rack(dc, "p1", 1), start)
                .raw(dc + "-poison", "FIRING", "broken", "this is not JSON", start.plusSeconds(1))
                .alert(dc + "-after", AlertStatus.FIRING, "down", rack(dc, "p1", 2), start.plusSeconds(2))
                .store();
        long poison = ids.get(1);

        // when
        processor.drain();

        // then
        assertThat(jdbc.queryForList("SELECT dedup_key FROM bs_alert WHERE dedup_key LIKE ? ORDER BY dedup_key",
                String.class, dc + "%")).containsExactly(dc + "-after", dc + "-before");
        assertThat(incidentsOf(dc)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT processed_at FROM bs_alert_inbox WHERE id = ?", Object.class, poison)).isNull();

        // when: the row fails on its own until its attempts are used up
        processor.drain();
        processor.drain();

        // then
        Map<String, Object> failure = jdbc.queryForMap("SELECT attempts, last_error, given_up_at FROM bs_alert_failure "
                + "WHERE inbox_id = ?", poison);
        assertThat(failure.get("ATTEMPTS")).isEqualTo(3);
        assertThat(failure.get("GIVEN_UP_AT")).isNotNull();
        assertThat((String) failure.get("LAST_ERROR")).contains("inbox row " + poison, "labels are not a JSON object");
        assertThat(jdbc.queryForObject("SELECT processed_at FROM bs_alert_inbox WHERE id = ?", Object.class, poison)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert_inbox WHERE processed_at IS NULL AND id IN (?, ?, ?)",
                Integer.class, ids.get(0), ids.get(1), ids.get(2))).isZero();
    }

    @Test
    void alertsStoredWakeTheProcessorAtOnce() {
        // given
        String dc = "dc-" + shortId();
        inbox("alertmanager").alert(dc + "-1", AlertStatus.FIRING, "down", rack(dc, "w1", 1), Instant.now()).store();

        // when
        listeners.forEach(listener -> listener.alertsStored("alertmanager", 1));

        // then
        // The poll interval is 10 minutes here: an incident within a minute can only come from the wake-up.
        // How fast it is, is measured by bench/, not asserted by a test on a loaded CI machine.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> !incidentsOf(dc).isEmpty());
    }

    @Test
    void aMissedHeartbeatOpensOneIncidentWhenTwoNodesCheckAtOnce() throws Exception {
        // given: two nodes check the same silence; the first holds its transaction open until the second waits
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CountDownLatch firstFired = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);

        // when
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            List<String> fired = heartbeats.check(later);
            firstFired.countDown();
            awaitQuietly(secondWaits);
            return fired;
        }));
        assertThat(firstFired.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> heartbeats.check(later));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL", Integer.class) > 0);
        secondWaits.countDown();

        // then
        assertThat(first.get(20, TimeUnit.SECONDS)).containsExactly("backup-job");
        assertThat(second.get(20, TimeUnit.SECONDS)).isEmpty();
        processor.drain();
        List<String> incidents = jdbc.queryForList("SELECT incident_key FROM bs_alert_group WHERE rule_name = 'heartbeat:backup-job'",
                String.class);
        assertThat(incidents).hasSize(1).doesNotContainNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert_inbox WHERE dedup_key = 'heartbeat:backup-job'",
                Integer.class)).isEqualTo(1);
        assertThat(runtime.getVariables(businessProcess(incidents.get(0)))).containsEntry("title", "Backup backup-job silent")
                .containsEntry("severity", "SEV2").containsEntry("escalationPolicy", "backup-ops");

        // when: the job checks in again
        ResponseEntity<JsonNode> checkIn = checkIn("backup-job");
        processor.drain();

        // then
        assertThat(checkIn.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jdbc.queryForObject("SELECT status FROM bs_alert WHERE dedup_key = 'heartbeat:backup-job'", String.class))
                .isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("SELECT missed_at FROM bs_heartbeat WHERE name = 'backup-job'", Object.class)).isNull();
        assertThat(alertEntries(incidents.get(0))).contains("1 resolved; 0 firing");
    }

    @Test
    void anUnknownHeartbeatIsNotFound() {
        // when
        ResponseEntity<JsonNode> response = checkIn("no-such-job");

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("detail").asText()).contains("no-such-job");
    }

    @Test
    void peopleListAlertsNewestFirstAndByIncident() {
        // given
        String dc = "dc-" + shortId();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        inbox("grafana").alert(dc + "-1", AlertStatus.FIRING, "first", rack(dc, "q1", 1), start)
                .alert(dc + "-2", AlertStatus.FIRING, "second", rack(dc, "q1", 2), start.plusSeconds(1)).store();
        processor.drain();
        String incident = incidentsOf(dc).get(0);
        TestRestTemplate agent = http.withBasicAuth("agent", "agent");

        // when
        ResponseEntity<JsonNode> byIncident = agent.getForEntity("/api/incidents/{key}/alerts", JsonNode.class, incident);
        ResponseEntity<JsonNode> filtered = agent.getForEntity("/api/alerts?source=grafana&status=firing&incident={key}&limit=1",
                JsonNode.class, incident);
        ResponseEntity<JsonNode> unknown = agent.getForEntity("/api/incidents/INC-1999-9999/alerts", JsonNode.class);
        ResponseEntity<JsonNode> badStatus = agent.getForEntity("/api/alerts?status=burning", JsonNode.class);
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/alerts", JsonNode.class);

        // then
        assertThat(byIncident.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byIncident.getBody()).hasSize(2);
        assertThat(byIncident.getBody().get(0).path("dedupKey").asText()).isEqualTo(dc + "-2");
        assertThat(byIncident.getBody().get(0).path("labels").path("rack").asText()).isEqualTo("q1");
        assertThat(byIncident.getBody().get(0).path("incidentKey").asText()).isEqualTo(incident);
        assertThat(filtered.getBody()).hasSize(1);
        assertThat(filtered.getBody().get(0).path("summary").asText()).isEqualTo("second");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody().path("detail").asText()).startsWith("status must be one of");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private InboxRows inbox(String source) {
        return new InboxRows(jdbc, source);
    }

    private List<String> incidentsOf(String datacenter) {
        return jdbc.queryForList("SELECT DISTINCT incident_key FROM bs_alert WHERE dedup_key LIKE ? AND incident_key IS NOT NULL",
                String.class, datacenter + "-%");
    }

    private String businessProcess(String incident) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("major-incident").processInstanceBusinessKey(incident)
                .singleResult().getId();
    }

    private List<String> alertEntries(String incident) {
        return timeline.of(incident).stream().filter(entry -> entry.kind() == TimelineKind.ALERTS)
                .map(TimelineEntry::detail).toList();
    }

    private boolean waitsAt(ProcessInstance instance, String activity) {
        return runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(activity).count() == 1;
    }

    private static Map<String, String> rack(String dc, String rack, int host) {
        return Map.of("alertname", "HostUnreachable", "datacenter", dc, "rack", rack, "instance", "host" + host);
    }

    private static Map<String, String> host(String dc, String host) {
        return Map.of("alertname", "HostDown", "datacenter", dc, "instance", host);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A heartbeat check-in as a monitored job sends it, with the embedded default's demo token. */
    private ResponseEntity<JsonNode> checkIn(String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("demo-heartbeats-token");
        return http.postForEntity("/api/heartbeats/" + name, new HttpEntity<>(null, headers), JsonNode.class);
    }
}
