package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.blackstart.app.demo.DemoMailServer;
import org.blackstart.app.statuspage.StatusSubscribers;
import org.blackstart.spi.NoticeRecipient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class StatusPageIT extends PlatformIT {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    DemoMailServer mail;
    @Autowired
    StatusSubscribers subscribers;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
    }

    private ResponseEntity<String> postForm(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    /** A process with one notice.statuspage task, as the customer-notice process has it. */
    private String publish(String key, Map<String, Object> variables) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("statuspage-it").count() == 0) {
            repository.createDeployment().addModelInstance("statuspage-it.bpmn", Bpmn.createExecutableProcess("statuspage-it")
                    .camundaHistoryTimeToLive(1).startEvent().serviceTask("Publish").camundaExternalTask("notice.statuspage")
                    .endEvent().done()).deploy();
        }
        String id = runtime.startProcessInstanceByKey("statuspage-it", key, variables).getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .finished().count() == 1);
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("noticeReference")
                .singleResult().getValue();
    }

    @Test
    void aStatusPageNoticeShowsOnThePageInTheFeedAndOnItsOwnPage() {
        String reference = publish("INC-2026-9001", Map.of("title", "Mail delivery delayed", "severity", "SEV1",
                "affectedServices", "mail", "noticeStep", "initial", "noticePhase", "investigating",
                "notice_statuspage", "We are investigating delayed <mail> & will update within 30 minutes."));

        assertThat(reference).endsWith("/status/incidents/INC-2026-9001");
        ResponseEntity<String> page = get("/status");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("Major outage", "Mail delivery delayed",
                "We are investigating delayed &lt;mail&gt; &amp; will update within 30 minutes.",
                "href=\"/status/incidents/INC-2026-9001\"");
        assertThat(page.getBody()).doesNotContain("<mail>");
        assertThat(get("/status/incidents/INC-2026-9001").getBody()).contains("Investigating", "Mail delivery delayed");

        ResponseEntity<String> feed = get("/status/feed.atom");
        assertThat(feed.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
        assertThat(feed.getBody()).contains("<id>urn:blackstart:status:INC-2026-9001:initial</id>",
                "<title>Investigating: Mail delivery delayed</title>");

        JsonNode summary = api().json(get("/status/summary.json"));
        assertThat(summary.path("status").path("state").asText()).isEqualTo("major-outage");
        assertThat(summary.path("components").findValuesAsText("state")).contains("major-outage");

        // resolved: the component is operational again, the incident stays in the history
        publish("INC-2026-9001", Map.of("title", "Mail delivery delayed", "severity", "SEV1", "affectedServices", "mail",
                "noticeStep", "resolved", "noticePhase", "resolved", "notice_statuspage", "Mail flows normally again."));
        assertThat(api().json(get("/status/summary.json")).path("incidents").findValuesAsText("key"))
                .as("other ITs of the shared context may keep their own incidents open").doesNotContain("INC-2026-9001");
        assertThat(get("/status/history").getBody()).contains("Mail delivery delayed");
        assertThat(get("/status/feed.atom").getBody()).contains("urn:blackstart:status:INC-2026-9001:resolved");
    }

    @Test
    void anUnknownIncidentIsA404Page() {
        ResponseEntity<String> page = get("/status/incidents/INC-1999-0001");

        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getBody()).contains("There is no incident or maintenance INC-1999-0001");
    }

    @Test
    void subscribeConfirmAndUnsubscribeWithOneClick() throws Exception {
        String address = "reader-" + System.nanoTime() + "@example.org";

        ResponseEntity<String> subscribed = postForm("/status/subscribe", "email=" + address + "&components=mail");
        assertThat(subscribed.getStatusCode().value()).isEqualTo(200);
        assertThat(subscribed.getBody()).contains("Check your inbox");
        // a second request for the same address does not duplicate it
        postForm("/status/subscribe", "email=" + address.toUpperCase() + "&components=mail");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_status_subscription WHERE email = ?", Long.class, address))
                .isEqualTo(1);
        assertThat(audience("mail")).doesNotContain(address);

        String confirmLink = awaitLink(address, "/status/confirm?token=");
        ResponseEntity<String> confirmed = get(confirmLink);
        assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
        assertThat(confirmed.getBody()).contains("Subscription confirmed");
        assertThat(audience("mail")).contains(address);
        assertThat(audience("api")).as("follows only the component it chose").doesNotContain(address);

        NoticeRecipient recipient = subscribers.audience(Set.of("mail"), "en").stream()
                .filter(r -> r.address().equals(address)).findFirst().orElseThrow();
        String unsubscribe = pathOf(recipient.unsubscribeUrl());
        assertThat(get(unsubscribe).getBody()).contains("Stop e-mail updates", "<form method=\"post\"");
        assertThat(audience("mail")).as("opening the link alone changes nothing").contains(address);

        ResponseEntity<String> oneClick = postForm(unsubscribe, "List-Unsubscribe=One-Click");
        assertThat(oneClick.getStatusCode().value()).isEqualTo(200);
        assertThat(oneClick.getBody()).contains("Unsubscribed");
        assertThat(audience("mail")).doesNotContain(address);
    }

    @Test
    void forgedTamperedAndExpiredLinksChangeNothing() throws Exception {
        String address = "keeper-" + System.nanoTime() + "@example.org";
        postForm("/status/subscribe", "email=" + address);
        get(awaitLink(address, "/status/confirm?token="));
        assertThat(audience("mail")).contains(address);
        String id = jdbc.queryForObject("SELECT id FROM bs_status_subscription WHERE email = ?", String.class, address);

        String forged = token(id, "unsubscribe", Instant.now().plus(Duration.ofDays(1)), "not-the-platforms-key-not-the-platforms");
        String expired = token(id, "unsubscribe", Instant.now().minus(Duration.ofDays(1)),
                "demo-statuspage-token-secret-not-for-production");
        String valid = pathOf(subscribers.audience(Set.of(), "en").stream().filter(r -> r.address().equals(address))
                .findFirst().orElseThrow().unsubscribeUrl());
        String tampered = valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");

        assertThat(postForm("/status/unsubscribe?token=" + forged, "List-Unsubscribe=One-Click").getStatusCode().value()).isEqualTo(400);
        assertThat(postForm(tampered, "List-Unsubscribe=One-Click").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> late = postForm("/status/unsubscribe?token=" + expired, "List-Unsubscribe=One-Click");
        assertThat(late.getStatusCode().value()).isEqualTo(410);
        assertThat(late.getBody()).contains("This link has expired", "Nothing was changed");
        assertThat(get("/status/confirm?token=" + forged).getStatusCode().value()).isEqualTo(400);
        assertThat(audience("mail")).contains(address);
    }

    @Test
    void aBadAddressIsShownOnTheFormAndIsA400ProblemForScripts() {
        ResponseEntity<String> form = postForm("/status/subscribe", "email=not-an-address");
        assertThat(form.getStatusCode().value()).isEqualTo(400);
        assertThat(form.getBody()).contains("class=\"error\"", "&#39;not-an-address&#39; is not an e-mail address");

        ResponseEntity<String> json = api().send(null, HttpMethod.POST, "/status/subscribe",
                "{\"email\":\"ops@example.org\",\"components\":[\"teleport\"]}");
        assertThat(json.getStatusCode().value()).isEqualTo(400);
        assertThat(json.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api().json(json).path("detail").asText()).contains("components", "teleport");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_status_subscription WHERE email IN ('not-an-address', "
                + "'ops@example.org')", Long.class)).isZero();
    }

    @Test
    void scheduledMaintenanceIsListedWithItsAdviceAndBadWindowsAreRefused() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(3).withNano(0);
        ResponseEntity<String> created = api().send("commander", HttpMethod.POST, "/api/maintenance",
                "{\"title\":\"Mail storage upgrade\",\"components\":[\"mail\",\"mailings\"],\"windowStart\":\"" + start
                        + "\",\"windowEnd\":\"" + start.plusHours(2) + "\",\"advice\":\"Do not schedule mailings in this window.\"}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode maintenance = api().json(created);
        String key = maintenance.path("key").asText();
        assertThat(key).matches("MNT-\\d{4}-\\d{4}");
        assertThat(maintenance.path("state").asText()).isEqualTo("scheduled");
        assertThat(maintenance.path("reminderBefore").asText()).isEqualTo("PT24H");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("scheduled-maintenance")
                .processInstanceBusinessKey(key).count()).isEqualTo(1);

        String page = get("/status").getBody();
        assertThat(page).contains("Mail storage upgrade", "Do not schedule mailings in this window.", "UTC+02:00");
        assertThat(get("/status/feed.atom").getBody()).contains("urn:blackstart:status:" + key + ":announce");
        assertThat(api().json(api().send("agent", HttpMethod.GET, "/api/maintenance/" + key, null)).path("title").asText())
                .isEqualTo("Mail storage upgrade");

        ResponseEntity<String> backwards = api().send("commander", HttpMethod.POST, "/api/maintenance",
                "{\"title\":\"Backwards\",\"components\":[\"mail\"],\"windowStart\":\"" + start
                        + "\",\"windowEnd\":\"" + start.minusHours(1) + "\"}");
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(backwards).path("detail").asText()).contains("windowEnd");
        ResponseEntity<String> unknown = api().send("commander", HttpMethod.POST, "/api/maintenance",
                "{\"title\":\"Unknown\",\"components\":[\"teleport\"],\"windowStart\":\"" + start
                        + "\",\"windowEnd\":\"" + start.plusHours(1) + "\"}");
        assertThat(api().json(unknown).path("detail").asText()).contains("components", "teleport");
        ResponseEntity<String> past = api().send("commander", HttpMethod.POST, "/api/maintenance",
                "{\"title\":\"Past\",\"components\":[\"mail\"],\"windowStart\":\"2020-01-01T10:00:00Z\",\"windowEnd\":\"2020-01-01T11:00:00Z\"}");
        assertThat(api().json(past).path("detail").asText()).contains("windowStart");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_maintenance WHERE title IN ('Backwards', 'Unknown', 'Past')",
                Long.class)).isZero();
    }

    @Test
    void theStaticExportIsAZipOfThePagesForAdminsOnly() throws Exception {
        publish("INC-2026-9002", Map.of("title", "API errors", "severity", "SEV2", "affectedServices", "api",
                "noticeStep", "initial", "noticePhase", "identified", "notice_statuspage", "Some API calls fail."));

        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "admin");
        ResponseEntity<byte[]> zip = http.exchange("/api/statuspage/export", HttpMethod.POST, new HttpEntity<>(headers), byte[].class);
        assertThat(zip.getStatusCode().value()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        String index = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getBody()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                if (entry.getName().equals("index.html")) {
                    index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).contains("index.html", "history.html", "feed.atom", "summary.json", "status.css",
                "incidents/INC-2026-9002.html");
        assertThat(index).contains("API errors", "href=\"incidents/INC-2026-9002.html\"", "href=\"status.css\"",
                "/status/subscribe\"");

        assertThat(api().send("commander", HttpMethod.POST, "/api/statuspage/export", null).getStatusCode().value())
                .isEqualTo(403);
    }

    private List<String> audience(String component) {
        return subscribers.audience(Set.of(component), "en").stream().map(NoticeRecipient::address).toList();
    }

    /** The link in the newest mail to {@code address}, as a path on this server. */
    private String awaitLink(String address, String marker) {
        Pattern link = Pattern.compile("https?://\\S*?(" + Pattern.quote(marker) + "[A-Za-z0-9_.%-]+)");
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (MimeMessage message : mail.received()) {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                    Matcher matcher = link.matcher(text(message));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            return null;
        }, found -> found != null);
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/status/"));
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                Object part = multipart.getBodyPart(i).getContent();
                text.append(part instanceof Multipart nested ? nested.getBodyPart(0).getContent() : part);
            }
            return text.toString();
        }
        return content.toString();
    }

    /** A token in the platform's format, signed with {@code key}: what an attacker (or an old e-mail) presents. */
    private static String token(String id, String purpose, Instant expiry, String key) throws Exception {
        String payload = id + ":" + purpose + ":" + expiry.getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac.doFinal(
                payload.getBytes(StandardCharsets.UTF_8)));
    }
}
