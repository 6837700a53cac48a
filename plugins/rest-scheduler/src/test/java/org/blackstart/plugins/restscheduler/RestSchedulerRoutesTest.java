package org.blackstart.plugins.restscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.DeferredJob;
import org.blackstart.spi.DeferredJobs;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.TaskRun;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both topics through the real bridge against a scheduler simulated from the published API. */
class RestSchedulerRoutesTest {

    private static final String TOKEN = "c2NoZWR1bGVyLXRva2Vu";
    private static final String INCIDENT = "INC-2026-0040";

    private final WireMockServer scheduler = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private RestSchedulerProperties properties;
    private SchedulerApi api;
    private BridgeHarness harness;

    @BeforeEach
    void start() {
        scheduler.start();
        properties = new RestSchedulerProperties(true, URI.create(scheduler.baseUrl() + "/api"), TOKEN,
                Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMillis(300), null);
        api = new SchedulerApi(properties, Clock.systemUTC());
        harness = new BridgeHarness().start(new RestSchedulerRoutes(new SchedulerJobs(ledger, properties, api)));
    }

    @AfterEach
    void stop() {
        harness.close();
        scheduler.stop();
    }

    private static Map<String, Object> execution(String jobId, String decision) {
        return Map.of("jobId", jobId, "jobName", "Weekly offers", "jobCustomerId", "rotterdam-flowers", "jobDecision", decision);
    }

    private static String key(String jobId) {
        return new DeliveryKey(INCIDENT, "deferred-work", "scheduler", jobId).id();
    }

    @Test
    void listsThePendingJobsOfTheWindowWithTheToken() {
        // given
        scheduler.stubFor(get(urlPathEqualTo("/api/jobs")).willReturn(okJson("""
                {"jobs": [
                  {"id": "mail-1", "name": "Weekly offers", "customerId": "rotterdam-flowers", "dueAt": "2026-12-08T02:00:00Z",
                   "selectionKind": "static", "selection": "All contacts in Rotterdam", "recipients": 1200},
                  {"id": "mail-2", "name": "Follow-up", "customerId": "app-builders", "dueAt": "2026-12-08T03:30:00Z",
                   "selectionKind": "time-bound", "selection": "Clicked a link in the last 2 hours", "recipients": 40}]}
                """)));

        // when
        TaskRun run = harness.run(Topics.JOBS_DEFERRED_LIST, INCIDENT,
                Map.of("outageFrom", "2026-12-08T01:00:00Z", "outageTo", "2026-12-08T06:00:00Z"));

        // then
        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        List<DeferredJob> jobs = DeferredJobs.decode((byte[]) run.variables().get(DeferredJobs.Results.JOBS));
        assertThat(jobs).extracting(DeferredJob::id).containsExactly("mail-1", "mail-2");
        assertThat(jobs.get(1).selectionKind()).isEqualTo(DeferredJob.TIME_BOUND);
        assertThat(jobs.get(0).dueAt()).isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(run.variables()).containsEntry(DeferredJobs.Results.COUNT, 2);
        scheduler.verify(getRequestedFor(urlPathEqualTo("/api/jobs"))
                .withQueryParam("dueFrom", equalTo("2026-12-08T01:00:00Z"))
                .withQueryParam("dueTo", equalTo("2026-12-08T06:00:00Z"))
                .withQueryParam("status", equalTo("pending"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void runsAJobOnceWithTheLedgerKeyAsIdempotencyKey() {
        scheduler.stubFor(post(urlPathEqualTo("/api/jobs/mail-1/run"))
                .willReturn(okJson("{\"id\": \"mail-1\", \"status\": \"running\", \"reference\": \"run-77\"}")));

        TaskRun run = harness.run(Topics.JOBS_DEFERRED_EXECUTE, INCIDENT, execution("mail-1", "run"));
        TaskRun again = harness.run(Topics.JOBS_DEFERRED_EXECUTE, INCIDENT, execution("mail-1", "run"));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(run.variables()).containsEntry(DeferredJobs.Results.OUTCOME, "run")
                .containsEntry(DeferredJobs.Results.REFERENCE, "run-77");
        assertThat(again.variables()).containsEntry(DeferredJobs.Results.OUTCOME, "done-before")
                .containsEntry(DeferredJobs.Results.REFERENCE, "run-77");
        scheduler.verify(1, postRequestedFor(urlPathEqualTo("/api/jobs/mail-1/run"))
                .withHeader("Idempotency-Key", equalTo(key("mail-1")))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void cancelsAJob() {
        scheduler.stubFor(post(urlPathEqualTo("/api/jobs/mail-3/cancel"))
                .willReturn(okJson("{\"id\": \"mail-3\", \"status\": \"cancelled\", \"reference\": \"cancel-3\"}")));

        TaskRun run = harness.run(Topics.JOBS_DEFERRED_EXECUTE, INCIDENT, execution("mail-3", "cancel"));

        assertThat(run.variables()).containsEntry(DeferredJobs.Results.OUTCOME, "cancelled");
        scheduler.verify(1, postRequestedFor(urlPathEqualTo("/api/jobs/mail-3/cancel"))
                .withHeader("Idempotency-Key", equalTo(key("mail-3"))));
        scheduler.verify(0, postRequestedFor(urlPathEqualTo("/api/jobs/mail-3/run")));
    }

    @Test
    void aResendAfterACrashCarriesTheSameIdempotencyKey() {
        scheduler.stubFor(post(urlPathEqualTo("/api/jobs/mail-1/run"))
                .willReturn(okJson("{\"id\": \"mail-1\", \"status\": \"running\", \"reference\": \"run-77\"}")));
        harness.run(Topics.JOBS_DEFERRED_EXECUTE, INCIDENT, execution("mail-1", "run"));
        // the worker died between the scheduler's answer and the ledger's mark
        ledger.clear();

        harness.run(Topics.JOBS_DEFERRED_EXECUTE, INCIDENT, execution("mail-1", "run"));

        assertThat(scheduler.findAll(postRequestedFor(urlPathEqualTo("/api/jobs/mail-1/run"))))
                .hasSize(2).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key("mail-1"));
    }

    @Test
    void anUnknownJobEndsTheTaskAsRefusedAndIsNotTriedAgain() {
        scheduler.stubFor(post(urlPathEqualTo("/api/jobs/gone/run"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\": \"no job gone\"}")));

        TaskRun run = harness.run(Topics.JOBS_DEFERRED_EXECUTE, INCIDENT, execution("gone", "run"));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(SchedulerJobs.JOB_REFUSED);
        assertThat(ledger.refused()).hasSize(1);
    }

    @Test
    void aSchedulerThatIsDownIsTriedAgainLaterWithTheSameKey() {
        scheduler.stubFor(post(urlPathEqualTo("/api/jobs/mail-1/run")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        scheduler.stubFor(post(urlPathEqualTo("/api/jobs/mail-1/run")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(okJson("{\"reference\": \"run-78\"}")));

        TaskRun run = harness.run(Topics.JOBS_DEFERRED_EXECUTE, INCIDENT, execution("mail-1", "run"));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(run.variables()).containsEntry(DeferredJobs.Results.REFERENCE, "run-78");
        assertThat(scheduler.findAll(postRequestedFor(urlPathEqualTo("/api/jobs/mail-1/run"))))
                .hasSize(2).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key("mail-1"));
    }

    @Test
    void aRefusedTokenWaitsWithoutRunningAndNeverShowsTheToken() {
        scheduler.stubFor(post(urlPathEqualTo("/api/jobs/mail-1/run")).willReturn(aResponse().withStatus(401)));
        String process = harness.deployTaskProcess(Topics.JOBS_DEFERRED_EXECUTE);

        harness.engine().getRuntimeService().startProcessInstanceByKey(process, INCIDENT, Map.copyOf(execution("mail-1", "run")));

        ExternalTask waiting = await().atMost(Duration.ofSeconds(10)).until(() -> harness.engine().getExternalTaskService()
                .createExternalTaskQuery().singleResult(), t -> t != null && t.getErrorMessage() != null);
        assertThat(waiting.getErrorMessage()).startsWith("waiting:").contains("401")
                .contains("blackstart.plugins.rest-scheduler.token").doesNotContain(TOKEN);
        assertThat(waiting.getRetries()).isPositive();
        assertThat(ledger.sent()).isEmpty();
        assertThat(api.lastFailure()).isNotNull();
    }

    @Test
    void theDescriptorServesBothTopicsAndTheTokenIsMasked() {
        RestSchedulerPlugin plugin = new RestSchedulerPlugin(properties, api);

        assertThat(plugin.descriptor().topics()).containsExactlyInAnyOrder(Topics.JOBS_DEFERRED_LIST, Topics.JOBS_DEFERRED_EXECUTE);
        assertThat(plugin.descriptor().dependsOn()).containsExactly(URI.create(scheduler.baseUrl()).getHost());
        assertThat(properties.toString()).doesNotContain(TOKEN);
    }
}
