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
 * {@code GET /api/incidents/{key}} as the commander's console reads it: a rack outage raised by monitoring,
 * paged and answered, triaged, told to customers, mitigated, resolved and closed, and still readable after.
 */
class IncidentDetailsIT extends PlatformIT {

    @Test
    void aPlayedIncidentShowsItsAlertsPagesNoticesStatusPageAndKeyTimesAndStaysReadableOnceClosed() {
        Api api = api();
        String rack = "r" + UUID.randomUUID().toString().substring(0, 6);

        // given monitoring reports a rack down: the rack-outage rule opens a SEV1 and pages datacenter-ops
        ResponseEntity<String> alert = alert(rack);
        assertThat(alert.getStatusCode().value()).as(alert.getBody()).isEqualTo(202);
        String key = await().atMost(Duration.ofSeconds(30)).until(() -> api.incidentTitled("Hosts unreachable in ams9/" + rack),
                k -> k != null);
        // the demo pager's phone call and text are complete: an answer racing them is refused by the engine
        JsonNode paged = await().atMost(Duration.ofSeconds(30)).until(() -> api.incident("commander", key),
                d -> !d.path("pages").isEmpty() && steps(d).containsAll(List.of("PagePhone", "PageSms")));
        assertThat(paged.path("commander").isMissingNode()).as("nobody took Triage yet").isTrue();
        assertThat(paged.path("acknowledgements")).isEmpty();

        // when an on-call engineer answers the page and the commander triages
        assertThat(api.send("oncall-1", HttpMethod.POST, "/api/incidents/" + key + "/acknowledge",
                "{\"note\":\"on my way to ams9\"}").getStatusCode().value()).isEqualTo(200);
        JsonNode triage = api.awaitTask("commander", key, "Triage");
        api.send("commander", HttpMethod.POST, api.engine("/task/" + triage.path("id").asText() + "/claim"),
                "{\"userId\":\"commander\"}");
        assertThat(api.incident("agent", key).path("commander").asText()).as("the claimant of Triage").isEqualTo("commander");
        api.complete("commander", triage.path("id").asText(), Map.of("severity", "SEV1", "affectedServices", "mail",
                "customerImpact", "Mail to and from ams9 is delayed."));
        sendNotice(api, key);

        // then the console shows who answered, the notice per channel and language, and the status page
        JsonNode open = await().atMost(Duration.ofSeconds(30)).until(() -> api.incident("agent", key),
                d -> sentTo(d, "initial", "email") >= 5 && d.path("statusPage").has("components"));
        assertThat(open.path("commander").asText()).isEqualTo("commander");
        assertThat(open.path("acknowledgements")).singleElement().satisfies(a -> {
            assertThat(a.path("by").asText()).isEqualTo("oncall-1");
            assertThat(a.path("via").asText()).isEqualTo("api");
            assertThat(a.path("note").asText()).isEqualTo("on my way to ams9");
        });
        assertThat(open.path("pages")).allSatisfy(p -> assertThat(p.path("step").asText()).matches("L\\d+-R\\d+-A\\d+"))
                .anySatisfy(p -> assertThat(p.path("state").asText()).isEqualTo("SENT"));
        List<String> languages = new ArrayList<>();
        open.path("notices").forEach(n -> {
            if (n.path("step").asText().equals("initial") && n.path("channel").asText().equals("email")) {
                languages.add(n.path("language").asText());
            }
        });
        assertThat(languages).as("one line per language, not per customer").contains("en", "nl", "de", "fr").doesNotHaveDuplicates();
        assertThat(open.path("notices")).as("the status page is one post, in no particular language")
                .anySatisfy(n -> {
                    assertThat(n.path("channel").asText()).isEqualTo("statuspage");
                    assertThat(n.path("language").isMissingNode()).isTrue();
                });
        assertThat(open.path("statusPage").path("components")).singleElement().satisfies(c -> {
            assertThat(c.path("id").asText()).isEqualTo("mail");
            assertThat(c.path("state").asText()).isEqualTo("major-outage");
        });
        assertThat(open.path("alerts")).singleElement().satisfies(a -> assertThat(a.path("summary").asText()).contains(rack));
        assertThat(open.path("alertCount").asLong()).isEqualTo(1);
        assertThat(open.path("times").path("triaged").asText()).isNotEmpty();
        assertThat(open.path("times").has("closed")).isFalse();

        // when the incident is mitigated, resolved and closed
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"),
                Map.of("mitigationSummary", "Hosts moved to rack r14"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"),
                Map.of("resolutionSummary", "Power restored"));
        sendNotice(api, key);
        JsonNode closed = api.closeEarly("commander", key, Duration.ofSeconds(30));

        // then its history is all there, the key times in order, the component operational again
        JsonNode times = closed.path("times");
        List<Instant> inOrder = List.of("declared", "triaged", "mitigated", "resolved", "closed").stream()
                .map(t -> Instant.parse(times.path(t).asText())).toList();
        assertThat(inOrder).isSorted();
        assertThat(closed.path("commander").asText()).isEqualTo("commander");
        assertThat(closed.path("acknowledgements")).hasSize(1);
        assertThat(sentTo(closed, "resolved", "email")).isGreaterThanOrEqualTo(5);
        assertThat(closed.path("statusPage").path("components")).singleElement()
                .satisfies(c -> assertThat(c.path("state").asText()).isEqualTo("operational"));
        assertThat(closed.path("alerts")).hasSize(1);
        assertThat(closed.path("timeline")).anySatisfy(t -> assertThat(t.path("kind").asText()).isEqualTo("INCIDENT_CLOSED"));
        assertThat(closed.path("deliveries")).as("kept for scripts that ask per recipient").isNotEmpty();
    }

    @Test
    void aVendorCaseOpenedForTheIncidentIsAmongItsDetails() {
        // given
        Api api = api();
        String key = api.declare("commander", "Storage array C is read-only");

        // when the commander escalates to the storage vendor
        ResponseEntity<String> escalated = new VendorSteps(http, api).escalate(key, "storeco", "Array C went read-only");
        assertThat(escalated.getStatusCode().value()).as(escalated.getBody()).isEqualTo(201);

        // then the case the vendor's system opened is listed with the incident
        JsonNode details = await().atMost(Duration.ofSeconds(30)).until(() -> api.incident("agent", key),
                d -> !d.path("vendorCases").isEmpty());
        assertThat(details.path("vendorCases")).singleElement().satisfies(c -> {
            assertThat(c.path("vendor").asText()).isEqualTo("storeco");
            assertThat(c.path("caseNumber").asText()).isNotBlank();
            assertThat(c.path("state").asText()).isEqualTo("OPEN");
        });
    }

    @Test
    void theSummaryLeavesOutTheDeliveriesPerRecipientAndAnUnknownIncidentIs404() {
        // given
        Api api = api();
        String key = api.declare("commander", "Console summary");

        // when
        JsonNode summary = api.json(api.send("agent", HttpMethod.GET, "/api/incidents/" + key + "?deliveries=false", null));
        ResponseEntity<String> unknown = api.send("agent", HttpMethod.GET, "/api/incidents/INC-1999-9999", null);

        // then
        assertThat(summary.path("incident").path("key").asText()).isEqualTo(key);
        assertThat(summary.has("deliveries")).isFalse();
        assertThat(summary.path("timeline")).isNotEmpty();
        assertThat(summary.path("times").path("declared").asText()).isNotEmpty();
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(api.json(unknown).path("detail").asText()).isEqualTo("no incident with key INC-1999-9999");
    }

    /** The agent sends the notice as drafted; a SEV1's notice also needs the commander's approval. */
    private static void sendNotice(Api api, String key) {
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "ApproveNotice"), Map.of("noticeApproval", "approve"));
    }

    private static List<String> steps(JsonNode details) {
        List<String> steps = new ArrayList<>();
        details.path("timeline").forEach(t -> steps.add(t.path("step").asText("")));
        return steps;
    }

    private ResponseEntity<String> alert(String rack) {
        return RackAlerts.hostUnreachable(http, "console", "ams9", rack, "mx1", "2026-11-23T23:45:01Z");
    }


    private static int sentTo(JsonNode details, String step, String channel) {
        int sent = 0;
        for (JsonNode notice : details.path("notices")) {
            if (notice.path("step").asText().equals(step) && notice.path("channel").asText().equals(channel)) {
                sent += notice.path("sent").asInt();
            }
        }
        return sent;
    }
}
