package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.app.demo.DemoMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** A whole incident, as a commander and a support agent would run it, over HTTP. */
class IncidentLifecycleIT extends PlatformIT {

    @Autowired
    DemoMailServer mail;

    @Test
    void aDeclaredIncidentRunsToTheEndWithEveryNoticeSentOnceAndEveryStepOnTheTimeline() throws Exception {
        Api api = api();

        // given a commander declares an incident
        String key = api.declare("commander", "Mail delivery delayed");
        assertThat(key).matches("INC-\\d{4}-\\d{4,}");

        // when the commander triages it
        JsonNode triage = api.awaitTask("commander", key, "Triage");
        assertThat(triage.path("name").asText()).as("Tasklist names the incident").isEqualTo("Triage " + key + ": Mail delivery delayed");
        assertThat(api.claimAndComplete("commander", triage, Map.of("severity", "SEV2", "affectedServices", "mail",
                "customerImpact", "Incoming mail arrives up to an hour late.")).getStatusCode().value()).isEqualTo(204);

        // and the agent reviews the notice drafted for the demo customers of 'mail', in their languages
        JsonNode review = api.awaitTask("agent", key, "ReviewNotice");
        assertThat(review.path("name").asText()).isEqualTo("Review the initial notice " + key + ": Mail delivery delayed");
        JsonNode draft = api.json(api.send("agent", HttpMethod.GET, "/engine-rest/task/" + review.path("id").asText()
                + "/form-variables", null));
        assertThat(draft.path("notice_en_subject").path("value").asText()).isEqualTo("Disruption: Mail delivery delayed (" + key + ")");
        assertThat(draft.path("notice_nl_subject").path("value").asText()).isEqualTo("Storing: Mail delivery delayed (" + key + ")");
        assertThat(draft.path("notice_en_text").path("value").asText()).contains("Incoming mail arrives up to an hour late.");
        assertThat(draft.path("noticeHas_de").path("value").asBoolean()).isTrue();
        assertThat(draft.path("noticeCan_email").path("value").asBoolean()).isTrue();
        assertThat(draft.path("noticeCan_statuspage").path("value").asBoolean()).isTrue();
        api.claimAndComplete("agent", review, Map.of("noticeDecision", "send",
                "notice_en_text", draft.path("notice_en_text").path("value").asText() + "\nEdited by support."));

        // then every demo customer receives the notice once, in their language, and the status page shows it
        List<MimeMessage> initial = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailOf(key), messages -> messages.size() >= DEMO_CUSTOMERS.size());
        Map<String, String> subjects = subjectsByRecipient(initial);
        assertThat(subjects).containsAllEntriesOf(Map.of(
                "ann@customer.example", "Storing: Mail delivery delayed (" + key + ")",
                "carol@customer.example", "Disruption: Mail delivery delayed (" + key + ")",
                "dieter@customer.example", "Störung: Mail delivery delayed (" + key + ")",
                "elise@customer.example", "Incident : Mail delivery delayed (" + key + ")"));
        MimeMessage toCarol = initial.stream().filter(m -> address(m).equals("carol@customer.example")).findFirst().orElseThrow();
        assertThat(body(toCarol)).contains("Edited by support.");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.send("agent", HttpMethod.GET, "/status", null).getBody(),
                page -> page.contains("Mail delivery delayed"));
        List<String> texts = await().atMost(Duration.ofSeconds(30)).until(() -> demoSms(api, key), t -> t.size() == 2);
        assertThat(texts).as("the demo pager's SMS to the two customers who prefer SMS, in Dutch and German")
                .anySatisfy(t -> assertThat(t).contains("storing")).anySatisfy(t -> assertThat(t).contains("Störung"));
        JsonNode call = api.awaitTask("agent", key, "CallCustomer");
        assertThat(call.path("name").asText()).as("a key account").startsWith("Call ");

        // when the commander mitigates and resolves, and the agent sends the resolved notice
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Mitigate"),
                Map.of("mitigationSummary", "Mail rerouted through mx5"));
        api.claimAndComplete("commander", api.awaitTask("commander", key, "Resolve"),
                Map.of("resolutionSummary", "The failed disk in mx2 was replaced."));
        JsonNode resolvedReview = api.awaitTask("agent", key, "ReviewNotice");
        api.claimAndComplete("agent", resolvedReview, Map.of("noticeDecision", "send"));

        // then the incident is closed, every notice went out once, and the timeline tells the story
        JsonNode incident = api.closeEarly("commander", key, Duration.ofSeconds(30));
        // status page subscribers left by other tests in this shared context get the notice too; count customers only
        List<MimeMessage> all = mailOf(key).stream().filter(m -> DEMO_CUSTOMERS.contains(address(m))).toList();
        assertThat(all).as("one initial and one resolved notice per demo customer").hasSize(2 * DEMO_CUSTOMERS.size());
        assertThat(mailOf(key).stream().map(m -> address(m) + " " + subject(m)).distinct().count())
                .as("no recipient got the same notice twice").isEqualTo(mailOf(key).size());
        assertThat(all).filteredOn(m -> subject(m).startsWith("Resolved: ")).extracting(IncidentLifecycleIT::address)
                .contains("carol@customer.example");
        assertThat(all).filteredOn(m -> subject(m).startsWith("Opgelost: ")).extracting(IncidentLifecycleIT::address)
                .contains("ann@customer.example", "bob@customer.example");
        assertThat(incident.path("incident").path("severity").asText()).isEqualTo("SEV2");
        assertThat(incident.path("incident").path("affectedServices").asText()).isEqualTo("mail");

        List<String> timeline = new ArrayList<>();
        incident.path("timeline").forEach(e -> timeline.add(e.path("kind").asText() + " " + e.path("step").asText("")
                + " " + e.path("actor").asText("")));
        assertThat(timeline).containsSubsequence(
                "INCIDENT_DECLARED  commander",
                "STEP_STARTED Triage system",
                "STEP_COMPLETED Triage commander",
                "NOTICES DraftNotice notice.draft",
                "STEP_COMPLETED ReviewNotice agent",
                "NOTICES PublishOnChannel notice.email",
                "STEP_COMPLETED Resolve commander",
                "STEP_COMPLETED IncidentClosed system",
                "INCIDENT_CLOSED  system");
        List<String> details = new ArrayList<>();
        incident.path("timeline").forEach(e -> details.add(e.path("detail").asText("")));
        assertThat(details).as("every recipient reached, the demo customers among them")
                .anyMatch(d -> d.matches("initial notice sent by e-mail to (\\d+) of \\1\\b(?s).*")
                        && Integer.parseInt(d.replaceAll("(?s)\\D*(\\d+).*", "$1").trim()) >= DEMO_CUSTOMERS.size());
        assertThat(details).anyMatch(d -> d.startsWith("initial notice published on the status page"));
        assertThat(details).anyMatch(d -> d.startsWith("resolved notice sent by e-mail to "));
        assertThat(timeline).filteredOn(e -> e.startsWith("NOTICE_DELIVERED")).as("no line per recipient").isEmpty();
        List<String> stepNames = new ArrayList<>();
        incident.path("timeline").forEach(e -> stepNames.add(e.path("stepName").asText("")));
        assertThat(stepNames).contains("Triage: Mail delivery delayed", "Review the resolved notice: Mail delivery delayed",
                "Tell customers");
        assertThat(incident.path("deliveries")).hasSizeGreaterThanOrEqualTo(2 * initial.size())
                .allSatisfy(d -> assertThat(d.path("state").asText()).isEqualTo("SENT"));
    }

    @Test
    void anAgentCannotCompleteTheCommandersTriage() {
        Api api = api();
        String key = api.declare("commander", "Webmail login fails");
        JsonNode triage = api.awaitTask("commander", key, "Triage");

        ResponseEntity<String> attempt = api.complete("agent", triage.path("id").asText(), Map.of("severity", "SEV4"));

        assertThat(attempt.getStatusCode().value()).isEqualTo(403);
        assertThat(api.task("agent", key, "Triage")).as("the agent does not even see it").isNull();
        assertThat(api.task("commander", key, "Triage")).as("the triage is still open").isNotNull();
        assertThat(api.incident("commander", key).path("incident").path("status").asText()).isEqualTo("declared");
    }

    @Test
    void anIncidentStartedFromTasklistGetsItsKeyToo() {
        Api api = api();

        ResponseEntity<String> started = api.send("commander", HttpMethod.POST,
                "/engine-rest/process-definition/key/major-incident/start",
                "{\"variables\":{\"title\":{\"value\":\"Declared in Tasklist\"}}}");

        assertThat(started.getStatusCode().value()).isEqualTo(200);
        String key = api.json(started).path("businessKey").asText();
        assertThat(key).matches("INC-\\d{4}-\\d{4,}");
        JsonNode incident = api.incident("agent", key).path("incident");
        assertThat(incident.path("title").asText()).isEqualTo("Declared in Tasklist");
        assertThat(incident.path("declaredBy").asText()).isEqualTo("commander");
    }

    private static final List<String> DEMO_CUSTOMERS = List.of("ann@customer.example", "bob@customer.example",
            "carol@customer.example", "dieter@customer.example", "elise@customer.example");

    private static List<String> demoSms(Api api, String incidentKey) {
        List<String> texts = new ArrayList<>();
        api.json(api.send("agent", HttpMethod.GET, "/api/demo/pages", null)).forEach(page -> {
            if ("notice-sms".equals(page.path("channel").asText()) && incidentKey.equals(page.path("incident").asText())) {
                texts.add(page.path("text").asText());
            }
        });
        return texts;
    }

    private static Map<String, String> subjectsByRecipient(List<MimeMessage> messages) {
        Map<String, String> subjects = new java.util.HashMap<>();
        messages.forEach(m -> subjects.put(address(m), subject(m)));
        return subjects;
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) throws Exception {
        jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) message.getContent();
        return (String) alternative.getBodyPart(0).getContent();
    }

    private List<MimeMessage> mailOf(String incidentKey) throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage message : mail.received()) {
            if (incidentKey.equals(message.getHeader("X-Blackstart-Incident", null))) {
                result.add(message);
            }
        }
        return result;
    }
}
