package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.blackstart.app.demo.DemoMailServer;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The storage vendor's story after the outage: StoreCo blames our configuration for weeks. Closing the
 * incident asks whether to keep StoreCo's case; kept, it still takes StoreCo's dispute and counts in its
 * figures. A reply the keywords missed ("the problem is in your configuration") is marked a dispute by a
 * commander and the dispute opens; an agent cannot do that. StoreCo asks permission to restart our
 * controllers; a refusal without a reason is refused, with one it goes back on the case as "Refused: ...".
 * A commander closes the kept case at last (here through the API; Tasklist also holds a task for it).
 */
class VendorCaseKeptIT extends PlatformIT {

    private static final String CONFIGURATION = "This is not a fault of our array. The problem is in your configuration.";

    @Autowired
    VendorInbox inbox;

    @Autowired
    DemoMailServer mail;

    private VendorSteps steps() {
        return new VendorSteps(http, api());
    }

    private JsonNode stats() {
        return api().json(api().send("commander", HttpMethod.GET, "/api/vendors/storeco/stats", null));
    }

    private JsonNode message(long id) {
        return api().json(api().send("commander", HttpMethod.GET, "/api/vendor-messages/" + id, null));
    }

    private long lastMessageOf(String key, String caseNumber) {
        JsonNode messages = steps().cases(key).get(0).path("messages");
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1).path("id").asLong();
    }

    /** An incident escalated to StoreCo whose case is open: its key and the case number. */
    private String[] escalatedToStoreco(String title) {
        VendorSteps steps = steps();
        String key = steps.triagedIncident(title, "SEV2");
        ResponseEntity<String> escalated = steps.escalate(key, "storeco", "Controller B of array A3 dropped offline.");
        assertThat(escalated.getStatusCode().value()).as(escalated.getBody()).isEqualTo(201);
        JsonNode opened = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> steps.cases(key), cases -> cases.size() == 1);
        return new String[] {key, opened.get(0).path("caseNumber").asText()};
    }

    @Test
    void aCaseKeptAfterTheIncidentClosesStillTakesTheVendorsDisputeAndCountsInItsFigures() {
        VendorSteps steps = steps();
        JsonNode before = stats();
        String[] escalation = escalatedToStoreco("Array A3 lost a controller, StoreCo blames us");
        String key = escalation[0];
        String caseNumber = escalation[1];

        // given StoreCo's answer, which the keywords took as an ordinary reply
        assertThat(inbox.receive(VendorSteps.storecoMail(caseNumber, Kind.REPLY, CONFIGURATION)))
                .isEqualTo(VendorInbox.Outcome.DELIVERED);
        long reply = lastMessageOf(key, caseNumber);
        assertThat(message(reply).path("kind").asText()).isEqualTo("REPLY");

        // when the incident closes, a commander keeping the case without saying why is refused, through the REST API too
        steps.closeKeepingCases(key);
        JsonNode question = api().awaitTask("commander", key, "KeepVendorCase");
        assertThat(question.path("name").asText()).isEqualTo("Keep StoreCo Storage Systems's case " + caseNumber
                + " open after " + key + " closes?");
        ResponseEntity<String> noReason = api().claimAndComplete("commander", question, Map.of("keepVendorCase", "keep"));
        assertThat(noReason.getStatusCode().value()).as(noReason.getBody()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("Say why");
        assertThat(api().task("commander", key, "KeepVendorCase").path("id").asText()).isEqualTo(question.path("id").asText());
        assertThat(steps.cases(key).get(0).path("keptAfterClose").asBoolean()).isFalse();

        // and then keeps it, saying why
        steps.decideKeep(key, "keep", "StoreCo still blames our configuration");
        JsonNode kept = steps.cases(key).get(0);
        assertThat(kept.path("state").asText()).isEqualTo("OPEN");
        assertThat(kept.path("keptAfterClose").asBoolean()).isTrue();
        assertThat(kept.path("keptBy").asText()).isEqualTo("commander");
        assertThat(steps.tasks(key, "CloseKeptCase")).as("the kept case stays on the commanders' task list").hasSize(1);
        steps.awaitVendorLine(key, "kept StoreCo Storage Systems's case " + caseNumber + " open after the incident closed");

        // then the vendor's dispute after the incident closed opens the dispute, and is on the timeline
        JsonNode dispute = steps.keptCaseTakesTheVendorsDispute(inbox, key, caseNumber,
                "Das ist nicht unser Fehler, das Problem liegt in Ihrer Konfiguration.");
        assertThat(dispute.path("name").asText()).contains("disputes the fault on " + key);

        // and the kept case counts in StoreCo's figures: one case more, still open, and its dispute
        JsonNode after = stats();
        assertThat(after.path("cases").asInt()).isGreaterThanOrEqualTo(before.path("cases").asInt() + 1);
        assertThat(after.path("openCases").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(after.path("disputes").asInt()).isGreaterThanOrEqualTo(before.path("disputes").asInt() + 1);

        // when an agent marks the earlier reply as a dispute, it is refused and nothing changes
        List<String> timelineBefore = steps.timeline(key);
        ResponseEntity<String> agent = api().send("agent", HttpMethod.POST, "/api/vendor-messages/" + reply + "/classification",
                "{\"classification\": \"dispute\"}");
        assertThat(agent.getStatusCode().value()).isEqualTo(403);
        assertThat(message(reply).path("kind").asText()).isEqualTo("REPLY");
        assertThat(steps.tasks(key, "GatherDisputeEvidence")).hasSize(1);
        assertThat(steps.timeline(key)).isEqualTo(timelineBefore);

        // when the commander marks it a dispute
        ResponseEntity<String> marked = api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + reply
                + "/classification", "{\"classification\": \"dispute\"}");

        // then its dispute opens too, and the timeline says who changed what
        assertThat(marked.getStatusCode().value()).as(marked.getBody()).isEqualTo(200);
        assertThat(api().json(marked).path("kind").asText()).isEqualTo("DISPUTE");
        assertThat(api().json(marked).path("classifiedFrom").asText()).isEqualTo("REPLY");
        assertThat(api().json(marked).path("classifiedBy").asText()).isEqualTo("commander");
        assertThat(steps.tasks(key, "GatherDisputeEvidence")).hasSize(2);
        steps.awaitVendorLine(key, "commander marked storeco's message " + reply + " on " + caseNumber
                + " as a dispute (was a reply)");
        assertThat(stats().path("disputes").asInt()).isGreaterThanOrEqualTo(before.path("disputes").asInt() + 2);

        // and marking it again is answered without a second dispute; another class, or a bad one, is refused
        ResponseEntity<String> again = api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + reply
                + "/classification", "{\"classification\": \"dispute\"}");
        ResponseEntity<String> other = api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + reply
                + "/classification", "{\"classification\": \"request\"}");
        ResponseEntity<String> bad = api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + reply
                + "/classification", "{\"classification\": \"complaint\"}");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(other.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(steps.tasks(key, "GatherDisputeEvidence")).hasSize(2);
        assertThat(steps.tasks(key, "AnswerVendorRequest")).isEmpty();
        assertThat(message(reply).path("kind").asText()).isEqualTo("DISPUTE");

        // when an agent tries to close the kept case, nothing changes; a commander closes it
        assertThat(api().send("agent", HttpMethod.POST, "/api/incidents/" + key + "/vendor-cases/" + caseNumber + "/close",
                "{\"reason\": \"done\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(steps.cases(key).get(0).path("state").asText()).isEqualTo("OPEN");
        assertThat(api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/vendor-cases/" + caseNumber + "/close",
                "{}").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> closing = api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/vendor-cases/"
                + caseNumber + "/close", "{\"reason\": \"StoreCo accepted the firmware bug\"}");
        assertThat(closing.getStatusCode().value()).as(closing.getBody()).isEqualTo(202);

        // then what was still open on the case ends, and the e-mail plugin closes it at StoreCo
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> steps.cases(key).get(0).path("state").asText(), "CLOSED"::equals);
        assertThat(steps.tasks(key, "GatherDisputeEvidence")).isEmpty();
        assertThat(steps.tasks(key, "CloseKeptCase")).isEmpty();
        assertThat(api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/vendor-cases/" + caseNumber + "/close",
                "{\"reason\": \"twice\"}").getStatusCode().value()).isEqualTo(409);
        assertThat(api().send("commander", HttpMethod.POST, "/api/vendor-messages/" + reply + "/classification",
                "{\"classification\": \"fix\"}").getStatusCode().value()).as("a closed case's message").isEqualTo(409);
    }

    @Test
    void aPermissionRequestIsRefusedOnlyWithAReasonWhichGoesBackOnTheCase() {
        VendorSteps steps = steps();
        String[] escalation = escalatedToStoreco("Array A3 degraded, StoreCo wants to restart it");
        String key = escalation[0];
        String caseNumber = escalation[1];

        // given StoreCo asks permission to restart our controllers
        assertThat(inbox.receive(VendorSteps.storecoMail(caseNumber, Kind.REQUEST,
                "May we restart both storage controllers tonight at 02:00?"))).isEqualTo(VendorInbox.Outcome.DELIVERED);
        JsonNode ask = api().awaitTask("commander", key, "AnswerVendorRequest");
        assertThat(ask.path("name").asText()).startsWith("StoreCo Storage Systems asks permission on " + key);
        List<String> timelineBefore = steps.timeline(key);

        // when the commander refuses without a reason through the engine's REST API, or answers without a yes or no
        ResponseEntity<String> noReason = api().claimAndComplete("commander", ask,
                Map.of("vendorDecision", "refuse", "vendorAnswer", "Not tonight."));
        ResponseEntity<String> noDecision = api().complete("commander", ask.path("id").asText(),
                Map.of("vendorAnswer", "Fine by us."));

        // then both are refused and nothing moved
        assertThat(noReason.getStatusCode().value()).as(noReason.getBody()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("Say why you refuse");
        assertThat(noDecision.getStatusCode().value()).as(noDecision.getBody()).isEqualTo(400);
        assertThat(api().task("commander", key, "AnswerVendorRequest").path("id").asText()).isEqualTo(ask.path("id").asText());
        assertThat(steps.timeline(key)).isEqualTo(timelineBefore);

        // when the commander refuses with a reason
        ResponseEntity<String> refused = api().complete("commander", ask.path("id").asText(), Map.of("vendorDecision", "refuse",
                "vendorDecisionReason", "month-end billing runs until 06:00", "vendorAnswer", "Please restart at 07:00 instead."));

        // then StoreCo reads the refusal and its reason on the case, and the timeline says who decided
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(204);
        steps.awaitVendorLine(key, "commander refused StoreCo Storage Systems's request on case " + caseNumber);
        steps.awaitVendorLine(key, "Answered StoreCo Storage Systems on case " + caseNumber + ": Refused: month-end billing");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> toStoreco(caseNumber).stream().anyMatch(text -> text.contains("Refused: month-end billing runs until 06:00")));
        steps.close(key);
    }

    private List<String> toStoreco(String caseNumber) {
        return mail.received().stream().filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(caseNumber)
                        && m.getAllRecipients()[0].toString().contains("support@storeco.example");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).map(VendorCaseKeptIT::text).toList();
    }

    private static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart parts) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < parts.getCount(); i++) {
                    text.append(parts.getBodyPart(i).getContent());
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
