package org.blackstart.app.search.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.blackstart.app.search.Audience;
import org.blackstart.app.search.DocType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The search document of a row, built from the database as it is now (the fields of
 * {@code search/index-template.json}; its mapping is strict, so nothing else may appear). Batches read each table
 * once per batch, never once per row: a full build feeds every row of every table through here.
 *
 * <p>What an incident's documents share (its title, current severity, affected services and its vendor cases'
 * vendors) is read once per batch for all the incidents the batch touches. Times are ISO-8601 strings, so the
 * document is the same whatever JSON mapper writes it.
 */
@Component
public class SearchDocuments {

    /** Rows per {@code IN (...)} list: well within every database's limit on parameters. */
    static final int CHUNK = 500;
    /** The notice languages with an analyzer of their own ({@code text_<language>}); others go to {@code text}. */
    static final Set<String> ANALYZED_LANGUAGES = Set.of("en", "nl", "de", "fr");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public SearchDocuments(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The document of row {@code id}; empty when the row is gone (its document must be deleted). */
    public Optional<Map<String, Object>> load(DocType type, String id) {
        return Optional.ofNullable(load(type, List.of(id)).get(id));
    }

    /**
     * The documents of these rows by id; an id whose row is gone is missing from the answer.
     */
    public Map<String, Map<String, Object>> load(DocType type, Collection<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            documents.putAll(switch (type) {
                case TIMELINE -> timeline(numeric(chunk));
                case INCIDENT -> incidents(chunk);
                case ALERT -> alerts(numeric(chunk));
                case NOTICE -> notices(numeric(chunk));
                case VENDOR_MESSAGE -> vendorMessages(numeric(chunk));
                case POSTMORTEM -> postmortems(chunk);
            });
        }
        return documents;
    }

    private Map<String, Map<String, Object>> timeline(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT id, incident_key, occurred_at, kind, step_name, actor, detail, visibility FROM bs_timeline "
                + "WHERE id IN (" + placeholders(ids.size()) + ")", rs -> {
            Map<String, Object> doc = document(DocType.TIMELINE, rs.getString("id"), rs.getString("incident_key"),
                    "commanders".equals(rs.getString("visibility")) ? Audience.COMMANDERS : Audience.ON_CALL,
                    instant(rs, "occurred_at"));
            String detail = rs.getString("detail");
            put(doc, "text", detail == null || detail.isBlank() ? rs.getString("step_name") : detail);
            put(doc, "kind", rs.getString("kind"));
            put(doc, "actor", rs.getString("actor"));
            rows.add(new Row(rs.getString("incident_key"), doc));
        }, ids.toArray());
        withIncidents(rows, (incident, doc) -> put(doc, "title", incident.title));
        rows.forEach(row -> documents.put((String) row.doc.get("id"), row.doc));
        return documents;
    }

    private Map<String, Map<String, Object>> incidents(List<String> keys) {
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        jdbc.query("SELECT incident_key, title, summary, customer_impact, root_cause, resolution, status, declared_by, "
                + "declared_at, closed_at, kind, escalation_policy FROM bs_incident WHERE incident_key IN ("
                + placeholders(keys.size()) + ")", rs -> {
            String key = rs.getString("incident_key");
            Map<String, Object> doc = document(DocType.INCIDENT, key, key, Audience.ON_CALL, instant(rs, "declared_at"));
            put(doc, "title", rs.getString("title"));
            put(doc, "text", joined(rs.getString("summary"), rs.getString("customer_impact"), rs.getString("root_cause"),
                    rs.getString("resolution")));
            put(doc, "status", rs.getString("status"));
            put(doc, "actor", rs.getString("declared_by"));
            Map<String, Object> incident = new LinkedHashMap<>();
            put(incident, "kind", rs.getString("kind"));
            put(incident, "policy", rs.getString("escalation_policy"));
            put(incident, "declaredAt", instant(rs, "declared_at"));
            put(incident, "closedAt", instant(rs, "closed_at"));
            doc.put("incident", incident);
            documents.put(key, doc);
        }, keys.toArray());
        if (documents.isEmpty()) {
            return documents;
        }
        List<String> found = List.copyOf(documents.keySet());
        withIncidents(found.stream().map(key -> new Row(key, documents.get(key))).toList(), (incident, doc) -> { });
        keyTimes(found, documents);
        vendorCases(found, documents);
        Map<String, Set<String>> labels = new HashMap<>();
        jdbc.query("SELECT incident_key, labels FROM bs_alert WHERE incident_key IN (" + placeholders(found.size()) + ")",
                rs -> {
                    labels.computeIfAbsent(rs.getString("incident_key"), k -> new TreeSet<>())
                            .addAll(labels(rs.getString("labels")));
                }, found.toArray());
        labels.forEach((key, values) -> put(documents.get(key), "labels", List.copyOf(values)));
        return documents;
    }

    /** The key times in force (the latest row per name) and the durations the figures use. */
    private void keyTimes(List<String> keys, Map<String, Map<String, Object>> documents) {
        Map<String, Map<String, Instant>> times = new HashMap<>();
        jdbc.query("SELECT k.incident_key, k.name, k.at_time FROM bs_key_time k WHERE k.incident_key IN ("
                + placeholders(keys.size()) + ") AND k.id = (SELECT MAX(m.id) FROM bs_key_time m "
                + "WHERE m.incident_key = k.incident_key AND m.name = k.name)", rs -> {
            times.computeIfAbsent(rs.getString("incident_key"), k -> new HashMap<>())
                    .put(rs.getString("name"), rs.getTimestamp("at_time").toInstant());
        }, keys.toArray());
        times.forEach((key, inForce) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> incident = (Map<String, Object>) documents.get(key).get("incident");
            put(incident, "impactStartedAt", iso(inForce.get("impact_started")));
            put(incident, "detectedAt", iso(inForce.get("detected")));
            put(incident, "acknowledgedAt", iso(inForce.get("acknowledged")));
            put(incident, "mitigatedAt", iso(inForce.get("mitigated")));
            put(incident, "resolvedAt", iso(inForce.get("resolved")));
            if (inForce.containsKey("closed")) {
                incident.put("closedAt", iso(inForce.get("closed")));
            }
            put(incident, "mttaSeconds", seconds(inForce, "detected", "acknowledged"));
            put(incident, "mttrSeconds", seconds(inForce, "impact_started", "resolved"));
            put(incident, "timeToDetectSeconds", seconds(inForce, "impact_started", "detected"));
            put(incident, "timeToMitigateSeconds", seconds(inForce, "impact_started", "mitigated"));
        });
    }

    private void vendorCases(List<String> keys, Map<String, Map<String, Object>> documents) {
        Map<String, List<Map<String, Object>>> cases = new HashMap<>();
        jdbc.query("SELECT incident_key, vendor, opened_at, acknowledged_at FROM bs_vendor_case WHERE incident_key IN ("
                + placeholders(keys.size()) + ") ORDER BY opened_at, id", rs -> {
            Instant opened = rs.getTimestamp("opened_at").toInstant();
            Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
            Map<String, Object> vendorCase = new LinkedHashMap<>();
            vendorCase.put("vendor", rs.getString("vendor"));
            vendorCase.put("openedAt", opened.toString());
            if (acknowledged != null) {
                vendorCase.put("acknowledgedAt", acknowledged.toInstant().toString());
                vendorCase.put("responseSeconds", Duration.between(opened, acknowledged.toInstant()).toSeconds());
            }
            cases.computeIfAbsent(rs.getString("incident_key"), k -> new ArrayList<>()).add(vendorCase);
        }, keys.toArray());
        cases.forEach((key, ofIncident) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> incident = (Map<String, Object>) documents.get(key).get("incident");
            incident.put("vendorCases", ofIncident);
        });
    }

    private Map<String, Map<String, Object>> alerts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT id, incident_key, summary, status, labels, annotations, first_seen_at, rule_name FROM bs_alert "
                + "WHERE id IN (" + placeholders(ids.size()) + ")", rs -> {
            Map<String, Object> doc = document(DocType.ALERT, rs.getString("id"), rs.getString("incident_key"),
                    Audience.ON_CALL, instant(rs, "first_seen_at"));
            put(doc, "title", rs.getString("summary"));
            put(doc, "text", annotationsText(rs.getString("annotations")));
            put(doc, "kind", rs.getString("rule_name"));
            put(doc, "status", rs.getString("status"));
            List<String> labels = labels(rs.getString("labels"));
            put(doc, "labels", labels.isEmpty() ? null : labels);
            rows.add(new Row(rs.getString("incident_key"), doc));
        }, ids.toArray());
        withIncidents(rows, (incident, doc) -> { });
        return byId(rows);
    }

    private Map<String, Map<String, Object>> notices(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT id, incident_key, phase, language, subject, body, approved_by, approved_at FROM bs_notice_text "
                + "WHERE id IN (" + placeholders(ids.size()) + ")", rs -> {
            Map<String, Object> doc = document(DocType.NOTICE, rs.getString("id"), rs.getString("incident_key"),
                    Audience.STAFF, instant(rs, "approved_at"));
            String language = rs.getString("language").toLowerCase(Locale.ROOT);
            String subject = rs.getString("subject");
            put(doc, "title", subject);
            String text = joined(subject, rs.getString("body"));
            put(doc, ANALYZED_LANGUAGES.contains(language) ? "text_" + language : "text", text);
            put(doc, "language", language);
            put(doc, "kind", rs.getString("phase"));
            put(doc, "actor", rs.getString("approved_by"));
            rows.add(new Row(rs.getString("incident_key"), doc));
        }, ids.toArray());
        withIncidents(rows, (incident, doc) -> { });
        return byId(rows);
    }

    private Map<String, Map<String, Object>> vendorMessages(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT id, incident_key, vendor, kind, author, subject, text, status, received_at "
                + "FROM bs_vendor_message WHERE id IN (" + placeholders(ids.size()) + ")", rs -> {
            Map<String, Object> doc = document(DocType.VENDOR_MESSAGE, rs.getString("id"), rs.getString("incident_key"),
                    Audience.STAFF, instant(rs, "received_at"));
            put(doc, "title", rs.getString("subject"));
            put(doc, "text", rs.getString("text"));
            put(doc, "kind", rs.getString("kind"));
            put(doc, "status", rs.getString("status"));
            put(doc, "actor", rs.getString("author"));
            String vendor = rs.getString("vendor");
            put(doc, "vendors", vendor == null || vendor.isBlank() ? null : List.of(vendor));
            rows.add(new Row(rs.getString("incident_key"), doc));
        }, ids.toArray());
        // the message names its own vendor; the incident's cases may name others
        withIncidents(rows, (incident, doc) -> { }, false);
        return byId(rows);
    }

    private Map<String, Map<String, Object>> postmortems(List<String> keys) {
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT incident_key, status, author, summary, trigger_text, contributing_factors, went_well, "
                + "went_wrong, got_lucky, customer_summary, customer_changes, updated_at FROM bs_postmortem "
                + "WHERE incident_key IN (" + placeholders(keys.size()) + ")", rs -> {
            String key = rs.getString("incident_key");
            Map<String, Object> doc = document(DocType.POSTMORTEM, key, key, Audience.STAFF, instant(rs, "updated_at"));
            put(doc, "text", joined(rs.getString("summary"), rs.getString("trigger_text"),
                    rs.getString("contributing_factors"), rs.getString("went_well"), rs.getString("went_wrong"),
                    rs.getString("got_lucky"), rs.getString("customer_summary"), rs.getString("customer_changes")));
            put(doc, "status", rs.getString("status"));
            put(doc, "actor", rs.getString("author"));
            rows.add(new Row(key, doc));
        }, keys.toArray());
        withIncidents(rows, (incident, doc) -> put(doc, "title", "Postmortem: " + incident.title));
        return byId(rows);
    }

    /** A document's own row and the incident it belongs to (may be null). */
    private record Row(String incidentKey, Map<String, Object> doc) {
    }

    /** What every document of an incident carries of it. */
    private record IncidentFacts(String title, String severity, List<String> services, List<String> vendors) {
    }

    private void withIncidents(List<Row> rows, java.util.function.BiConsumer<IncidentFacts, Map<String, Object>> more) {
        withIncidents(rows, more, true);
    }

    /** Adds severity, services (and vendors) of each row's incident, and whatever {@code more} takes of it. */
    private void withIncidents(List<Row> rows, java.util.function.BiConsumer<IncidentFacts, Map<String, Object>> more,
                               boolean vendors) {
        List<String> keys = rows.stream().map(Row::incidentKey).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, IncidentFacts> incidents = incidentFacts(keys);
        for (Row row : rows) {
            IncidentFacts incident = row.incidentKey == null ? null : incidents.get(row.incidentKey);
            if (incident != null) {
                put(row.doc, "severity", incident.severity);
                put(row.doc, "services", incident.services.isEmpty() ? null : incident.services);
                if (vendors) {
                    put(row.doc, "vendors", incident.vendors.isEmpty() ? null : incident.vendors);
                }
                more.accept(incident, row.doc);
            }
        }
    }

    private Map<String, IncidentFacts> incidentFacts(List<String> keys) {
        Map<String, IncidentFacts> facts = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            Map<String, Set<String>> vendors = new HashMap<>();
            jdbc.query("SELECT DISTINCT incident_key, vendor FROM bs_vendor_case WHERE incident_key IN ("
                    + placeholders(chunk.size()) + ")", rs -> {
                vendors.computeIfAbsent(rs.getString("incident_key"), k -> new TreeSet<>()).add(rs.getString("vendor"));
            }, chunk.toArray());
            jdbc.query("SELECT incident_key, title, severity, affected_services FROM bs_incident WHERE incident_key IN ("
                    + placeholders(chunk.size()) + ")", rs -> {
                String key = rs.getString("incident_key");
                facts.put(key, new IncidentFacts(rs.getString("title"), rs.getString("severity"),
                        services(rs.getString("affected_services")), List.copyOf(vendors.getOrDefault(key, Set.of()))));
            }, chunk.toArray());
        }
        return facts;
    }

    private static Map<String, Object> document(DocType type, String id, String incidentKey, Audience audience,
                                                String occurredAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", type.code());
        doc.put("id", id);
        put(doc, "incidentKey", incidentKey);
        doc.put("audience", audience.code());
        put(doc, "occurredAt", occurredAt);
        return doc;
    }

    private static Map<String, Map<String, Object>> byId(List<Row> rows) {
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        rows.forEach(row -> documents.put((String) row.doc.get("id"), row.doc));
        return documents;
    }

    /** Alert labels as {@code name=value}, sorted. */
    List<String> labels(String labelsJson) {
        List<String> labels = new ArrayList<>();
        JsonNode node = parse(labelsJson);
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(field -> labels.add(field.getKey() + "=" + field.getValue().asText()));
        }
        labels.sort(null);
        return labels;
    }

    /** The annotations' values, one per line (summary, description, runbook ...). */
    private String annotationsText(String annotationsJson) {
        JsonNode node = parse(annotationsJson);
        if (node == null || !node.isObject()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        node.fields().forEachRemaining(field -> values.add(field.getValue().asText()));
        return joined(values.toArray(String[]::new));
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    static List<String> services(String commaSeparated) {
        Set<String> names = new LinkedHashSet<>();
        if (commaSeparated != null) {
            for (String name : commaSeparated.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return List.copyOf(names);
    }

    private static String joined(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(part.strip());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static Long seconds(Map<String, Instant> times, String from, String to) {
        Instant a = times.get(from);
        Instant b = times.get(to);
        return a == null || b == null ? null : Duration.between(a, b).toSeconds();
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant().toString();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void put(Map<String, Object> doc, String field, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            doc.put(field, value);
        }
    }

    /** Numeric keys only: anything else cannot be a row of a table keyed by number. */
    private static List<Long> numeric(List<String> ids) {
        List<Long> numbers = new ArrayList<>();
        for (String id : ids) {
            try {
                numbers.add(Long.parseLong(id));
            } catch (NumberFormatException notARow) {
                // no row has it: the document is absent, as for a deleted row
            }
        }
        return numbers;
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
