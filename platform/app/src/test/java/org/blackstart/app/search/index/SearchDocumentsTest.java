package org.blackstart.app.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.blackstart.app.search.DocType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Each type's document from seeded rows on the real schema, and only fields the strict mapping knows. */
class SearchDocumentsTest {

    private final JdbcTemplate jdbc = database();
    private final SearchDocuments documents = new SearchDocuments(jdbc, new ObjectMapper());

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private void incident(String key, String severity, String services) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, summary, severity, status, affected_services, "
                        + "customer_impact, declared_by, declared_at, updated_at, process_instance_id, escalation_policy, "
                        + "root_cause) VALUES (?, ?, ?, ?, 'resolved', ?, ?, 'commander', ?, ?, ?, 'storage', ?)",
                key, "Rack B lost power", "Every server in rack B went down", severity, services,
                "Mailings delayed", ts("2026-03-02T08:00:00Z"), ts("2026-03-02T08:00:00Z"), "pi-" + key,
                "The transfer switch failed");
    }

    private void keyTime(String key, String name, String at) {
        jdbc.update("INSERT INTO bs_key_time (incident_key, name, at_time, set_by, recorded_at) VALUES (?, ?, ?, 'system', ?)",
                key, name, ts(at), ts(at));
    }

    private void vendorCase(String key, String vendor, String number, String opened, String acknowledged) {
        jdbc.update("INSERT INTO bs_vendor_case (incident_key, vendor, system, account, case_number, case_number_key, "
                        + "opened_at, acknowledged_at, state) VALUES (?, ?, 'email', 'acct', ?, ?, ?, ?, 'OPEN')",
                key, vendor, number, number.toUpperCase(), ts(opened), acknowledged == null ? null : ts(acknowledged));
    }

    private long timeline(String key, String kind, String detail, String visibility) {
        jdbc.update("INSERT INTO bs_timeline (incident_key, occurred_at, kind, actor, detail, visibility) "
                + "VALUES (?, ?, ?, 'commander', ?, ?)", key, ts("2026-03-02T08:05:00Z"), kind, detail, visibility);
        return jdbc.queryForObject("SELECT MAX(id) FROM bs_timeline", Long.class);
    }

    @Test
    void aTimelineEntryCarriesItsIncidentsTitleSeverityServicesAndVendors() {
        // given
        incident("INC-2026-0001", "SEV1", "mail, webmail");
        vendorCase("INC-2026-0001", "storeco", "CS-1", "2026-03-02T08:10:00Z", null);
        long note = timeline("INC-2026-0001", "NOTE", "Generator started, UPS holding", "all");
        long secret = timeline("INC-2026-0001", "NOTE", "StoreCo's patch is to blame", "commanders");

        // when
        Map<String, Map<String, Object>> docs = documents.load(DocType.TIMELINE, List.of(String.valueOf(note),
                String.valueOf(secret), "999999", "not-a-number"));

        // then
        assertThat(docs).containsOnlyKeys(String.valueOf(note), String.valueOf(secret));
        Map<String, Object> doc = docs.get(String.valueOf(note));
        assertThat(doc).containsEntry("type", "timeline").containsEntry("id", String.valueOf(note))
                .containsEntry("incidentKey", "INC-2026-0001").containsEntry("audience", "on-call")
                .containsEntry("occurredAt", "2026-03-02T08:05:00Z").containsEntry("title", "Rack B lost power")
                .containsEntry("text", "Generator started, UPS holding").containsEntry("kind", "NOTE")
                .containsEntry("severity", "SEV1").containsEntry("services", List.of("mail", "webmail"))
                .containsEntry("vendors", List.of("storeco")).containsEntry("actor", "commander");
        assertThat(docs.get(String.valueOf(secret))).containsEntry("audience", "commanders");
        assertKnownToTheMapping(docs.values());
    }

    @Test
    void anIncidentCarriesItsKeyTimesInForceDurationsVendorCasesAndAlertLabels() {
        // given
        incident("INC-2026-0002", "SEV2", "mail");
        keyTime("INC-2026-0002", "impact_started", "2026-03-02T07:50:00Z");
        keyTime("INC-2026-0002", "detected", "2026-03-02T07:55:00Z");
        keyTime("INC-2026-0002", "detected", "2026-03-02T07:58:00Z"); // corrected: the later row is in force
        keyTime("INC-2026-0002", "acknowledged", "2026-03-02T08:00:00Z");
        keyTime("INC-2026-0002", "resolved", "2026-03-02T09:50:00Z");
        vendorCase("INC-2026-0002", "storeco", "CS-2", "2026-03-02T08:10:00Z", "2026-03-02T08:40:00Z");
        alert("INC-2026-0002", "{\"alertname\":\"RackDown\",\"rack\":\"B\"}");

        // when
        Map<String, Object> doc = documents.load(DocType.INCIDENT, "INC-2026-0002").orElseThrow();

        // then
        assertThat(doc).containsEntry("title", "Rack B lost power").containsEntry("status", "resolved")
                .containsEntry("occurredAt", "2026-03-02T08:00:00Z").containsEntry("severity", "SEV2")
                .containsEntry("labels", List.of("alertname=RackDown", "rack=B"))
                .containsEntry("vendors", List.of("storeco"));
        assertThat((String) doc.get("text")).contains("Every server in rack B", "Mailings delayed", "transfer switch");
        @SuppressWarnings("unchecked")
        Map<String, Object> incident = (Map<String, Object>) doc.get("incident");
        assertThat(incident).containsEntry("kind", "incident").containsEntry("policy", "storage")
                .containsEntry("detectedAt", "2026-03-02T07:58:00Z").containsEntry("mttaSeconds", 120L)
                .containsEntry("mttrSeconds", 7200L).containsEntry("timeToDetectSeconds", 480L)
                .doesNotContainKey("timeToMitigateSeconds");
        assertThat(incident.get("vendorCases")).isEqualTo(List.of(Map.of("vendor", "storeco",
                "openedAt", "2026-03-02T08:10:00Z", "acknowledgedAt", "2026-03-02T08:40:00Z", "responseSeconds", 1800L)));
        assertKnownToTheMapping(List.of(doc));
    }

    private long alert(String key, String labels) {
        jdbc.update("INSERT INTO bs_alert_group (rule_name, group_key, opened_at, window_ends_at, alert_count, firing_count, "
                + "incident_key, resolved_told) VALUES ('rack', 'B', ?, ?, 1, 1, ?, FALSE)", ts("2026-03-02T07:56:00Z"),
                ts("2026-03-02T08:56:00Z"), key);
        long group = jdbc.queryForObject("SELECT MAX(id) FROM bs_alert_group", Long.class);
        jdbc.update("INSERT INTO bs_alert (source, dedup_key, status, summary, labels, annotations, first_seen_at, "
                        + "last_seen_at, occurrences, rule_name, group_id, incident_key) "
                        + "VALUES ('alertmanager', ?, 'FIRING', 'Rack B unreachable', ?, ?, ?, ?, 1, 'rack', ?, ?)",
                UUID.randomUUID().toString(), labels, "{\"description\":\"PDU B reports no input power\"}",
                ts("2026-03-02T07:56:00Z"), ts("2026-03-02T07:56:00Z"), group, key);
        return jdbc.queryForObject("SELECT MAX(id) FROM bs_alert", Long.class);
    }

    @Test
    void anAlertIsFoundByItsSummaryAnnotationsAndLabels() {
        // given
        incident("INC-2026-0003", "SEV1", "mail");
        long id = alert("INC-2026-0003", "{\"alertname\":\"RackDown\"}");

        // when
        Map<String, Object> doc = documents.load(DocType.ALERT, String.valueOf(id)).orElseThrow();

        // then
        assertThat(doc).containsEntry("title", "Rack B unreachable").containsEntry("text", "PDU B reports no input power")
                .containsEntry("kind", "rack").containsEntry("status", "FIRING").containsEntry("audience", "on-call")
                .containsEntry("labels", List.of("alertname=RackDown")).containsEntry("severity", "SEV1");
        assertKnownToTheMapping(List.of(doc));
    }

    @Test
    void aNoticeIsInItsLanguagesFieldOnly() {
        // given
        incident("INC-2026-0004", "SEV1", "mail");
        jdbc.update("INSERT INTO bs_notice_text (incident_key, notice, phase, language, subject, body, channels, approved_by, "
                        + "approved_at) VALUES ('INC-2026-0004', 'notice-1', 'initial', 'nl', 'Storing', "
                        + "'Onze mailservers zijn onbereikbaar', 'email', 'agent', ?)", ts("2026-03-02T08:20:00Z"));
        jdbc.update("INSERT INTO bs_notice_text (incident_key, notice, phase, language, subject, body, channels, approved_by, "
                        + "approved_at) VALUES ('INC-2026-0004', 'notice-1', 'initial', 'es', '', "
                        + "'Nuestros servidores no responden', 'sms', 'agent', ?)", ts("2026-03-02T08:20:00Z"));
        List<String> ids = jdbc.queryForList("SELECT id FROM bs_notice_text ORDER BY id", String.class);

        // when
        Map<String, Map<String, Object>> docs = documents.load(DocType.NOTICE, ids);

        // then
        assertThat(docs.get(ids.get(0))).containsEntry("text_nl", "Storing\n\nOnze mailservers zijn onbereikbaar")
                .containsEntry("language", "nl").containsEntry("kind", "initial").containsEntry("audience", "staff")
                .containsEntry("title", "Storing").containsEntry("actor", "agent")
                .doesNotContainKeys("text", "text_en", "text_de", "text_fr");
        assertThat(docs.get(ids.get(1))).as("a language without its own analyzer")
                .containsEntry("text", "Nuestros servidores no responden").doesNotContainKey("title");
        assertKnownToTheMapping(docs.values());
    }

    @Test
    void aVendorMessageNamesItsOwnVendorAndAPostmortemItsIncident() {
        // given
        incident("INC-2026-0005", "SEV2", "storage");
        vendorCase("INC-2026-0005", "storeco", "CS-5", "2026-03-02T08:10:00Z", null);
        jdbc.update("INSERT INTO bs_vendor_message (system, message_id, case_number, incident_key, vendor, kind, author, "
                        + "subject, text, status, received_at, stored_at, state) VALUES ('email', 'm-1', 'CS-5', "
                        + "'INC-2026-0005', 'diskco', 'reply', 'support@diskco', 'RE: CS-5', 'A configuration error', "
                        + "'pending', ?, ?, 'DELIVERED')", ts("2026-03-02T14:00:00Z"), ts("2026-03-02T14:00:00Z"));
        String message = jdbc.queryForObject("SELECT id FROM bs_vendor_message", String.class);
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, author, summary, went_wrong, created_at, updated_at) "
                + "VALUES ('INC-2026-0005', 'draft', 'commander', 'The patch failed', 'We trusted the vendor', ?, ?)",
                ts("2026-03-03T10:00:00Z"), ts("2026-03-04T10:00:00Z"));

        // when
        Map<String, Object> vendorMessage = documents.load(DocType.VENDOR_MESSAGE, message).orElseThrow();
        Map<String, Object> postmortem = documents.load(DocType.POSTMORTEM, "INC-2026-0005").orElseThrow();

        // then
        assertThat(vendorMessage).containsEntry("vendors", List.of("diskco")).containsEntry("title", "RE: CS-5")
                .containsEntry("text", "A configuration error").containsEntry("kind", "reply")
                .containsEntry("status", "pending").containsEntry("audience", "staff").containsEntry("severity", "SEV2");
        assertThat(postmortem).containsEntry("title", "Postmortem: Rack B lost power").containsEntry("status", "draft")
                .containsEntry("text", "The patch failed\n\nWe trusted the vendor")
                .containsEntry("occurredAt", "2026-03-04T10:00:00Z").containsEntry("vendors", List.of("storeco"));
        assertKnownToTheMapping(List.of(vendorMessage, postmortem));
    }

    @Test
    void aGoneRowHasNoDocumentAndABatchReadsMoreThanOneChunk() {
        // given
        incident("INC-2026-0006", "SEV3", null);
        List<String> ids = new ArrayList<>();
        IntStream.range(0, SearchDocuments.CHUNK + 7).forEach(n -> ids.add(String.valueOf(timeline("INC-2026-0006", "NOTE",
                "note " + n, "all"))));

        // when
        Map<String, Map<String, Object>> docs = documents.load(DocType.TIMELINE, ids);

        // then
        assertThat(docs).hasSize(SearchDocuments.CHUNK + 7);
        assertThat(documents.load(DocType.INCIDENT, "INC-2099-0001")).isEmpty();
        assertThat(documents.load(DocType.POSTMORTEM, "INC-2026-0006")).isEmpty();
    }

    /** Every field (nested too) is in the index template: the mapping is strict, any other field fails the document. */
    private static void assertKnownToTheMapping(java.util.Collection<Map<String, Object>> docs) {
        JsonNode properties = template().path("template").path("mappings").path("properties");
        for (Map<String, Object> doc : docs) {
            assertFields(doc, properties, "");
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertFields(Map<String, Object> doc, JsonNode properties, String path) {
        doc.forEach((field, value) -> {
            assertThat(properties.has(field)).as("field %s%s in the mapping", path, field).isTrue();
            if (value instanceof Map<?, ?> inner) {
                assertFields((Map<String, Object>) inner, properties.path(field).path("properties"), path + field + ".");
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
                list.forEach(item -> assertFields((Map<String, Object>) item, properties.path(field).path("properties"),
                        path + field + "."));
            }
        });
    }

    private static JsonNode template() {
        try (InputStream in = SearchDocumentsTest.class.getResourceAsStream("/search/index-template.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
