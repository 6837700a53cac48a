package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.blackstart.app.demo.DemoMailServer;
import org.blackstart.app.security.Groups;
import org.blackstart.testkit.browser.HeadlessChromium;
import org.blackstart.testkit.browser.Screenshots;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The datacenter night from our stories, end to end, with its clock times: the alarm at 23:45 as a storm of
 * unreachable hosts in one rack, the cause known at 00:00 (the UPS failover failed), the servers back at 00:45, the
 * databases at 08:00, resolved. Then the fire is out: the incident closes, its postmortem is drafted from what was
 * recorded, written, reviewed by a second commander, told to every affected customer once in their language, and
 * published on the status page; an action item opened in the team's Jira closes when its issue is finished there.
 */
class DatacenterNightIT extends PlatformIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The demo customers of the mail service, and the subject of the report in each one's language. */
    private static final Map<String, String> REPORT_SUBJECTS = Map.of(
            "ann@customer.example", "Storingsrapport: ",
            "bob@customer.example", "Storingsrapport: ",
            "carol@customer.example", "Incident report: ",
            "dieter@customer.example", "Störungsbericht: ",
            "elise@customer.example", "Rapport d'incident : ");
    private static final String CUSTOMER_SUMMARY = "At 23:45 a power failure in our datacenter stopped "
            + "mail for all customers; servers were back at 00:45 and every database at 08:00.";
    private static final String CUSTOMER_CHANGES = "We replace the UPS transfer switches and test the failover under "
            + "full load every month.";
    private static final String TRIGGER = "The utility feed failed and the UPS failover of the rack did not take over.";
    private static final String FACTORS = "The transfer switch had not been tested under load since its firmware update.";

    @Autowired
    DemoMailServer mail;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    /** The second commander who reviews the postmortem; the demo users may already hold one. */
    @BeforeEach
    void secondCommander() {
        if (identity.createUserQuery().userId("commander-2").count() == 0) {
            User user = identity.newUser("commander-2");
            user.setFirstName("Robin");
            user.setLastName("Reviewer");
            user.setPassword("commander-2");
            user.setEmail("commander-2@blackstart.local");
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId("commander-2").memberOfGroup(Groups.INCIDENT_COMMANDERS).count() == 0) {
            identity.createMembership("commander-2", Groups.INCIDENT_COMMANDERS);
        }
    }

    @Test
    void theDatacenterNightFromAlarmToPublishedReport() throws Exception {
        Api api = api();
        String rack = "r" + UUID.randomUUID().toString().substring(0, 6);

        // 23:45 the alarm: the hosts of one rack stop answering, one incident opens for the storm
        for (int host = 1; host <= 12; host++) {
            assertThat(alert(rack, "host" + host).getStatusCode().value()).isEqualTo(202);
        }
        String title = "Hosts unreachable in fra2/" + rack;
        String key = await().atMost(Duration.ofSeconds(30)).until(() -> api.incidentTitled(title), k -> k != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.incident("commander", key).path("pages").size(), n -> n > 0);
        assertThat(api.send("oncall-1", HttpMethod.POST, "/api/incidents/" + key + "/acknowledge", "{}")
                .getStatusCode().value()).isEqualTo(200);
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Triage"), Map.of("severity", "SEV1",
                "affectedServices", "mail", "customerImpact", "No mail in or out for any customer."));
        sendNotice(api, key);

        // 00:00 cause known; 00:45 servers back; 08:00 databases back: the commander's notes, pinned for the postmortem
        long cause = note(api, key, "00:00 cause known: UPS failover failed");
        long servers = note(api, key, "00:45 servers back on utility power");
        long unpinned = note(api, key, "01:30 coffee for the night shift");
        long databases = note(api, key, "08:00 databases back in sync");
        for (long entry : List.of(cause, servers, databases)) {
            assertThat(api.send("agent", HttpMethod.PUT, "/api/incidents/" + key + "/timeline/" + entry + "/pin", null)
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }
        assertThat(unpinned).isPositive();
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"),
                Map.of("mitigationSummary", "Servers back at 00:45 on utility power.", "mitigationNotice", "none"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"),
                Map.of("resolutionSummary", "Every database back in sync at 08:00."));
        sendNotice(api, key);
        close(api, key);

        // the story's clock times, as the commander corrects the key times the steps set while the test ran; the night
        // is two days ago, so every time is in the past whenever the test runs
        LocalDate evening = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        LocalDate morning = evening.plusDays(1);
        keyTime(api, key, "impact_started", evening + "T23:45:00Z");
        keyTime(api, key, "detected", evening + "T23:45:00Z");
        keyTime(api, key, "acknowledged", evening + "T23:52:00Z");
        keyTime(api, key, "mitigated", morning + "T00:45:00Z");
        keyTime(api, key, "resolved", morning + "T08:00:00Z");

        // then the closed SEV1 has a postmortem, drafted with the night's durations and the pinned entries in order
        JsonNode write = api.awaitTask("commander", key, "WritePostmortem");
        JsonNode draft = postmortem(api, key);
        assertThat(draft.path("status").asText()).isEqualTo("draft");
        Map<String, Long> minutes = new HashMap<>();
        draft.path("facts").path("durations").forEach(d -> minutes.put(d.path("name").asText(),
                d.path("minutes").isNull() ? null : d.path("minutes").asLong()));
        assertThat(minutes).containsEntry("time_to_detect", 0L).containsEntry("time_to_acknowledge", 7L)
                .as("mitigated at 00:45: 1 h").containsEntry("time_to_mitigate", 60L)
                .as("resolved at 08:00: 8 h 15 min").containsEntry("time_to_resolve", 495L);
        List<String> pinned = new ArrayList<>();
        draft.path("facts").path("pinned").forEach(p -> pinned.add(p.path("detail").asText()));
        assertThat(pinned).containsExactly("00:00 cause known: UPS failover failed", "00:45 servers back on utility power",
                "08:00 databases back in sync");
        String markdown = api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/postmortem.md", null).getBody();
        assertThat(markdown).contains("8 h 15 min").containsSubsequence("00:00 cause known", "00:45 servers back",
                "08:00 databases back").doesNotContain("coffee");

        // when the commander writes it, commander-2 approves it, the agent and the commander send the customer report
        api.claimAndComplete("commander", write, written());
        JsonNode review = api.awaitTask("commander-2", key, "ReviewPostmortem");
        assertThat(api.complete("commander-2", review.path("id").asText(), Map.of("postmortemVerdict", "approve"))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode reportReview = await().atMost(Duration.ofSeconds(30)).until(() -> api.task("agent", key, "ReviewNotice"),
                t -> t != null && t.path("name").asText().startsWith("Review the postmortem notice"));
        api.claimAndComplete("agent", reportReview, Map.of("noticeDecision", "send"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "ApproveNotice"), Map.of("noticeApproval", "approve"));
        await().atMost(Duration.ofSeconds(30)).until(() -> postmortem(api, key).path("status").asText(), "published"::equals);

        // then the report reaches each affected customer once, in their language
        List<MimeMessage> reports = await().atMost(Duration.ofSeconds(30)).until(() -> reportsTo(key),
                r -> r.size() >= REPORT_SUBJECTS.size());
        Map<String, List<String>> subjects = new HashMap<>();
        for (MimeMessage report : reports) {
            subjects.computeIfAbsent(address(report), a -> new ArrayList<>()).add(report.getSubject());
        }
        REPORT_SUBJECTS.forEach((customer, prefix) -> assertThat(subjects.get(customer)).as(customer)
                .containsExactly(prefix + title + " (" + key + ")"));

        // and the status page links it from the incident's page and its history, and serves it without a login
        String event = http.getForObject("/status/incidents/" + key, String.class);
        assertThat(event).contains("href=\"/status/incidents/" + key + "/report\">Read the incident report");
        assertThat(http.getForObject("/status/history", String.class)).contains("/status/incidents/" + key + "/report");
        ResponseEntity<String> publicReport = http.getForEntity("/status/incidents/" + key + "/report", String.class);
        assertThat(publicReport.getStatusCode().value()).isEqualTo(200);
        assertThat(publicReport.getBody()).contains(CUSTOMER_SUMMARY, CUSTOMER_CHANGES, evening + " 23:45 UTC",
                morning + " 08:00 UTC", "8 h 15 min").doesNotContain(TRIGGER, FACTORS, "commander-2", "oncall-1");

        // and the whole postmortem exports as PDF with the night's durations
        String pdf = pdfText(api, key);
        assertThat(pdf).contains("Postmortem " + key, "8 h 15 min", "00:00 cause known: UPS failover failed", FACTORS);

        // and an action item opened in the team's Jira is closed when its issue is finished there
        ResponseEntity<String> created = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/actions",
                "{\"title\": \"Test the UPS failover of every rack under load\", \"owner\": \"oncall-1\", "
                        + "\"kind\": \"prevent\"}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(api.json(created).path("dueOn").asText()).as("SEV1: due in 15 days")
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(15).toString());
        long item = api.json(created).path("id").asLong();
        String ticket = await().atMost(Duration.ofSeconds(30)).until(() -> actionItem(api, key, item).path("ticketKey").asText(),
                t -> !t.isEmpty());
        JiraServiceDeskSimulation.Issue issue = TEAM_JIRA.issue(ticket);
        assertThat(issue.summary()).isEqualTo("[" + key + "] Test the UPS failover of every rack under load");
        TEAM_JIRA.teamMemberFinishes(ticket);
        String finished = JiraServiceDeskSimulation.issueFinished(issue, "71" + item, "To Do");
        HttpHeaders signed = new HttpHeaders();
        signed.setContentType(MediaType.APPLICATION_JSON);
        signed.set("X-Hub-Signature", JiraServiceDeskSimulation.sign(JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET, finished));
        assertThat(http.exchange("/api/vendor-webhooks/jira/actions", HttpMethod.POST, new HttpEntity<>(finished, signed),
                String.class).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> actionItem(api, key, item).path("status").asText(), "done"::equals);
        assertThat(actionItem(api, key, item).path("closedBy").asText()).isEqualTo(JiraServiceDeskSimulation.TEAM_MEMBER);

        // and what a customer sees of it, in a browser
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.resize(1000, 900);
            assertThat(browser.navigate("http://127.0.0.1:" + port + "/status/incidents/" + key + "/report")).isEqualTo(200);
            browser.waitFor("document.body.innerText.includes('What we are changing')", Duration.ofSeconds(10));
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("public-incident-report.png"));
            assertThat(browser.text()).contains(title, "Impact started", CUSTOMER_SUMMARY, CUSTOMER_CHANGES);
            Screenshots.assertShowsAWindow(screenshot, 1000, 900);
        }
    }

    /** The commander closes the monitoring incident once the resolved notice is out (409 until then). */
    private static void close(Api api, String key) {
        List<String> answers = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                ResponseEntity<String> closed = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/close",
                        "{\"reason\":\"the databases are in sync; nothing more to watch\"}");
                answers.add(closed.getStatusCode().value() + " " + closed.getBody());
                return closed.getStatusCode().value();
            }, status -> status == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not closed: " + answers.subList(Math.max(0, answers.size() - 3), answers.size()), e);
        }
    }

    private static JsonNode actionItem(Api api, String key, long id) {
        for (JsonNode item : api.json(api.send("commander", HttpMethod.GET, "/api/actions?incident=" + key, null))) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no action item " + id + " in " + key);
    }

    private Map<String, Object> written() {
        Map<String, Object> sections = new HashMap<>();
        sections.put("summary", "Every server of the rack lost power at 23:45; the databases needed until 08:00.");
        sections.put("trigger", TRIGGER);
        sections.put("contributingFactors", FACTORS);
        sections.put("wentWell", "The alarm paged the on-call engineer within minutes.");
        sections.put("wentWrong", "Resyncing the databases took seven hours.");
        sections.put("gotLucky", "The night was quiet for most customers.");
        sections.put("customerSummary", CUSTOMER_SUMMARY);
        sections.put("customerChanges", CUSTOMER_CHANGES);
        sections.put("reviewer", "commander-2");
        sections.put("meetingAt", LocalDate.now(ZoneOffset.UTC).plusDays(2) + "T10:00Z");
        return sections;
    }

    /** The agent sends the drafted notice and the commander approves it, as a SEV1's notices need. */
    private static void sendNotice(Api api, String key) {
        api.claimAndComplete("agent", api.awaitTask("agent", key, "ReviewNotice"), Map.of("noticeDecision", "send"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "ApproveNotice"), Map.of("noticeApproval", "approve"));
    }

    private static long note(Api api, String key, String text) {
        ResponseEntity<String> note = api.send("commander", HttpMethod.POST, "/api/incidents/" + key + "/notes",
                "{\"text\":\"" + text + "\"}");
        assertThat(note.getStatusCode().is2xxSuccessful()).as(note.getBody()).isTrue();
        return api.json(note).path("id").asLong();
    }

    private static void keyTime(Api api, String key, String name, String at) {
        ResponseEntity<String> set = api.send("commander", HttpMethod.PUT, "/api/incidents/" + key + "/key-times/" + name,
                "{\"at\":\"" + at + "\",\"reason\":\"the night's log\"}");
        assertThat(set.getStatusCode().is2xxSuccessful()).as(set.getBody()).isTrue();
    }

    private static JsonNode postmortem(Api api, String key) {
        return api.json(api.send("commander", HttpMethod.GET, "/api/incidents/" + key + "/postmortem", null));
    }

    private String pdfText(Api api, String key) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("agent", "agent");
        ResponseEntity<byte[]> pdf = http.exchange("/api/incidents/" + key + "/postmortem.pdf", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The report mails of the incident to the demo customers; status page subscribers of other tests are left out. */
    private List<MimeMessage> reportsTo(String key) throws MessagingException {
        List<MimeMessage> reports = new ArrayList<>();
        for (MimeMessage message : mail.received()) {
            if (key.equals(message.getHeader("X-Blackstart-Incident", null)) && REPORT_SUBJECTS.containsKey(address(message))
                    && message.getSubject().startsWith(REPORT_SUBJECTS.get(address(message)))) {
                reports.add(message);
            }
        }
        return reports;
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> alert(String rack, String host) {
        return RackAlerts.hostUnreachable(http, "night", "fra2", rack, host, "2026-12-07T23:45:00Z");
    }

}
