package org.blackstart.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as an operator runs it in production: on PostgreSQL (a real server, started by
 * the test kit), used over HTTP by an incident commander and a support agent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Its engine is named "default" too: while its context lived, Camunda's REST API and Tasklist of the
// shared PlatformIT context looked up this one instead. Runs in the own-context execution and closes.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresIncidentIT {

    private static final Pattern INCIDENT_KEY = Pattern.compile("INC-(\\d{4})-(\\d{4})");

    private final TestRestTemplate commander;
    private final TestRestTemplate agent;
    private final DataSource dataSource;

    @Autowired
    PostgresIncidentIT(TestRestTemplate rest, DataSource dataSource) {
        this.commander = rest.withBasicAuth("commander", "commander");
        this.agent = rest.withBasicAuth("agent", "agent");
        this.dataSource = dataSource;
    }

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        // Resolved once here: the registry may call its suppliers more than once.
        PostgresDatabase database = PostgresServer.shared().createDatabase();
        int smtpPort = LocalServers.freeLoopbackPort();
        int imapPort = LocalServers.freeLoopbackPort();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
        registry.add("blackstart.demo.mail.smtp-port", () -> smtpPort);
        registry.add("blackstart.demo.mail.imap-port", () -> imapPort);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
    }

    @Test
    void storesEverythingInPostgres() {
        // when
        String version = new JdbcTemplate(dataSource).queryForObject("SELECT version()", String.class);
        List<String> blackstartTables = new JdbcTemplate(dataSource).queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'bs\\_%' ORDER BY table_name",
                String.class);

        // then
        assertThat(version).startsWith("PostgreSQL");
        assertThat(blackstartTables).contains("bs_incident", "bs_incident_counter", "bs_timeline", "bs_delivery",
                "bs_process_start", "bs_customer", "bs_notice_recipient", "bs_status_update", "bs_notice_template",
                "bs_plugin_state", "bs_notice_outage").doesNotContain("bs_subscriber");
    }

    @Test
    void commanderDeclaresAndTriagesAnIncident() {
        // given
        String key = declare("Storage array failed");

        // when
        ResponseEntity<String> completed = triage(key);

        // then
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode details = incident(key);
        assertThat(details.path("incident").path("status").asText()).isEqualTo("triaged");
        assertThat(details.path("incident").path("severity").asText()).isEqualTo("SEV1");
        assertThat(details.path("incident").path("affectedServices").asText()).isEqualTo("mail");
        assertThat(details.path("incident").path("customerImpact").asText()).isEqualTo("Mail is down");
        assertThat(details.path("timeline")).anySatisfy(entry -> {
            assertThat(entry.path("kind").asText()).isEqualTo("STEP_COMPLETED");
            assertThat(entry.path("step").asText()).isEqualTo("Triage");
            assertThat(entry.path("actor").asText()).isEqualTo("commander");
        });
        // The bridge drafts the customer notice from the subscribers in PostgreSQL; support reviews it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(task(agent, key, "ReviewNotice")).isNotNull());
    }

    @Test
    void customersReceiveTheNoticeSupportApproves() {
        // given
        String key = declare("Mail platform unreachable");
        triage(key);
        JsonNode review = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> task(agent, key, "ReviewNotice"), task -> task != null);

        // when
        ResponseEntity<String> sent = agent.postForEntity("/engine-rest/task/{id}/complete",
                Map.of("variables", Map.of("noticeDecision", Map.of("value", "send"))), String.class,
                review.path("id").asText());

        // and the commander approves the SEV1 notice
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode approval = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> task(commander, key, "ApproveNotice"), task -> task != null);
        assertThat(commander.postForEntity("/engine-rest/task/{id}/complete",
                Map.of("variables", Map.of("noticeApproval", Map.of("value", "approve"))), String.class,
                approval.path("id").asText()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // then
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode details = incident(key);
            assertThat(details.path("deliveries")).filteredOn(d -> d.path("channel").asText().equals("email"))
                    .hasSize(5).allSatisfy(delivery -> assertThat(delivery.path("state").asText()).isEqualTo("SENT"));
            assertThat(details.path("timeline")).anySatisfy(entry ->
                    assertThat(entry.path("detail").asText()).isEqualTo("initial notice sent by e-mail to 5 of 5 recipients"));
        });
        ResponseEntity<JsonNode> mailbox = commander.getForEntity("/api/demo/mail", JsonNode.class);
        assertThat(mailbox.getBody()).anySatisfy(mail -> {
            assertThat(mail.path("to").asText()).contains("bob@customer.example");
            assertThat(mail.path("subject").asText()).isEqualTo("Storing: Mail platform unreachable (" + key + ")");
            assertThat(mail.path("text").asText()).contains(key);
        });
    }

    @Test
    void aRetriedDeclarationOpensOneIncident() {
        // given
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "pager-retry-7");
        HttpEntity<Map<String, String>> request = new HttpEntity<>(Map.of("title", "Session service down"), headers);

        // when
        ResponseEntity<JsonNode> first = commander.postForEntity("/api/incidents", request, JsonNode.class);
        ResponseEntity<JsonNode> retry = commander.postForEntity("/api/incidents", request, JsonNode.class);

        // then
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody().path("key").asText()).isEqualTo(first.getBody().path("key").asText());
    }

    @Test
    void numbersIncidentsConsecutively() {
        // when
        Matcher first = keyOf(declare("Rack A lost power"));
        Matcher second = keyOf(declare("Rack A lost power again"));

        // then
        assertThat(second.group(1)).isEqualTo(first.group(1));
        assertThat(Integer.parseInt(second.group(2))).isEqualTo(Integer.parseInt(first.group(2)) + 1);
    }

    private String declare(String title) {
        ResponseEntity<JsonNode> response = commander.postForEntity("/api/incidents",
                Map.of("title", title, "severity", "SEV1"), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = response.getBody().path("key").asText();
        assertThat(key).matches(INCIDENT_KEY);
        assertThat(response.getBody().path("title").asText()).isEqualTo(title);
        assertThat(response.getBody().path("status").asText()).isEqualTo("declared");
        return key;
    }

    private ResponseEntity<String> triage(String key) {
        JsonNode task = task(commander, key, "Triage");
        assertThat(task).as("the commander's triage task for " + key).isNotNull();
        return commander.postForEntity("/engine-rest/task/{id}/complete",
                Map.of("variables", Map.of(
                        "severity", Map.of("value", "SEV1"),
                        "affectedServices", Map.of("value", "mail"),
                        "customerImpact", Map.of("value", "Mail is down"))),
                String.class, task.path("id").asText());
    }

    private JsonNode incident(String key) {
        ResponseEntity<JsonNode> response = commander.getForEntity("/api/incidents/{key}", JsonNode.class, key);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static JsonNode task(TestRestTemplate user, String key, String activityId) {
        ResponseEntity<JsonNode> response = user.getForEntity("/engine-rest/task?processInstanceBusinessKey={key}",
                JsonNode.class, key);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(response.getBody().spliterator(), false)
                .filter(task -> activityId.equals(task.path("taskDefinitionKey").asText()))
                .findFirst().orElse(null);
    }

    private static Matcher keyOf(String key) {
        Matcher matcher = INCIDENT_KEY.matcher(key);
        assertThat(matcher.matches()).isTrue();
        return matcher;
    }
}
