package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The postmortem of a closed incident, written, reviewed by a second commander, told to customers and published. */
class PostmortemIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService history;

    /**
     * A closed incident, its notices withheld: Resolve, then a commander's {@code POST /api/incidents/{key}/close}
     * instead of waiting out the monitoring period.
     */
    static String closedIncident(Api api, String title, String severity) {
        String key = api.declare("commander", title);
        done(api, "commander", key, "Triage", Map.of("severity", severity, "affectedServices", "mail",
                "customerImpact", "No mail in or out."));
        done(api, "agent", key, "ReviewNotice", Map.of("noticeDecision", "withhold"));
        done(api, "commander", key, "Mitigate", Map.of("mitigationSummary", "Power is back.", "mitigationNotice", "none"));
        done(api, "commander", key, "Resolve", Map.of("resolutionSummary", "The utility feed is stable and the databases are in sync."));
        done(api, "agent", key, "ReviewNotice", Map.of("noticeDecision", "withhold"));
        // Monitoring takes the close once the resolved notice is settled (409 until then).
        await().atMost(Duration.ofSeconds(30)).until(() -> api.send("commander", HttpMethod.POST,
                "/api/incidents/" + key + "/close", "{\"reason\":\"nothing more to watch\"}").getStatusCode().value(),
                status -> status == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.incident("commander", key).path("incident").path("status").asText(),
                "closed"::equals);
        return key;
    }

    /** How many times the postmortem asked team.mail to send the invitation, served or not. */
    private long invitationsAsked(String postmortem) {
        return history.createHistoricExternalTaskLogQuery().processInstanceId(postmortem).topicName("team.mail")
                .creationLog().count();
    }

    private static void done(Api api, String user, String key, String activity, Map<String, Object> variables) {
        ResponseEntity<String> completed = api.claimAndComplete(user, api.awaitTask(user, key, activity), variables);
        assertThat(completed.getStatusCode().value()).as(activity + ": " + completed.getBody()).isEqualTo(204);
    }

    private Map<String, Object> written(String reviewer) {
        Map<String, Object> sections = new HashMap<>();
        sections.put("summary", "Every server lost power at 23:45.");
        sections.put("trigger", "The utility feed failed and the generator did not take over.");
        sections.put("contributingFactors", "The transfer switch had never been tested under load.");
        sections.put("wentWell", "The alarm called the on-call engineer within minutes.");
        sections.put("customerSummary", "A power failure in our datacenter stopped mail for eight hours.");
        sections.put("customerChanges", "We now test the emergency power under full load every month.");
        sections.put("reviewer", reviewer);
        sections.put("meetingAt", "2026-12-10T10:00Z");
        return sections;
    }

    @Test
    void closingASev2StartsThePostmortemWithItsDraftFromWhatWasRecorded() {
        Api api = api();
        // given a SEV2 incident with key times as the steps and commanders recorded them, and two pinned notes
        String key = closedIncident(api, "Datacenter power lost", "SEV2");
        keyTime(key, "impact_started", "2026-12-07T23:40:00Z");
        keyTime(key, "detected", "2026-12-07T23:45:00Z");
        keyTime(key, "acknowledged", "2026-12-07T23:50:00Z");
        keyTime(key, "mitigated", "2026-12-08T00:45:00Z");
        keyTime(key, "mitigated", "2026-12-08T08:00:00Z");
        keyTime(key, "resolved", "2026-12-08T09:00:00Z");
        long servers = note(api, key, "Servers back at 00:45");
        long cause = note(api, key, "Cause known at 00:00: utility feed");
        pin(servers, "2026-12-08T00:45:00Z");
        pin(cause, "2026-12-08T00:00:00Z");

        // when the commander opens the write task
        JsonNode write = api.awaitTask("commander", key, "WritePostmortem");
        JsonNode postmortem = api.json(api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/postmortem", null));

        // then the postmortem started with the close, as a draft built from what was recorded
        assertThat(write.path("name").asText()).isEqualTo("Write the postmortem for " + key + ": Datacenter power lost");
        assertThat(postmortem.path("status").asText()).isEqualTo("draft");
        assertThat(postmortem.path("facts").path("incident").path("severity").asText()).isEqualTo("SEV2");
        assertThat(postmortem.path("facts").path("impact").path("customerImpact").asText()).isEqualTo("No mail in or out.");
        assertThat(postmortem.path("facts").path("impact").path("customers").asLong()).as("every notice was withheld").isZero();
        Map<String, Long> durations = new HashMap<>();
        postmortem.path("facts").path("durations").forEach(d -> durations.put(d.path("name").asText(),
                d.path("minutes").isNull() ? null : d.path("minutes").asLong()));
        assertThat(durations).containsEntry("time_to_detect", 5L).containsEntry("time_to_acknowledge", 5L)
                .as("the latest correction of mitigated is in force").containsEntry("time_to_mitigate", 500L)
                .containsEntry("time_to_resolve", 560L);
        List<String> pinned = new ArrayList<>();
        postmortem.path("facts").path("pinned").forEach(p -> pinned.add(p.path("detail").asText()));
        assertThat(pinned).as("in time order, not in the order they were written")
                .containsExactly("Cause known at 00:00: utility feed", "Servers back at 00:45");
        JsonNode link = api.incident("agent", key).path("postmortem");
        assertThat(link.path("status").asText()).isEqualTo("draft");
        assertThat(link.path("url").asText()).isEqualTo("/incidents/" + key + "/postmortem");

        ResponseEntity<String> markdown = api.send("agent", HttpMethod.GET, "/api/incidents/" + key + "/postmortem.md", null);
        assertThat(markdown.getStatusCode().value()).isEqualTo(200);
        assertThat(markdown.getHeaders().getContentType().toString()).startsWith("text/markdown");
        assertThat(markdown.getBody()).startsWith("# Postmortem " + key + ": Datacenter power lost")
                .contains("| Time to mitigate | Impact started | Mitigated | 8 h 20 min |")
                .containsSubsequence("Cause known at 00:00", "Servers back at 00:45");

        // and asking for a second one is refused, changing nothing
        ResponseEntity<String> again = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/postmortem", null);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(processes(key)).isEqualTo(1);
    }

    @Test
    void theAuthorCannotBeTheReviewerAndAnAgentCannotWriteOrStartAPostmortem() {
        Api api = api();
        // given a closed SEV2 incident whose postmortem waits to be written
        String key = closedIncident(api, "Rack power failed twice", "SEV2");
        JsonNode write = api.awaitTask("commander", key, "WritePostmortem");
        String id = write.path("id").asText();

        // when an agent claims or completes the write task through the engine's REST API
        ResponseEntity<String> claim = api.send("agent", HttpMethod.POST, api.engine("/task/" + id + "/claim"),
                "{\"userId\":\"agent\"}");
        ResponseEntity<String> complete = api.complete("agent", id, written("commander-2"));

        // then both are refused and the task is as it was
        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isIn(403, 404);
        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isIn(403, 404);
        JsonNode still = api.task("commander", key, "WritePostmortem");
        assertThat(still.path("id").asText()).isEqualTo(id);
        assertThat(still.path("assignee").isNull()).isTrue();
        assertThat(status(api, key)).isEqualTo("draft");

        // when the commander names themself as the reviewer
        api.send("commander", HttpMethod.POST, api.engine("/task/" + id + "/claim"), "{\"userId\":\"commander\"}");
        ResponseEntity<String> self = api.complete("commander", id, written("commander"));

        // then the form says why, and nothing moved
        assertThat(self.getStatusCode().value()).as(self.getBody()).isEqualTo(400);
        assertThat(self.getBody()).contains("reviewer other than yourself");
        assertThat(api.task("commander", key, "WritePostmortem").path("id").asText()).isEqualTo(id);
        assertThat(api.task("commander", key, "ReviewPostmortem")).isNull();
        assertThat(status(api, key)).isEqualTo("draft");

        // and an agent cannot start a postmortem for another closed incident; a commander can, once
        String minor = closedIncident(api, "Webmail slow for an hour", "SEV3");
        assertThat(api.send("agent", HttpMethod.POST, "/api/incidents/" + minor + "/postmortem", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(processes(minor)).isZero();
        assertThat(api.send("commander", HttpMethod.GET, "/api/incidents/" + minor + "/postmortem", null)
                .getStatusCode().value()).as("a SEV3 gets no postmortem by itself").isEqualTo(404);
        ResponseEntity<String> started = api.send("commander", HttpMethod.POST, "/api/incidents/" + minor + "/postmortem", null);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        assertThat(api.json(started).path("status").asText()).isEqualTo("draft");
        assertThat(processes(minor)).isEqualTo(1);
        assertThat(api.send("commander", HttpMethod.POST, "/api/incidents/INC-1999-9999/postmortem", null)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anOpenIncidentGetsNoPostmortemYet() {
        Api api = api();
        // given an incident still being triaged
        String key = api.declare("commander", "Mail queue growing");

        // when a commander asks for its postmortem
        ResponseEntity<String> refused = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/postmortem", null);

        // then it is refused and none exists
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(api.json(refused).path("detail").asText()).contains("once the incident is closed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_postmortem WHERE incident_key = ?", Integer.class, key)).isZero();
    }

    @Test
    void aReviewedPostmortemGoesBackWithCommentsThenIsApprovedToldToCustomersAndPublished() {
        Api api = api();
        // given a closed SEV2 incident whose postmortem the commander writes for commander-2
        String key = closedIncident(api, "Databases out of sync", "SEV2");
        api.claimAndComplete("commander", api.awaitTask("commander", key, "WritePostmortem"), written("commander-2"));
        assertThat(status(api, key)).isEqualTo("in-review");
        JsonNode review = api.awaitTask("commander-2", key, "ReviewPostmortem");

        // and the people who worked the incident are invited to the review meeting through team.mail
        String postmortem = review.path("processInstanceId").asText();
        // The e-mail plugin may already have sent it: the engine's history keeps the task and what it was asked to send.
        assertThat(invitationsAsked(postmortem)).isEqualTo(1);
        Map<String, Object> mail = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(postmortem).list().stream()
                .filter(v -> v.getName().startsWith("teamMail") && v.getValue() != null)
                .forEach(v -> mail.put(v.getName(), v.getValue()));
        assertThat(mail.get("teamMailTo").toString().split(",")).as("author, reviewer, and the agent who reviewed the notices")
                .contains("commander", "commander-2", "agent").doesNotContain("system", "notice.draft");
        assertThat(mail.get("teamMailSubject").toString()).startsWith("Postmortem review " + key + ": Databases out of sync");
        String calendar = mail.get("teamMailCalendar").toString().replace("\r\n ", "");
        assertThat(calendar).contains("METHOD:REQUEST", "UID:postmortem-" + key + "@", "DTSTART:20261210T100000Z",
                "DTEND:20261210T110000Z", "ORGANIZER;CN=\"Casey Commander\":mailto:commander@blackstart.local",
                "mailto:commander-2@blackstart.local");
        assertThat(review.path("assignee").asText()).isEqualTo("commander-2");

        // when the reviewer asks for changes, and the author rewrites it
        assertThat(api.complete("commander-2", review.path("id").asText(), Map.of("postmortemVerdict", "changes",
                "reviewComments", "Say why the generator did not start.")).getStatusCode().value()).isEqualTo(204);
        assertThat(status(api, key)).isEqualTo("draft");
        JsonNode rewrite = api.awaitTask("commander", key, "WritePostmortem");
        JsonNode shown = api.json(api.send("commander", HttpMethod.GET, api.engine("/task/" + rewrite.path("id").asText()
                + "/form-variables?variableNames=reviewComments,summary"), null));
        assertThat(shown.path("reviewComments").path("value").asText()).isEqualTo("Say why the generator did not start.");
        assertThat(shown.path("summary").path("value").asText()).as("the author's text is kept").isEqualTo("Every server lost power at 23:45.");
        Map<String, Object> rewritten = written("commander-2");
        rewritten.put("contributingFactors", "The generator's fuel valve was closed after maintenance.");
        api.claimAndComplete("commander", rewrite, rewritten);

        assertThat(invitationsAsked(postmortem)).as("the meeting did not move: no second invitation").isEqualTo(1);

        // and approves it
        JsonNode second = api.awaitTask("commander-2", key, "ReviewPostmortem");
        assertThat(api.complete("commander-2", second.path("id").asText(), Map.of("postmortemVerdict", "approve"))
                .getStatusCode().value()).isEqualTo(204);

        // then the customer report waits for the agent's review, with the postmortem's words in it
        JsonNode reportReview = await().atMost(Duration.ofSeconds(30)).until(() -> api.task("agent", key, "ReviewNotice"),
                t -> t != null && t.path("name").asText().startsWith("Review the postmortem notice"));
        JsonNode draft = api.json(api.send("agent", HttpMethod.GET, api.engine("/task/" + reportReview.path("id").asText()
                + "/form-variables"), null));
        assertThat(draft.path("notice_en_text").path("value").asText())
                .contains("A power failure in our datacenter stopped mail for eight hours.",
                        "We now test the emergency power under full load every month.",
                        "/status/incidents/" + key + "/report");
        assertThat(status(api, key)).isEqualTo("approved");
        api.claimAndComplete("agent", reportReview, Map.of("noticeDecision", "send"));

        // and then the commander's approval, although the incident is a SEV2
        JsonNode approval = api.awaitTask("commander", key, "ApproveNotice");
        api.claimAndComplete("commander", approval, Map.of("noticeApproval", "approve"));

        // then the postmortem is published, every review round kept
        await().atMost(Duration.ofSeconds(30)).until(() -> status(api, key), "published"::equals);
        JsonNode published = api.json(api.send("agent", HttpMethod.GET, "/api/incidents/" + key + "/postmortem", null));
        assertThat(published.path("publishedAt").isNull()).isFalse();
        assertThat(published.path("links").path("report").asText()).endsWith("/status/incidents/" + key + "/report");
        assertThat(published.path("sections").path("contributingFactors").asText())
                .isEqualTo("The generator's fuel valve was closed after maintenance.");
        List<String> rounds = new ArrayList<>();
        published.path("reviews").forEach(r -> rounds.add(r.path("reviewer").asText() + " " + r.path("verdict").asText()));
        assertThat(rounds).containsExactly("commander-2 changes", "commander-2 approve");
        Integer twice = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT recipient, channel FROM bs_delivery WHERE incident_key = ? "
                + "AND step = 'postmortem' GROUP BY recipient, channel HAVING COUNT(*) > 1) t", Integer.class, key);
        assertThat(twice).as("each recipient once per channel").isZero();
        assertThat(api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/postmortem.md", null).getBody())
                .contains("- Status: **published**", "asked for changes — Say why the generator did not start.");
    }

    private String status(Api api, String key) {
        return api.json(api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/postmortem", null)).path("status").asText();
    }

    private int processes(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_ "
                + "WHERE p.BUSINESS_KEY_ = ? AND d.KEY_ = 'postmortem'", Integer.class, key);
    }

    /** As the record slice's steps and commanders write them: append-only, the latest row per name in force. */
    private void keyTime(String key, String name, String at) {
        jdbc.update("INSERT INTO bs_key_time (incident_key, name, at_time, set_by, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                key, name, Timestamp.from(Instant.parse(at)), "commander", "from the night's log", Timestamp.from(Instant.now()));
    }

    private long note(Api api, String key, String text) {
        return api.json(api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes", "{\"text\":\"" + text + "\"}"))
                .path("id").asLong();
    }

    /** A note written afterwards, dated when it happened and pinned, as the timeline's pins leave it. */
    private void pin(long entry, String at) {
        jdbc.update("UPDATE bs_timeline SET occurred_at = ?, pinned_by = 'commander', pinned_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse(at)), Timestamp.from(Instant.now()), entry);
    }
}
