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
import org.blackstart.spi.vendor.MailOrigin;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** What a commander does around a vendor escalation, over HTTP, shared by the vendor ITs. */
final class VendorSteps {

    private final TestRestTemplate http;
    private final Api api;

    VendorSteps(TestRestTemplate http, Api api) {
        this.http = http;
        this.api = api;
    }

    /** Declares and triages an incident, withholding its customer notice so nothing else is in the way. */
    String triagedIncident(String title, String severity) {
        String key = api.declare("commander", title);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", severity,
                "affectedServices", "mail", "customerImpact", "Mailboxes on the failed array are unreachable."));
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"),
                Map.of("noticeDecision", "withhold", "noticeWithholdReason", "vendor escalation test"));
        return key;
    }

    ResponseEntity<String> attach(String incidentKey, String vendor, String fileName, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("commander", "commander");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.exchange("/api/incidents/" + incidentKey + "/vendor-escalations/" + vendor + "/attachments",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    ResponseEntity<String> escalate(String incidentKey, String vendor, String text) {
        return api.send("commander", HttpMethod.POST, "/api/incidents/" + incidentKey + "/vendor-escalations",
                "{\"vendor\":\"" + vendor + "\",\"text\":\"" + text + "\"}");
    }

    /**
     * Mitigates and resolves, withholding the resolved notice, closes the incident, and answers each open
     * vendor case's "keep it open?" with close; returns once the incident is closed.
     */
    void close(String incidentKey) {
        closeKeepingCases(incidentKey);
        for (int open = openCases(incidentKey); open > 0; open--) {
            decideKeep(incidentKey, "close", null);
        }
    }

    /** As {@link #close}, leaving each open case's "keep it open?" task to the caller. */
    void closeKeepingCases(String incidentKey) {
        api.claimAndComplete("commander", api.awaitTask("commander", incidentKey, "Mitigate"),
                Map.of("mitigationSummary", "Traffic moved to the spare array"));
        api.claimAndComplete("commander", api.awaitTask("commander", incidentKey, "Resolve"),
                Map.of("resolutionSummary", "The vendor's firmware fix was applied."));
        api.claimAndComplete("agent", api.awaitTask("agent", incidentKey, "ReviewNotice"),
                Map.of("noticeDecision", "withhold", "noticeWithholdReason", "vendor escalation test"));
        api.closeEarly("commander", incidentKey, Duration.ofSeconds(30));
    }

    /** The commander's answer to one open case's "keep it open after the incident closes?" ({@code keep} or {@code close}). */
    ResponseEntity<String> decideKeep(String incidentKey, String keep, String reason) {
        Map<String, Object> answer = new java.util.HashMap<>();
        answer.put("keepVendorCase", keep);
        if (reason != null) {
            answer.put("keepVendorCaseReason", reason);
        }
        ResponseEntity<String> completed = api.claimAndComplete("commander",
                api.awaitTask("commander", incidentKey, "KeepVendorCase"), answer);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        return completed;
    }

    /**
     * Closes the incident and keeps its one open vendor case open after it, as a commander answers the
     * question closing asks; returns the case as the API shows it then (open, kept after close).
     */
    JsonNode closeKeepingTheCase(String incidentKey, String reason) {
        closeKeepingCases(incidentKey);
        decideKeep(incidentKey, "keep", reason);
        JsonNode kept = cases(incidentKey).get(0);
        assertThat(kept.path("state").asText()).isEqualTo("OPEN");
        assertThat(kept.path("keptAfterClose").asBoolean()).isTrue();
        return kept;
    }

    /**
     * The kept-case part of the mail-provider story: the vendor disputes the fault on a case kept open after
     * its incident closed, by e-mail, and the dispute is taken: a new "gather evidence" task and the vendor's
     * words on the incident's timeline. Returns the new dispute task.
     */
    JsonNode keptCaseTakesTheVendorsDispute(VendorInbox inbox, String incidentKey, String caseNumber, String text) {
        int before = tasks(incidentKey, "GatherDisputeEvidence").size();

        VendorInbox.Outcome outcome = inbox.receive(storecoMail(caseNumber, VendorMessage.Kind.DISPUTE, text));

        assertThat(outcome).isEqualTo(VendorInbox.Outcome.DELIVERED);
        JsonNode tasks = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> tasks(incidentKey, "GatherDisputeEvidence"), found -> found.size() == before + 1);
        awaitVendorLine(incidentKey, "disputes the fault on " + caseNumber);
        assertThat(api.incident("commander", incidentKey).path("incident").path("status").asText()).isEqualTo("closed");
        return tasks.get(before);
    }

    /** An e-mail of StoreCo's support on its case, as the vendor-mail plugin hands it to the inbox. */
    static VendorMessage storecoMail(String caseNumber, VendorMessage.Kind kind, String text) {
        return new VendorMessage(VendorMessage.EMAIL, "storeco", caseNumber, "<" + UUID.randomUUID() + "@storeco.example>",
                kind, "Sam Storage", "Re: [Case " + caseNumber + "]", text, null, Instant.now(), List.of(),
                new MailOrigin(List.of("support@storeco.example"), "pass"));
    }

    /** The open tasks of the incident's processes at {@code activityId}. */
    JsonNode tasks(String incidentKey, String activityId) {
        return api.json(api.send("commander", HttpMethod.GET, api.engine("/task?processInstanceBusinessKey=" + incidentKey
                + "&taskDefinitionKey=" + activityId), null));
    }

    private int openCases(String incidentKey) {
        int open = 0;
        for (JsonNode c : cases(incidentKey)) {
            if ("OPEN".equals(c.path("state").asText())) {
                open++;
            }
        }
        return open;
    }

    List<String> timeline(String incidentKey) {
        List<String> lines = new ArrayList<>();
        api.incident("commander", incidentKey).path("timeline")
                .forEach(e -> lines.add(e.path("kind").asText() + " " + e.path("detail").asText("")));
        return lines;
    }

    /** Waits for a VENDORS timeline line containing {@code text}. */
    String awaitVendorLine(String incidentKey, String text) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> timeline(incidentKey).stream().filter(l -> l.startsWith("VENDORS") && l.contains(text))
                        .findFirst().orElse(null), line -> line != null);
    }

    JsonNode cases(String incidentKey) {
        ResponseEntity<String> response = api.send("commander", HttpMethod.GET,
                "/api/incidents/" + incidentKey + "/vendor-cases", null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return api.json(response);
    }

    JsonNode parked() {
        return api.json(api.send("commander", HttpMethod.GET, "/api/vendor-messages?state=PARKED", null));
    }
}
