package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The datacenter story's delayed mailings: 40 jobs the demo scheduler held back during the night, the decision
 * table's proposals (25 run, 10 ask, 5 cancel), the commander's approval, ten calls whose answers decide, and every
 * job run or cancelled exactly once, also when the scheduler's answer is lost after it acted.
 */
class DeferredWorkIT extends PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private Environment environment;

    private final HttpClient client = HttpClient.newHttpClient();

    private JsonNode scheduler(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getRequiredProperty("blackstart.demo.scheduler.port") + path))
                .header("Authorization", "Bearer demo-scheduler-token")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return JSON.readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private ResponseEntity<String> startReview(String user, String key, Instant from, Instant to) {
        return api().send(user, HttpMethod.POST, "/api/incidents/" + key + "/deferred-work",
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
    }

    private List<String> timeline(String key, String kind) {
        List<String> lines = new ArrayList<>();
        api().incident("commander", key).path("timeline").forEach(entry -> {
            if (kind.equals(entry.path("kind").asText())) {
                lines.add(entry.path("detail").asText());
            }
        });
        return lines;
    }

    private JsonNode tasks(String user, String key, String activity) {
        return api().json(api().send(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + key
                + "&taskDefinitionKey=" + activity, null));
    }

    private long reviews(String key) {
        return api().json(api().send("admin", HttpMethod.GET, "/engine-rest/process-instance?businessKey=" + key
                + "&processDefinitionKey=deferred-work", null)).size();
    }

    @Test
    void fortyDelayedMailingsAreProposedApprovedDecidedAndEachRunOrCancelledOnce() throws Exception {
        // given the night's incident, and its outage window of the last 31 hours
        String key = api().declare("commander", "Datacenter power loss: mailings held back");
        Instant to = Instant.now();

        // when a commander asks for the review
        ResponseEntity<String> started = startReview("commander", key, to.minus(Duration.ofHours(31)), to);

        // then the decision table proposes 25 run, 10 ask, 5 cancel, and a commander reviews them
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        JsonNode review = api().awaitTask("commander", key, "ReviewDelayedJobs");
        assertThat(review.path("name").asText()).isEqualTo("Review 40 delayed jobs for " + key);
        assertThat(timeline(key, "DEFERRED_WORK")).anyMatch(line -> line.startsWith("Found 40 jobs the outage delayed (due "))
                .contains("Proposed for 40 delayed jobs: 25 run now, 10 ask the customer, 5 cancel (more than 24 h late)");

        // and the review's text, as Tasklist shows it, names every job with its proposal
        String shown = reviewText(review);
        for (int n = 1; n <= 40; n++) {
            assertThat(shown).contains(String.format(" · mail-%04d · ", n));
        }
        assertThat(shown).contains("- **run** · mail-0001 · Weekly offers Rotterdam · rotterdam-flowers · static: All contacts in Rotterdam")
                .contains("- **ask** · mail-0026 · Follow-up to clickers 1 · ")
                .contains("- **cancel** · mail-0036 · Night digest Rotterdam · ")
                .doesNotContain("more (see Cockpit)");

        // and an agent cannot approve, nor can changes naming an unknown job or decision: nothing changes
        int linesBefore = timeline(key, "DEFERRED_WORK").size();
        assertThat(api().claimAndComplete("agent", review, Map.of()).getStatusCode().is4xxClientError()).isTrue();
        ResponseEntity<String> typo = api().claimAndComplete("commander", review,
                Map.of("deferredOverrides", "mail-0001=cancel, mail-9999=run, mail-0002=later"));
        assertThat(typo.getStatusCode().value()).as(typo.getBody()).isEqualTo(400);
        assertThat(typo.getBody()).contains("mail-9999", "is not a job of this review", "'later' is not run, ask or cancel");
        assertThat(api().task("commander", key, "ReviewDelayedJobs").path("id").asText()).isEqualTo(review.path("id").asText());
        assertThat(timeline(key, "DEFERRED_WORK")).hasSize(linesBefore);
        assertThat(scheduler("GET", "/jobs/mail-0001").path("status").asText()).isEqualTo("pending");

        // when the commander approves the proposals as they are
        ResponseEntity<String> approved = api().complete("commander", review.path("id").asText(), Map.of());
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(204);

        // then the ten time-bound mailings become calls to their customers, and nothing runs before they answer
        JsonNode calls = await().atMost(Duration.ofSeconds(30)).until(() -> tasks("agent", key, "CallAboutDelayedWork"),
                list -> list.size() == 10);
        assertThat(scheduler("GET", "/jobs/mail-0001").path("status").asText()).isEqualTo("pending");
        assertThat(calls.get(0).path("name").asText()).startsWith("Call ").contains("about delayed Follow-up to clickers");

        JsonNode first = calls.get(0);
        // and a call that reached the customer cannot end without their decision
        ResponseEntity<String> undecided = api().claimAndComplete("agent", first, Map.of("callOutcome", "reached-in-person"));
        assertThat(undecided.getStatusCode().value()).as(undecided.getBody()).isEqualTo(400);
        assertThat(undecided.getBody()).contains("record their decision");
        assertThat(tasks("agent", key, "CallAboutDelayedWork")).hasSize(10);

        // when six customers want their mailing now, three cancel it and one cannot be reached,
        // and the scheduler's answers to the first two executions are lost after it acted
        scheduler("POST", "/demo/lose-next-answers?count=2");
        for (int i = 0; i < calls.size(); i++) {
            Map<String, Object> answer = i < 6 ? Map.of("callOutcome", "reached-in-person", "callDecision", "run")
                    : i < 9 ? Map.of("callOutcome", "reached", "callDecision", "cancel", "callNote", "not after 10 hours")
                    : Map.of("callOutcome", "no-answer");
            ResponseEntity<String> done = api().claimAndComplete("agent", calls.get(i), answer);
            assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        }

        // then every job is run or cancelled exactly once: 25 + 6 run, 5 + 3 + 1 cancelled
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> timeline(key, "DEFERRED_WORK"), lines -> lines.contains("Every delayed job decided: 31 run, 9 cancelled"));
        int runs = 0;
        int cancels = 0;
        int repeated = 0;
        for (int n = 1; n <= 40; n++) {
            JsonNode job = scheduler("GET", String.format("/jobs/mail-%04d", n));
            assertThat(job.path("runs").asInt() + job.path("cancels").asInt()).as(job.toString()).isEqualTo(1);
            runs += job.path("runs").asInt();
            cancels += job.path("cancels").asInt();
            repeated += job.path("requests").asInt() > 1 ? 1 : 0;
        }
        assertThat(runs).isEqualTo(31);
        assertThat(cancels).isEqualTo(9);
        assertThat(repeated).as("the two lost answers were asked again, with the same key, and not acted on twice").isEqualTo(2);

        // and all of it is on the timeline
        List<String> lines = timeline(key, "DEFERRED_WORK");
        assertThat(lines).contains("Approved for 40 delayed jobs: 25 run, 10 ask the customer, 5 cancel, as proposed");
        assertThat(lines.stream().filter(l -> l.startsWith("Called ") && l.contains("the customer decided: run"))).hasSize(6);
        assertThat(lines.stream().filter(l -> l.startsWith("Called ") && l.contains("the customer decided: cancel"))).hasSize(3);
        assertThat(lines.stream().filter(l -> l.startsWith("Called ") && l.contains(": no-answer"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("Ran delayed job "))).hasSize(31);
        assertThat(lines.stream().filter(l -> l.startsWith("Cancelled delayed job "))).hasSize(9);
        assertThat(lines).anyMatch(l -> l.contains("as the customer could not be reached"));
    }

    private String reviewText(JsonNode task) {
        String id = task.path("id").asText();
        StringBuilder text = new StringBuilder();
        for (String name : List.of("deferredReview", "deferredReviewMore")) {
            text.append(api().json(api().send("commander", HttpMethod.GET, "/engine-rest/task/" + id + "/variables/" + name, null))
                    .path("value").asText());
        }
        return text.toString();
    }

    @Test
    void anAgentCannotStartAReviewNorCanAWindowThatMakesNoSense() {
        // given
        String key = api().declare("commander", "Mail scheduler outage");
        Instant now = Instant.now();
        int linesBefore = api().incident("commander", key).path("timeline").size();

        // when
        ResponseEntity<String> byAgent = startReview("agent", key, now.minus(Duration.ofHours(5)), now);
        ResponseEntity<String> backwards = startReview("commander", key, now, now.minus(Duration.ofHours(5)));
        ResponseEntity<String> future = startReview("commander", key, now, now.plus(Duration.ofHours(5)));
        ResponseEntity<String> unknown = startReview("commander", "INC-1999-9999", now.minus(Duration.ofHours(5)), now);

        // then
        assertThat(byAgent.getStatusCode().value()).isEqualTo(403);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody()).contains("must end after it starts");
        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(reviews(key)).isZero();
        assertThat(api().incident("commander", key).path("timeline").size()).isEqualTo(linesBefore);
    }
}
