package org.blackstart.plugins.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.bridge.BridgeSettings;
import org.blackstart.spi.ChannelUnavailable;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.mastodon.MastodonApiSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code notice.mastodon} through the real bridge against the simulated Mastodon instance. */
class MastodonNoticeRoutesTest {

    private static final String POST = "Storungen beim Mailversand seit 09:10. Wir arbeiten daran. https://status.hosting.example";

    private final MastodonApiSimulation mastodon = MastodonApiSimulation.start();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private BridgeHarness harness;

    private BridgeHarness harness(MastodonProperties properties, BridgeSettings settings) {
        MastodonApi api = new MastodonApi(properties, Clock.systemUTC());
        harness = (settings == null ? new BridgeHarness() : new BridgeHarness(settings))
                .start(new RoutesBuilder[] {SimulatedMastodon.routes(properties, api, ledger)});
        return harness;
    }

    private BridgeHarness harness() {
        return harness(SimulatedMastodon.properties(mastodon), null);
    }

    private static Map<String, Object> notice(String step, String text) {
        return Map.of(CustomerNotice.Variables.STEP, step, CustomerNotice.Variables.LANGUAGE, "de-DE",
                CustomerNotice.Variables.post("mastodon"), text);
    }

    private DeliveryKey key(String step) {
        return new DeliveryKey("INC-2026-0042", step, "mastodon", mastodon.baseUrl().getHost() + ":" + mastodon.baseUrl().getPort());
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        mastodon.close();
    }

    @Test
    void postsWithTheDeliveryKeyAsIdempotencyKeyAndCompletesWithTheStatusUrl() {
        TaskRun run = harness().run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(mastodon.statuses()).containsExactly(POST);
        var request = mastodon.requests().get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key("initial").id());
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + MastodonApiSimulation.ACCESS_TOKEN);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Json.read(request.getBodyAsString(), Map.class);
        assertThat(body).containsEntry("visibility", "public").containsEntry("language", "de");
        assertThat(run.variables().get(CustomerNotice.Results.REFERENCE).toString())
                .matches("http://127\\.0\\.0\\.1:\\d+/@status/\\d+");
        assertThat(run.variables()).containsEntry(CustomerNotice.Results.SENT, 1);
        assertThat(ledger.entry(key("initial")).remoteReference()).isEqualTo(run.variables().get(CustomerNotice.Results.REFERENCE));
    }

    @Test
    void aResendAfterACrashGetsTheSameStatusNotASecondOne() {
        TaskRun first = harness().run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));
        // The worker died between the instance's 200 and the ledger's mark.
        ledger.clear();

        TaskRun again = harness.run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));

        assertThat(again.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(mastodon.requests()).hasSize(2);
        assertThat(mastodon.statuses()).containsExactly(POST);
        assertThat(again.variables().get(CustomerNotice.Results.REFERENCE))
                .isEqualTo(first.variables().get(CustomerNotice.Results.REFERENCE));
    }

    @Test
    void theSameStepAgainSendsNothing() {
        harness().run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));

        TaskRun again = harness.run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));

        assertThat(again.variables()).containsEntry(CustomerNotice.Results.ALREADY_SENT, 1)
                .containsEntry(CustomerNotice.Results.SENT, 0);
        assertThat(mastodon.requests()).hasSize(1);
    }

    @Test
    void aStatusTheInstanceRefusesEndsTheTaskAsNoticeRefused() {
        TaskRun run = harness().run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", "x".repeat(501)));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(MastodonPosts.NOTICE_REFUSED);
        assertThat(mastodon.answers()).containsExactly(422);
        assertThat(ledger.entry(key("initial")).state()).isEqualTo(InMemoryDeliveryLedger.State.RELEASED);
    }

    @Test
    void aRateLimitWaitsForTheResetWithoutUsingUpARetryAndThenPosts() {
        mastodon.rateLimitNextPost(Instant.now().plusSeconds(2));
        long started = System.nanoTime();

        TaskRun run = harness().run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(mastodon.answers()).containsExactly(429, 200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRevokedTokenIsACockpitIncidentThatNeverShowsTheToken() {
        mastodon.revokeToken();

        TaskRun run = harness().run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("401").contains("The access token is invalid")
                .contains("blackstart.plugins.mastodon.access-token")
                .doesNotContain(MastodonApiSimulation.ACCESS_TOKEN);
        assertThat(mastodon.statuses()).isEmpty();
    }

    @Test
    void anInstanceThatStaysDownEndsTheTaskAsChannelUnavailableAtTheConfiguredAttempt() {
        mastodon.breakDown();
        BridgeSettings threeRetries = new BridgeSettings(BridgeHarness.WORKER_ID, Duration.ofSeconds(30),
                Duration.ofMillis(20), 10, 3, List.of(Duration.ZERO));

        TaskRun run = harness(SimulatedMastodon.properties(mastodon), threeRetries)
                .run(Topics.NOTICE_MASTODON, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(ChannelUnavailable.ERROR_CODE);
        assertThat(mastodon.answers()).containsExactly(502, 502, 502);
        assertThat(ledger.sent()).isEmpty();
    }

    @Test
    void theDescriptorDependsOnTheInstanceAndTheTokenIsMasked() {
        MastodonProperties properties = SimulatedMastodon.properties(mastodon);

        assertThat(new MastodonPlugin(properties, new MastodonApi(properties, Clock.systemUTC())).descriptor().dependsOn())
                .containsExactly("127.0.0.1");
        assertThat(properties.toString()).doesNotContain(MastodonApiSimulation.ACCESS_TOKEN);
    }
}
