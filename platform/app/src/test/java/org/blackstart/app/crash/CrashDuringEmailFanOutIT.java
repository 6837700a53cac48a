package org.blackstart.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.blackstart.testkit.LocalServers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A node dies like a power cut in the middle of a 10,000-recipient e-mail notice: some messages
 * sent and recorded, some sent and not yet recorded, a page claimed and not sent. After a restart
 * on the same database the task runs again and the notice is completed: every recipient has their
 * message, and the only ones who can have it twice are those whose message the server had
 * accepted but the ledger had not yet recorded when the power went (at most one batch of marks
 * per connection), and then as the identical message, with the same Message-ID.
 */
class CrashDuringEmailFanOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENT = "INC-2026-0042";
    private static final int RECIPIENTS = 10_000;
    private static final int HALT_AFTER_SENT = 4_300;
    /** Connections (2, the default) times the batch of marks (50), plus the message each had in flight. */
    private static final int MOST_UNRECORDED = 2 * 50 + 2;

    private final GreenMail mail = LocalServers.startedMailServer();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    void aPowerCutDuringAFanOutOfTenThousandLeavesEveryRecipientWithTheirMessage() throws Exception {
        Path workDir = Files.createTempDirectory("blackstart-fan-out-crash");
        String url = "jdbc:h2:file:" + workDir.resolve("db") + ";WRITE_DELAY=0";
        List<String> languages = List.of("en", "nl", "de", "fr");
        List<String> addresses = IntStream.range(0, RECIPIENTS).mapToObj("customer-%05d@customer.example"::formatted).toList();
        draftAudience(url, addresses, languages);
        List<String> arguments = List.of(
                "--spring.datasource.url=" + url,
                "--blackstart.demo.mail.enabled=false",
                "--blackstart.plugins.email.port=" + mail.getSmtp().getPort(),
                "--blackstart.plugins.email.claim-lease=10s",
                "--blackstart.bridge.poll-delay=100ms",
                "--blackstart.bridge.lock-duration=5s",
                "--blackstart.bridge.retry-backoff=1s",
                "--blackstart.test.fan-out-process=true");

        // given a node sending the notice, which loses power once 4,300 deliveries are recorded
        try (ChildApplication first = ChildApplication.start(workDir, "first", concat(concat(arguments,
                "--blackstart.test.halt-after-sent=" + HALT_AFTER_SENT), "--blackstart.test.fan-out-start=" + INCIDENT))) {
            awaitNoticeProcess(first);
            assertThat(first.awaitExit(Duration.ofSeconds(180))).as("halted by the test hook")
                    .isEqualTo(HaltAfterSentAutoConfiguration.HALT_STATUS);
        }

        // when it was cut: some recorded, a page claimed, and a few accepted by the server but not recorded
        JdbcTemplate afterCut = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        assertThat(count(afterCut, "SENT")).isBetween(HALT_AFTER_SENT, RECIPIENTS - 1);
        assertThat(count(afterCut, "CLAIMED")).as("claims the dead node held").isPositive();
        Set<String> unrecorded = new HashSet<>(afterCut.queryForList(
                "SELECT recipient FROM bs_delivery WHERE state <> 'SENT'", String.class));
        Set<String> acceptedButUnrecorded = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String recipient = message.getAllRecipients()[0].toString();
            if (unrecorded.contains(recipient)) {
                acceptedButUnrecorded.add(recipient);
            }
        }
        System.out.println("power cut: " + count(afterCut, "SENT") + " recorded as sent, " + count(afterCut, "CLAIMED")
                + " claimed, " + acceptedButUnrecorded.size() + " accepted by the server but not recorded");
        assertThat(acceptedButUnrecorded).hasSizeLessThanOrEqualTo(MOST_UNRECORDED);

        // then after a restart on the same database the notice is completed
        try (ChildApplication second = ChildApplication.start(workDir, "second", arguments)) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> finished(second));

            Map<String, List<String>> messageIds = new HashMap<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                messageIds.computeIfAbsent(message.getAllRecipients()[0].toString(), r -> new ArrayList<>())
                        .add(message.getMessageID());
            }
            assertThat(messageIds.keySet()).as("recipients with a message").hasSize(RECIPIENTS)
                    .containsExactlyInAnyOrderElementsOf(addresses);
            for (String address : addresses) {
                List<String> ids = messageIds.get(address);
                if (acceptedButUnrecorded.contains(address)) {
                    assertThat(ids).as("resent to %s, whose message was not recorded", address).hasSize(2)
                            .containsOnly(ids.get(0));
                } else {
                    assertThat(ids).as("messages to %s", address).hasSize(1);
                }
            }
        }
        // and the ledger (read once the node has stopped and let go of the file) has every delivery sent
        JdbcTemplate ledger = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        assertThat(count(ledger, "SENT")).isEqualTo(RECIPIENTS);
        assertThat(ledger.queryForObject("SELECT COUNT(*) FROM bs_delivery", Integer.class)).isEqualTo(RECIPIENTS);
    }

    /** What drafting the notice does: the audience fixed in bs_notice_recipient, in four languages. */
    private static void draftAudience(String url, List<String> addresses, List<String> languages) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).table("bs_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            rows.add(new Object[] {INCIDENT, "initial", "email", addresses.get(i), languages.get(i % languages.size()),
                    "c-" + i});
        }
        new JdbcTemplate(dataSource).batchUpdate("INSERT INTO bs_notice_recipient (incident_key, step, channel, address, "
                + "language, customer_id) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * The one-task process ({@link FanOutProcessAutoConfiguration}) with the notice's variables, as the notice
     * process has them: started inside the node, as the platform starts its notices; no user may start an
     * internal process, or set variables no form asks for, through the engine's REST API.
     */
    private void awaitNoticeProcess(ChildApplication app) throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> !get(app, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + INCIDENT).isEmpty());
    }

    private boolean finished(ChildApplication app) throws Exception {
        JsonNode incidents = get(app, "/engine-rest/incident?processDefinitionKey=" + FanOutProcessAutoConfiguration.KEY);
        assertThat(incidents).as("Camunda incidents; log:\n%s", app.tail()).isEmpty();
        return !get(app, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + INCIDENT + "&finished=true")
                .isEmpty();
    }

    private static int count(JdbcTemplate jdbc, String state) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bs_delivery WHERE state = ?", Integer.class, state);
    }

    private JsonNode get(ChildApplication app, String path) throws Exception {
        HttpResponse<String> response = client.send(request(app, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(ChildApplication app, String path) {
        String basic = Base64.getEncoder().encodeToString("commander:commander".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(60));
    }

    private static List<String> concat(List<String> list, String extra) {
        List<String> result = new ArrayList<>(list);
        result.add(extra);
        return result;
    }
}
