package org.blackstart.plugins.x;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.blackstart.testkit.InMemoryPluginState;
import org.blackstart.testkit.TaskRun;
import org.blackstart.testkit.x.XApiSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code notice.x} through the real bridge against the simulated X API. */
class XNoticeRoutesTest {

    private static final String POST = "Mail delivery is delayed since 09:10. We are on it. https://status.hosting.example/incidents/INC-2026-0042";

    private final XApiSimulation x = XApiSimulation.start();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryPluginState state = new InMemoryPluginState();
    private BridgeHarness harness;

    private BridgeHarness harness(XProperties properties, BridgeSettings settings) {
        XApi api = SimulatedX.api(properties, state);
        harness = (settings == null ? new BridgeHarness() : new BridgeHarness(settings))
                .start(new RoutesBuilder[] {SimulatedX.routes(properties, api, ledger)});
        return harness;
    }

    private BridgeHarness harness(XProperties properties) {
        return harness(properties, null);
    }

    private static Map<String, Object> notice(String step, String text) {
        return Map.of(CustomerNotice.Variables.STEP, step, CustomerNotice.Variables.post("x"), text);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        x.close();
    }

    @Test
    void postsTheNoticeAndCompletesWithThePostUrl() {
        TaskRun run = harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(x.published()).containsExactly(POST);
        assertThat(x.requests(XApiSimulation.TWEETS).get(0).getHeader("Content-Type")).startsWith("application/json");
        assertThat(run.variables().get(CustomerNotice.Results.REFERENCE).toString())
                .matches("https://x\\.com/" + SimulatedX.ACCOUNT + "/status/\\d+");
        assertThat(run.variables()).containsEntry(CustomerNotice.Results.SENT, 1)
                .containsEntry(CustomerNotice.Results.ALREADY_SENT, 0);
        DeliveryKey key = new DeliveryKey("INC-2026-0042", "initial", "x", "@" + SimulatedX.ACCOUNT);
        assertThat(ledger.entry(key).remoteReference()).isEqualTo(run.variables().get(CustomerNotice.Results.REFERENCE));
    }

    @Test
    void aConfidentialClientRefreshesWithBasicAuthAndKeepsTheRotatedTokens() {
        harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        var refresh = x.requests(XApiSimulation.TOKEN).get(0);
        assertThat(refresh.getHeader("Authorization")).startsWith("Basic ");
        assertThat(refresh.getBodyAsString()).contains("grant_type=refresh_token").doesNotContain("client_id");
        assertThat(state.get("x", OAuth2Tokens.REFRESH_TOKEN)).contains(x.currentRefreshToken());
        assertThat(x.currentRefreshToken()).isNotEqualTo(XApiSimulation.FIRST_REFRESH_TOKEN);
    }

    @Test
    void aPublicClientNamesItselfInTheForm() {
        TaskRun run = harness(SimulatedX.oauth2(x, null, XApiSimulation.FIRST_REFRESH_TOKEN))
                .run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        var refresh = x.requests(XApiSimulation.TOKEN).get(0);
        assertThat(refresh.containsHeader("Authorization")).isFalse();
        assertThat(refresh.getBodyAsString()).contains("client_id=" + XApiSimulation.CLIENT_ID);
    }

    @Test
    void afterARestartTheStoredRotatedTokenIsUsedBecauseTheConfiguredOneIsSpent() {
        harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));
        harness.close();
        x.expireAccessToken();

        // A new node or a restart: new plugin objects, same database, same configuration.
        TaskRun run = harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("update-2", POST + " Update."));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(x.published()).hasSize(2);
        assertThat(x.statuses(XApiSimulation.TOKEN)).containsExactly(200, 200);
    }

    @Test
    void anExpiredAccessTokenIsRenewedOnceAndThePostRetried() {
        harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));
        x.expireAccessToken();

        TaskRun run = harness.run(Topics.NOTICE_X, "INC-2026-0042", notice("update-2", POST + " Update."));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(x.statuses(XApiSimulation.TWEETS)).containsExactly(201, 401, 201);
        assertThat(x.statuses(XApiSimulation.TOKEN)).containsExactly(200, 200);
    }

    @Test
    void aSpentRefreshTokenIsAnIncidentThatSaysWhatToDoWithoutShowingTheToken() {
        x.expireAccessToken();
        // The configured token was used elsewhere (another installation): X has rotated it away.
        harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0001", notice("initial", "first"));
        state.clear();
        ledger.clear();

        TaskRun run = harness.run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("invalid_request").contains("blackstart.plugins.x.refresh-token")
                .doesNotContain(XApiSimulation.FIRST_REFRESH_TOKEN).doesNotContain(XApiSimulation.CLIENT_SECRET);
        assertThat(x.published()).containsExactly("first");
    }

    @Test
    void oauth1PostsAreSignedAsXChecksThem() {
        TaskRun run = harness(SimulatedX.oauth1(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(x.published()).containsExactly(POST);
        assertThat(x.requests(XApiSimulation.TWEETS).get(0).getHeader("Authorization")).startsWith("OAuth ")
                .doesNotContain(XApiSimulation.CONSUMER_SECRET).doesNotContain(XApiSimulation.ACCESS_TOKEN_SECRET);
        assertThat(x.requests(XApiSimulation.TOKEN)).isEmpty();
    }

    @Test
    void aWrongOauth1SecretIsRefusedAndBecomesAnIncident() {
        XProperties good = SimulatedX.oauth1(x);
        XProperties wrong = new XProperties(true, good.account(), good.auth(), good.apiBaseUrl(), null, null, null,
                good.consumerKey(), "not-the-consumer-secret", good.accessToken(), good.accessTokenSecret(),
                good.requestTimeout(), good.claimLease(), 3, good.dependsOn());

        TaskRun run = harness(wrong).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("401").doesNotContain("not-the-consumer-secret");
        assertThat(x.published()).isEmpty();
    }

    @Test
    void aDuplicateRefusalAfterACrashCountsAsPostedAndPostsNothingNew() {
        harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));
        // The worker crashed between X's 201 and the ledger's mark: the ledger knows nothing of the post.
        ledger.clear();

        TaskRun run = harness.run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(x.statuses(XApiSimulation.TWEETS)).containsExactly(201, 403);
        assertThat(x.published()).containsExactly(POST);
        assertThat(run.variables()).containsEntry(CustomerNotice.Results.SENT, 0)
                .containsEntry(CustomerNotice.Results.ALREADY_SENT, 1);
        DeliveryKey key = new DeliveryKey("INC-2026-0042", "initial", "x", "@" + SimulatedX.ACCOUNT);
        assertThat(ledger.entry(key).state()).isEqualTo(InMemoryDeliveryLedger.State.SENT);
        assertThat(ledger.entry(key).remoteReference()).isEqualTo(XPosts.ALREADY_POSTED);
    }

    @Test
    void theSameStepAgainSendsNothing() {
        harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        TaskRun again = harness.run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(again.variables()).containsEntry(CustomerNotice.Results.ALREADY_SENT, 1);
        assertThat(x.requests(XApiSimulation.TWEETS)).hasSize(1);
    }

    @Test
    void aRateLimitWaitsForTheResetWithoutUsingUpARetryAndThenPosts() {
        x.rateLimitNextPost(Instant.now().plusSeconds(2));
        long started = System.nanoTime();

        // No retries at all: a 429 that used one up would open an incident.
        TaskRun run = harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).as(run.incidentMessage()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(x.statuses(XApiSimulation.TWEETS)).containsExactly(429, 201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(x.published()).containsExactly(POST);
    }

    @Test
    void anXThatStaysDownEndsTheTaskAsChannelUnavailableAtTheConfiguredAttempt() {
        x.breakDown();
        BridgeSettings threeRetries = new BridgeSettings(BridgeHarness.WORKER_ID, Duration.ofSeconds(30),
                Duration.ofMillis(20), 10, 3, List.of(Duration.ZERO));

        TaskRun run = harness(SimulatedX.oauth2(x), threeRetries).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", POST));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(ChannelUnavailable.ERROR_CODE);
        // Attempts 1 and 2 fail and are retried; attempt 3 gives up on X.
        assertThat(x.requests(XApiSimulation.TOKEN)).hasSize(3);
        assertThat(ledger.sent()).isEmpty();
    }

    @Test
    void aPostLongerThanXAllowsIsRefusedBeforeAnythingIsSent() {
        TaskRun run = harness(SimulatedX.oauth2(x)).run(Topics.NOTICE_X, "INC-2026-0042", notice("initial", "x".repeat(281)));

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo(XPosts.NOTICE_REFUSED);
        assertThat(x.requests(XApiSimulation.TWEETS)).isEmpty();
    }

    @Test
    void secretsNeverShowInTheConfiguration() {
        assertThat(SimulatedX.oauth2(x).toString()).doesNotContain(XApiSimulation.CLIENT_SECRET)
                .doesNotContain(XApiSimulation.FIRST_REFRESH_TOKEN);
        assertThat(SimulatedX.oauth1(x).toString()).doesNotContain(XApiSimulation.CONSUMER_SECRET)
                .doesNotContain(XApiSimulation.ACCESS_TOKEN).doesNotContain(XApiSimulation.ACCESS_TOKEN_SECRET);
    }
}
