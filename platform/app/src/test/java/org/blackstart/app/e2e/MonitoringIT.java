package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * After Resolve the incident is monitoring: the status page says until when; alerts of its group firing again, or a
 * commander, reopen it; a commander can close it early. Only commanders, only while it is monitoring.
 */
class MonitoringIT extends PlatformIT {

    private static final Duration FLOW = Duration.ofSeconds(30);

    @Test
    void alertsOfTheGroupFiringAgainDuringMonitoringReopenTheIncident() {
        Api api = api();
        String rack = "m" + UUID.randomUUID().toString().substring(0, 6);

        // given a rack outage opened by alerts, triaged, mitigated and resolved, its resolved notice out
        assertThat(alert(rack, "first").getStatusCode().value()).isEqualTo(202);
        String key = await().atMost(FLOW).until(() -> api.incidentTitled("Hosts unreachable in ams9/" + rack), k -> k != null);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "mail", "customerImpact", "Mail to and from ams9 is delayed."));
        done(api, "agent", key, "ReviewNotice", Map.of("noticeDecision", "send"));
        resolve(api, key);
        assertThat(status(api, key)).isEqualTo("monitoring");

        // then the status page shows it resolved, and until when it is watched
        String page = await().atMost(FLOW).until(() -> http.getForObject("/status/incidents/" + key, String.class),
                body -> body.contains("We keep watching the service until"));
        assertThat(page).contains("Resolved");

        // when another host of the same rack goes down
        assertThat(alert(rack, "again").getStatusCode().value()).isEqualTo(202);

        // then the incident is reopened, back at Mitigate, and says why
        await().atMost(FLOW).until(() -> status(api, key), "reopened"::equals);
        assertThat(details(api, key)).anyMatch(line -> line.equals("REOPENED Reopened by alerts: 1 alert fired again in datacenter=ams9, rack=" + rack));
        api.awaitTask("commander", key, "Mitigate");

        // and customers hear it is back: the reopened notice, then the status page shows it active again
        JsonNode reopened = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(variable(api, reopened, "noticePhase")).isEqualTo("reopened");
        api.claimAndComplete("agent", reopened, Map.of("noticeDecision", "send"));
        await().atMost(FLOW).until(() -> http.getForObject("/status/incidents/" + key, String.class),
                body -> body.contains("Reopened") && body.contains("has returned"));
    }

    @Test
    void onlyACommanderReopensOrClosesAMonitoringIncidentWithAReasonThatFits() {
        Api api = api();
        String key = api.declare("commander", "Webmail logins fail " + UUID.randomUUID().toString().substring(0, 6));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV2",
                "affectedServices", "mail", "customerImpact", "Webmail logins fail."));
        done(api, "agent", key, "ReviewNotice", Map.of("noticeDecision", "send"));
        resolve(api, key);
        assertThat(status(api, key)).isEqualTo("monitoring");
        Instant until = Instant.parse(api.incident("agent", key).path("monitoring").path("until").asText());
        assertThat(until).as("a SEV2 is watched for 12 hours").isBetween(Instant.now().plus(Duration.ofHours(11)),
                Instant.now().plus(Duration.ofHours(12)));

        // when an agent tries to reopen or close it, and a commander sends no reason or one too long
        ResponseEntity<String> agentReopens = post(api, "agent", key, "reopen", "{\"reason\":\"customers complain\"}");
        ResponseEntity<String> agentCloses = post(api, "agent", key, "close", "{\"reason\":\"looks fine\"}");
        ResponseEntity<String> noReason = post(api, "commander", key, "reopen", "{\"reason\":\"  \"}");
        ResponseEntity<String> tooLong = post(api, "commander", key, "reopen", "{\"reason\":\"" + "x".repeat(501) + "\"}");
        ResponseEntity<String> longClose = post(api, "commander", key, "close", "{\"reason\":\"" + "x".repeat(501) + "\"}");

        // then every one is refused and nothing changed
        assertThat(agentReopens.getStatusCode().value()).isEqualTo(403);
        assertThat(agentCloses.getStatusCode().value()).isEqualTo(403);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(noReason).path("detail").asText()).contains("reason is required");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(api.json(tooLong).path("detail").asText()).contains("at most 500");
        assertThat(longClose.getStatusCode().value()).isEqualTo(400);
        assertThat(status(api, key)).isEqualTo("monitoring");
        assertThat(details(api, key)).noneMatch(line -> line.startsWith("REOPENED") || line.contains("Closed early"));

        // when the commander reopens it
        ResponseEntity<String> reopen = post(api, "commander", key, "reopen", "{\"reason\":\"Logins fail again for some users\"}");

        // then it is reopened, and the commander mitigates and resolves it again
        assertThat(reopen.getStatusCode().value()).as(reopen.getBody()).isEqualTo(200);
        assertThat(api.json(reopen).path("status").asText()).isEqualTo("reopened");
        assertThat(details(api, key)).contains("REOPENED Reopened by commander: Logins fail again for some users");
        done(api, "agent", key, "ReviewNotice", Map.of("noticeDecision", "send"));
        resolve(api, key);

        // when the commander closes it early, once the resolved notice is out
        JsonNode closed = api.closeEarly("commander", key, FLOW);

        // then it is closed, says who closed it and why, and cannot be reopened or closed again
        assertThat(closed.path("incident").path("status").asText()).isEqualTo("closed");
        assertThat(closed.hasNonNull("monitoring")).as("no longer watched").isFalse();
        assertThat(details(api, key)).contains("STATUS_CHANGED Closed early by commander: test over");
        JsonNode after = api.incident("commander", key).path("incident");
        ResponseEntity<String> reopenClosed = post(api, "commander", key, "reopen", "{\"reason\":\"one more time\"}");
        ResponseEntity<String> closeClosed = post(api, "commander", key, "close", "{}");
        assertThat(reopenClosed.getStatusCode().value()).isEqualTo(409);
        assertThat(api.json(reopenClosed).path("detail").asText()).contains("is closed");
        assertThat(closeClosed.getStatusCode().value()).isEqualTo(409);
        assertThat(api.incident("commander", key).path("incident")).isEqualTo(after);
        assertThat(post(api, "commander", "INC-1999-9998", "reopen", "{\"reason\":\"x\"}").getStatusCode().value())
                .isEqualTo(404);
    }

    /** Mitigate, Resolve, and the agent sends the resolved notice. */
    private static void resolve(Api api, String key) {
        done(api, "commander", key, "Mitigate", Map.of("mitigationSummary", "Rack power restored", "mitigationNotice", "none"));
        done(api, "commander", key, "Resolve", Map.of("resolutionSummary", "Feed repaired"));
        done(api, "agent", key, "ReviewNotice", Map.of("noticeDecision", "send"));
    }

    /**
     * Completes the task, again if the engine refused it because a notice of the same incident moved on at that moment
     * (optimistic locking: nothing was changed), as the person in Tasklist would press Complete again.
     */
    private static void done(Api api, String user, String key, String activity, Map<String, Object> variables) {
        await().atMost(FLOW).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode task = api.task(user, key, activity);
            return task != null && api.claimAndComplete(user, task, variables).getStatusCode().is2xxSuccessful();
        });
    }

    private static ResponseEntity<String> post(Api api, String user, String key, String action, String body) {
        return api.send(user, HttpMethod.POST, "/api/incidents/" + key + "/" + action, body);
    }

    private static String status(Api api, String key) {
        return api.incident("commander", key).path("incident").path("status").asText();
    }

    private static List<String> details(Api api, String key) {
        List<String> lines = new ArrayList<>();
        api.incident("commander", key).path("timeline")
                .forEach(e -> lines.add(e.path("kind").asText() + " " + e.path("detail").asText("")));
        return lines;
    }

    private static String variable(Api api, JsonNode task, String name) {
        return api.json(api.send("agent", HttpMethod.GET, api.engine("/task/" + task.path("id").asText() + "/variables/" + name),
                null)).path("value").asText();
    }

    private ResponseEntity<String> alert(String rack, String host) {
        return RackAlerts.hostUnreachable(http, "monitoring", "ams9", rack, host, "2026-11-23T23:45:01Z");
    }

}
