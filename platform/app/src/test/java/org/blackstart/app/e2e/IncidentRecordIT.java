package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What an incident keeps for after the fire: its key times (set by the steps, corrected by commanders with a reason),
 * the timeline entries pinned for the postmortem, and its links to other incidents, made by commanders or found by
 * alert processing when the same rack fails again.
 */
class IncidentRecordIT extends PlatformIT {

    @Test
    void theStepsSetTheKeyTimesAndASecondStormOnTheSameRackAfterCloseIsLinkedAsARecurrence() {
        Api api = api();
        String rack = "k" + UUID.randomUUID().toString().substring(0, 6);

        // given a rack outage raised by monitoring, answered, triaged, mitigated, resolved and closed
        assertThat(alert(rack, "first").getStatusCode().value()).isEqualTo(202);
        String first = await().atMost(Duration.ofSeconds(30)).until(() -> incidentTitled(api, rack, null), k -> k != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.incident("commander", first),
                d -> !d.path("pages").isEmpty() && steps(d).containsAll(List.of("PagePhone", "PageSms")));
        assertThat(api.send("oncall-1", HttpMethod.POST, "/api/incidents/" + first + "/acknowledge", "{}")
                .getStatusCode().value()).isEqualTo(200);
        api.claimAndComplete("commander", api.awaitTask("commander", first, "Triage"), Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "Mail to and from ams9 is delayed."));
        sendNotice(api, first);
        api.claimAndComplete("commander", api.awaitTask("commander", first, "Mitigate"),
                Map.of("mitigationSummary", "Hosts moved to another rack"));
        api.claimAndComplete("commander", api.awaitTask("commander", first, "Resolve"),
                Map.of("resolutionSummary", "Power restored"));
        sendNotice(api, first);
        JsonNode closed = closed(api, first);

        // then every key time is set, in order: detection at the alert's receipt, the others by their steps
        JsonNode keyTimes = closed.path("keyTimes");
        List<String> names = new ArrayList<>();
        keyTimes.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("impact_started", "detected", "acknowledged", "mitigated", "resolved", "closed");
        assertThat(names.stream().map(n -> Instant.parse(keyTimes.path(n).path("at").asText())).toList()).isSorted();
        assertThat(keyTimes.path("detected").path("reason").asText()).isEqualTo("first alert received");
        assertThat(Instant.parse(keyTimes.path("detected").path("at").asText()))
                .isBefore(Instant.parse(closed.path("incident").path("declaredAt").asText()).plusMillis(1));
        assertThat(keyTimes.path("acknowledged").path("reason").asText()).isEqualTo("page acknowledged");
        assertThat(keyTimes.path("mitigated").path("setBy").asText()).isEqualTo("commander");
        assertThat(keyTimes.path("mitigated").path("reason").asText()).isEqualTo("Mitigate completed");
        assertThat(keyTimes.path("resolved").path("reason").asText()).isEqualTo("Resolve completed");
        assertThat(keyTimes.path("closed").path("at").asText()).isNotEmpty();

        // when the same rack fails again, a new storm of alerts from other hosts
        assertThat(alert(rack, "second").getStatusCode().value()).isEqualTo(202);
        String second = await().atMost(Duration.ofSeconds(30)).until(() -> incidentTitled(api, rack, first), k -> k != null);

        // then the new incident is a recurrence of the closed one, both ways, with a line on both timelines
        JsonNode recurrence = api.incident("commander", second);
        assertThat(recurrence.path("links")).singleElement().satisfies(link -> {
            assertThat(link.path("kind").asText()).isEqualTo("recurrence-of");
            assertThat(link.path("direction").asText()).isEqualTo("outgoing");
            assertThat(link.path("targetType").asText()).isEqualTo("incident");
            assertThat(link.path("target").asText()).isEqualTo(first);
            assertThat(link.path("title").asText()).isEqualTo("Hosts unreachable in ams9/" + rack);
            assertThat(link.path("status").asText()).isEqualTo("closed");
            assertThat(link.path("createdBy").asText()).isEqualTo("alerts");
        });
        assertThat(details(recurrence, "LINK")).anySatisfy(line -> assertThat(line)
                .startsWith("linked as recurrence of " + first + ": Hosts unreachable in ams9/" + rack));
        JsonNode earlier = api.incident("commander", first);
        assertThat(earlier.path("links")).singleElement().satisfies(link -> {
            assertThat(link.path("direction").asText()).isEqualTo("incoming");
            assertThat(link.path("target").asText()).isEqualTo(second);
        });
        assertThat(details(earlier, "LINK")).containsExactly(second + " (Hosts unreachable in ams9/" + rack
                + ") linked as recurrence of this incident");
    }

    @Test
    void aCommanderCorrectsAKeyTimeWithAReasonAndTheHistoryKeepsWhatItWas() {
        // given
        Api api = api();
        String key = api.declare("commander", "Datacenter power lost");
        JsonNode declared = api.incident("commander", key);
        String detectedAt = declared.path("keyTimes").path("detected").path("at").asText();
        assertThat(Instant.parse(detectedAt)).isEqualTo(Instant.parse(declared.path("incident").path("declaredAt").asText()));
        assertThat(declared.path("keyTimes").path("impact_started").path("reason").asText()).isEqualTo("incident declared");
        Instant impact = Instant.parse(detectedAt).minus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        // when
        ResponseEntity<String> corrected = api.send("commander", HttpMethod.PUT, "/api/incidents/" + key
                + "/key-times/impact_started", "{\"at\":\"" + impact + "\",\"reason\":\"power alarm came before the first alert\"}");

        // then
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        assertThat(api.json(corrected).path("impact_started").path("at").asText()).isEqualTo(impact.toString());
        assertThat(api.json(corrected).path("impact_started").path("setBy").asText()).isEqualTo("commander");
        assertThat(api.json(corrected).path("detected").path("at").asText()).isEqualTo(detectedAt);
        JsonNode after = api.incident("agent", key);
        assertThat(after.path("keyTimes").path("impact_started").path("reason").asText())
                .isEqualTo("power alarm came before the first alert");
        List<String> history = new ArrayList<>();
        after.path("keyTimeHistory").forEach(h -> history.add(h.path("name").asText() + " " + h.path("setBy").asText()));
        assertThat(history).containsExactly("impact_started system", "detected system", "impact_started commander");
        assertThat(details(after, "KEY_TIME")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("impact started set to ").contains(" by commander: power alarm came before the first alert"));
    }

    @Test
    void refusedCorrectionsChangeNothing() {
        // given
        Api api = api();
        String key = api.declare("commander", "Storage latency");
        String path = "/api/incidents/" + key + "/key-times/";
        JsonNode before = api.incident("commander", key);
        String past = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        // when
        int byAgent = status(api.send("agent", HttpMethod.PUT, path + "impact_started",
                "{\"at\":\"" + past + "\",\"reason\":\"agent guesses\"}"));
        int byOnCall = status(api.send("oncall-1", HttpMethod.PUT, path + "impact_started",
                "{\"at\":\"" + past + "\",\"reason\":\"on-call guesses\"}"));
        ResponseEntity<String> future = api.send("commander", HttpMethod.PUT, path + "impact_started",
                "{\"at\":\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\",\"reason\":\"tomorrow\"}");
        ResponseEntity<String> unknownName = api.send("commander", HttpMethod.PUT, path + "lunch",
                "{\"at\":\"" + past + "\",\"reason\":\"hungry\"}");
        ResponseEntity<String> noReason = api.send("commander", HttpMethod.PUT, path + "impact_started",
                "{\"at\":\"" + past + "\",\"reason\":\"  \"}");
        ResponseEntity<String> notATime = api.send("commander", HttpMethod.PUT, path + "impact_started",
                "{\"at\":\"yesterday evening\",\"reason\":\"vague\"}");
        int unknownIncident = status(api.send("commander", HttpMethod.PUT, "/api/incidents/INC-1999-9999/key-times/detected",
                "{\"at\":\"" + past + "\",\"reason\":\"none\"}"));

        // then
        assertThat(byAgent).isEqualTo(403);
        assertThat(byOnCall).isEqualTo(403);
        assertThat(status(future)).isEqualTo(400);
        assertThat(api.json(future).path("detail").asText()).contains("is in the future");
        assertThat(status(unknownName)).isEqualTo(400);
        assertThat(api.json(unknownName).path("detail").asText()).startsWith("unknown key time 'lunch'");
        assertThat(status(noReason)).isEqualTo(400);
        assertThat(api.json(noReason).path("detail").asText()).contains("reason");
        assertThat(status(notATime)).isEqualTo(400);
        assertThat(unknownIncident).isEqualTo(404);
        JsonNode after = api.incident("commander", key);
        assertThat(after.path("keyTimes")).isEqualTo(before.path("keyTimes"));
        assertThat(after.path("keyTimeHistory")).isEqualTo(before.path("keyTimeHistory"));
        assertThat(after.path("timeline")).isEqualTo(before.path("timeline"));
    }

    @Test
    void anEntryIsPinnedAndUnpinnedButNotThroughAnotherIncident() {
        // given a note on one incident, and another incident
        Api api = api();
        String key = api.declare("commander", "Database failover");
        String other = api.declare("commander", "Unrelated printer fire");
        long note = api.json(api.send("agent", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\":\"The standby took 40 minutes to catch up\"}")).path("id").asLong();
        String pin = "/api/incidents/" + key + "/timeline/" + note + "/pin";

        // when the agent pins it
        ResponseEntity<String> pinned = api.send("agent", HttpMethod.PUT, pin, null);

        // then the entry and the incident's timeline say who pinned it
        assertThat(status(pinned)).as(pinned.getBody()).isEqualTo(200);
        assertThat(api.json(pinned).path("pinnedBy").asText()).isEqualTo("agent");
        assertThat(api.json(pinned).path("pinnedAt").asText()).isNotEmpty();
        assertThat(entry(api.incident("commander", key), note).path("pinnedBy").asText()).isEqualTo("agent");

        // when someone tries it through the other incident's key, or without the right group
        JsonNode before = api.incident("commander", key);
        int crossed = status(api.send("commander", HttpMethod.DELETE, "/api/incidents/" + other + "/timeline/" + note + "/pin", null));
        int byOnCall = status(api.send("oncall-1", HttpMethod.DELETE, pin, null));
        int missing = status(api.send("commander", HttpMethod.PUT, "/api/incidents/" + key + "/timeline/999999999/pin", null));

        // then nothing changed
        assertThat(crossed).isEqualTo(404);
        assertThat(byOnCall).isEqualTo(403);
        assertThat(missing).isEqualTo(404);
        assertThat(api.incident("commander", key).path("timeline")).isEqualTo(before.path("timeline"));

        // when the commander unpins it
        ResponseEntity<String> unpinned = api.send("commander", HttpMethod.DELETE, pin, null);

        // then
        assertThat(status(unpinned)).isEqualTo(200);
        assertThat(api.json(unpinned).has("pinnedBy")).isFalse();
        assertThat(entry(api.incident("commander", key), note).has("pinnedBy")).isFalse();
    }

    @Test
    void aCommanderLinksIncidentsBothWaysAndBadLinksChangeNothing() {
        // given
        Api api = api();
        String earlier = api.declare("commander", "Core switch reboot");
        String key = api.declare("commander", "Packet loss in ams9");
        String links = "/api/incidents/" + key + "/links";

        // when
        ResponseEntity<String> created = api.send("commander", HttpMethod.POST, links, "{\"kind\":\"related-to\","
                + "\"targetType\":\"incident\",\"target\":\"" + earlier + "\",\"note\":\"same switch\"}");
        ResponseEntity<String> vendor = api.send("commander", HttpMethod.POST, links, "{\"kind\":\"caused-by\","
                + "\"targetType\":\"vendor-change\",\"target\":\"NETCO-CHG-4711\"}");

        // then both incidents show the link, each from its own side
        assertThat(status(created)).as(created.getBody()).isEqualTo(201);
        assertThat(status(vendor)).as(vendor.getBody()).isEqualTo(201);
        JsonNode own = api.incident("agent", key);
        assertThat(own.path("links")).hasSize(2).anySatisfy(link -> {
            assertThat(link.path("kind").asText()).isEqualTo("related-to");
            assertThat(link.path("direction").asText()).isEqualTo("outgoing");
            assertThat(link.path("target").asText()).isEqualTo(earlier);
            assertThat(link.path("title").asText()).isEqualTo("Core switch reboot");
            assertThat(link.path("note").asText()).isEqualTo("same switch");
            assertThat(link.path("createdBy").asText()).isEqualTo("commander");
        }).anySatisfy(link -> {
            assertThat(link.path("targetType").asText()).isEqualTo("vendor-change");
            assertThat(link.path("target").asText()).isEqualTo("NETCO-CHG-4711");
        });
        assertThat(api.incident("agent", earlier).path("links")).singleElement().satisfies(link -> {
            assertThat(link.path("direction").asText()).isEqualTo("incoming");
            assertThat(link.path("target").asText()).isEqualTo(key);
            assertThat(link.path("title").asText()).isEqualTo("Packet loss in ams9");
        });

        // when links are refused
        JsonNode before = api.incident("commander", key);
        JsonNode earlierBefore = api.incident("commander", earlier);
        Map<String, Integer> refused = new LinkedHashMap<>();
        refused.put("duplicate", status(api.send("commander", HttpMethod.POST, links, "{\"kind\":\"related-to\","
                + "\"targetType\":\"incident\",\"target\":\"" + earlier + "\"}")));
        refused.put("self", status(api.send("commander", HttpMethod.POST, links, "{\"kind\":\"related-to\","
                + "\"targetType\":\"incident\",\"target\":\"" + key + "\"}")));
        refused.put("unknown incident", status(api.send("commander", HttpMethod.POST, links, "{\"kind\":\"recurrence-of\","
                + "\"targetType\":\"incident\",\"target\":\"INC-1999-9999\"}")));
        refused.put("unknown maintenance", status(api.send("commander", HttpMethod.POST, links, "{\"kind\":\"caused-by\","
                + "\"targetType\":\"maintenance\",\"target\":\"MNT-1999-9999\"}")));
        refused.put("bad kind", status(api.send("commander", HttpMethod.POST, links, "{\"kind\":\"blames\","
                + "\"targetType\":\"incident\",\"target\":\"" + earlier + "\"}")));
        refused.put("bad type", status(api.send("commander", HttpMethod.POST, links, "{\"kind\":\"caused-by\","
                + "\"targetType\":\"person\",\"target\":\"bob\"}")));
        refused.put("by agent", status(api.send("agent", HttpMethod.POST, links, "{\"kind\":\"caused-by\","
                + "\"targetType\":\"vendor-change\",\"target\":\"NETCO-CHG-1\"}")));
        long linkId = api.json(created).path("id").asLong();
        refused.put("delete by agent", status(api.send("agent", HttpMethod.DELETE, links + "/" + linkId, null)));
        refused.put("delete from the target", status(api.send("commander", HttpMethod.DELETE,
                "/api/incidents/" + earlier + "/links/" + linkId, null)));

        // then
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("duplicate", 409);
        List.of("self", "unknown incident", "unknown maintenance", "bad kind", "bad type").forEach(c -> expected.put(c, 400));
        expected.put("by agent", 403);
        expected.put("delete by agent", 403);
        expected.put("delete from the target", 404);
        assertThat(refused).containsExactlyEntriesOf(expected);
        assertThat(api.incident("commander", key).path("links")).isEqualTo(before.path("links"));
        assertThat(api.incident("commander", key).path("timeline")).isEqualTo(before.path("timeline"));
        assertThat(api.incident("commander", earlier).path("timeline")).isEqualTo(earlierBefore.path("timeline"));

        // when the commander removes the link
        ResponseEntity<String> removed = api.send("commander", HttpMethod.DELETE, links + "/" + linkId, null);

        // then neither incident shows it any more
        assertThat(status(removed)).isEqualTo(204);
        assertThat(api.incident("commander", key).path("links")).singleElement()
                .satisfies(link -> assertThat(link.path("targetType").asText()).isEqualTo("vendor-change"));
        assertThat(api.incident("commander", earlier).path("links")).isEmpty();
        assertThat(status(api.send("commander", HttpMethod.DELETE, links + "/" + linkId, null))).isEqualTo(404);
    }

    /** The agent sends the notice as drafted; a SEV1's notice also needs the commander's approval. */
    private static void sendNotice(Api api, String key) {
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "ApproveNotice"), Map.of("noticeApproval", "approve"));
    }

    /**
     * The incident once it is closed: it closes after the resolved notice, or, where a resolved incident is monitored
     * for hours first, the commander closes it early as soon as that is allowed.
     */
    private static JsonNode closed(Api api, String key) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode details = api.incident("commander", key);
            if ("monitoring".equals(details.path("incident").path("status").asText())) {
                api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/close", "{\"reason\": \"test over\"}");
                details = api.incident("commander", key);
            }
            return details;
        }, d -> "closed".equals(d.path("incident").path("status").asText()));
    }

    private static int status(ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }

    private static JsonNode entry(JsonNode details, long id) {
        for (JsonNode entry : details.path("timeline")) {
            if (entry.path("id").asLong() == id) {
                return entry;
            }
        }
        throw new AssertionError("no timeline entry " + id);
    }

    private static List<String> details(JsonNode incident, String kind) {
        List<String> lines = new ArrayList<>();
        incident.path("timeline").forEach(t -> {
            if (t.path("kind").asText().equals(kind)) {
                lines.add(t.path("detail").asText());
            }
        });
        return lines;
    }

    private static List<String> steps(JsonNode details) {
        List<String> steps = new ArrayList<>();
        details.path("timeline").forEach(t -> steps.add(t.path("step").asText("")));
        return steps;
    }

    /** An alert of the rack-outage rule from host {@code host} of the rack; each host is an alert of its own. */
    private ResponseEntity<String> alert(String rack, String host) {
        return RackAlerts.hostUnreachable(http, "record", "ams9", rack, host, "2026-11-23T23:45:01Z");
    }

    /** The rack's incident, other than {@code except}. */
    private static String incidentTitled(Api api, String rack, String except) {
        for (JsonNode incident : api.json(api.send("commander", HttpMethod.GET, "/api/incidents?limit=1000", null))) {
            if (incident.path("title").asText().equals("Hosts unreachable in ams9/" + rack)
                    && !incident.path("key").asText().equals(except)) {
                return incident.path("key").asText();
            }
        }
        return null;
    }
}
