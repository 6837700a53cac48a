package org.blackstart.app.search.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.blackstart.app.search.Audience;
import org.blackstart.app.search.DocType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Search without Elasticsearch, straight from the tables Elasticsearch is fed from. "Simple" means: a document
 * matches when every word of {@code q} occurs, ignoring case, somewhere in its title or text (a substring match: no
 * stems, no ranking, {@code storing} does not find {@code storingen}'s stem but does find the word itself); hits
 * come newest first (time, then type, then id); facets are counted over the matches. Bounded: per document type
 * only the newest {@value #PER_TYPE} matches are read, so totals, facets and paging cover at most that many per
 * type; the filters (severity, service, vendor, dates, the reader's audience) are applied in SQL before that limit.
 */
@Component
class DatabaseSearch implements SearchEngine {

    static final String ENGINE = "database";
    static final int PER_TYPE = 500;
    private static final int IN_CHUNK = 500;
    private static final String COMMANDERS_ONLY = "commanders";

    /**
     * Each type's rows as (doc_id, incident_key, occurred_at, title, body, own_vendor, visibility); a title left
     * {@code NULL} is the incident's.
     */
    private static final Map<DocType, String> SOURCES = Map.of(
            DocType.TIMELINE, "SELECT CAST(t.id AS VARCHAR(64)) AS doc_id, t.incident_key, t.occurred_at, "
                    + "CAST(NULL AS VARCHAR(1000)) AS title, COALESCE(t.detail, t.step_name) AS body, CAST(NULL AS VARCHAR(64)) AS own_vendor, "
                    + "t.visibility FROM bs_timeline t",
            DocType.INCIDENT, "SELECT x.incident_key AS doc_id, x.incident_key, x.declared_at AS occurred_at, "
                    + "x.title, COALESCE(x.summary, '') || ' ' || COALESCE(x.customer_impact, '') || ' ' "
                    + "|| COALESCE(x.root_cause, '') || ' ' || COALESCE(x.resolution, '') AS body, "
                    + "CAST(NULL AS VARCHAR(64)) AS own_vendor, 'all' AS visibility FROM bs_incident x",
            DocType.ALERT, "SELECT CAST(a.id AS VARCHAR(64)) AS doc_id, a.incident_key, a.first_seen_at AS occurred_at, "
                    + "a.summary AS title, a.annotations AS body, CAST(NULL AS VARCHAR(64)) AS own_vendor, "
                    + "'all' AS visibility FROM bs_alert a",
            DocType.NOTICE, "SELECT CAST(n.id AS VARCHAR(64)) AS doc_id, n.incident_key, n.approved_at AS occurred_at, "
                    + "n.subject AS title, n.body, CAST(NULL AS VARCHAR(64)) AS own_vendor, 'all' AS visibility "
                    + "FROM bs_notice_text n",
            DocType.VENDOR_MESSAGE, "SELECT CAST(m.id AS VARCHAR(64)) AS doc_id, m.incident_key, m.received_at AS occurred_at, "
                    + "m.subject AS title, m.text AS body, m.vendor AS own_vendor, 'all' AS visibility FROM bs_vendor_message m",
            DocType.POSTMORTEM, "SELECT p.incident_key AS doc_id, p.incident_key, p.updated_at AS occurred_at, "
                    + "'Postmortem: ' || y.title AS title, COALESCE(p.summary, '') || ' ' || COALESCE(p.trigger_text, '') "
                    + "|| ' ' || COALESCE(p.contributing_factors, '') || ' ' || COALESCE(p.went_well, '') || ' ' "
                    + "|| COALESCE(p.went_wrong, '') || ' ' || COALESCE(p.got_lucky, '') || ' ' "
                    + "|| COALESCE(p.customer_summary, '') || ' ' || COALESCE(p.customer_changes, '') AS body, "
                    + "CAST(NULL AS VARCHAR(64)) AS own_vendor, 'all' AS visibility "
                    + "FROM bs_postmortem p JOIN bs_incident y ON y.incident_key = p.incident_key");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DatabaseSearch(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public SearchResult search(SearchRequest request, Audience reader) {
        List<String> words = request.words();
        List<Row> rows = new ArrayList<>();
        for (DocType type : Readable.types(request.types(), reader)) {
            rows.addAll(rows(type, request, words, reader));
        }
        Map<String, Set<String>> vendorsOf = vendors(rows.stream().map(r -> r.incidentKey).filter(k -> k != null)
                .collect(Collectors.toCollection(TreeSet::new)));
        for (Row row : rows) {
            row.vendors = row.ownVendor != null ? List.of(row.ownVendor)
                    : List.copyOf(vendorsOf.getOrDefault(row.incidentKey, Set.of()));
        }
        rows.sort(ORDER);
        Map<String, Map<String, Long>> facets = facets(rows);
        List<Row> after = request.after() == null ? rows
                : rows.stream().filter(row -> ORDER.compare(row, cursorRow(request.after())) > 0).toList();
        List<Row> page = after.subList(0, Math.min(request.size(), after.size()));
        String next = after.size() > page.size() && !page.isEmpty() ? cursor(page.get(page.size() - 1)) : null;
        return new SearchResult(ENGINE, rows.size(), page.stream().map(row -> hit(row, words)).toList(), facets, next);
    }

    private List<Row> rows(DocType type, SearchRequest request, List<String> words, Audience reader) {
        StringBuilder sql = new StringBuilder("SELECT d.doc_id, d.incident_key, d.occurred_at, COALESCE(d.title, i.title) "
                + "AS title, d.body, d.own_vendor, i.severity, i.affected_services FROM (" + SOURCES.get(type) + ") d "
                + "LEFT JOIN bs_incident i ON i.incident_key = d.incident_key WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (reader != Audience.COMMANDERS) {
            sql.append(" AND d.visibility <> '").append(COMMANDERS_ONLY).append('\'');
        }
        for (String word : words) {
            sql.append(" AND LOWER(COALESCE(d.title, i.title, '') || ' ' || COALESCE(d.body, '')) LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscaped(word) + "%");
        }
        if (!request.severities().isEmpty()) {
            sql.append(" AND i.severity IN (").append(marks(request.severities().size())).append(')');
            args.addAll(request.severities());
        }
        if (!request.services().isEmpty()) {
            sql.append(" AND (").append(request.services().stream()
                    .map(s -> "(',' || LOWER(REPLACE(COALESCE(i.affected_services, ''), ' ', '')) || ',') LIKE ? ESCAPE '\\'")
                    .collect(Collectors.joining(" OR "))).append(')');
            request.services().forEach(s -> args.add("%," + likeEscaped(s.toLowerCase(java.util.Locale.ROOT).replace(" ", "")) + ",%"));
        }
        if (!request.vendors().isEmpty()) {
            String in = marks(request.vendors().size());
            sql.append(" AND (d.own_vendor IN (").append(in).append(") OR (d.own_vendor IS NULL AND EXISTS (SELECT 1 ")
                    .append("FROM bs_vendor_case c WHERE c.incident_key = d.incident_key AND c.vendor IN (").append(in)
                    .append("))))");
            args.addAll(request.vendors());
            args.addAll(request.vendors());
        }
        if (request.from() != null) {
            sql.append(" AND d.occurred_at >= ?");
            args.add(Timestamp.from(request.from()));
        }
        if (request.to() != null) {
            sql.append(" AND d.occurred_at < ?");
            args.add(Timestamp.from(request.to()));
        }
        sql.append(" ORDER BY d.occurred_at DESC, d.doc_id FETCH FIRST ").append(PER_TYPE).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> {
            Row row = new Row();
            row.type = type;
            row.id = rs.getString("doc_id");
            row.incidentKey = rs.getString("incident_key");
            row.occurredAt = rs.getTimestamp("occurred_at").toInstant();
            row.title = rs.getString("title");
            row.body = type == DocType.ALERT ? annotations(rs.getString("body")) : rs.getString("body");
            row.ownVendor = rs.getString("own_vendor");
            row.severity = rs.getString("severity");
            row.services = services(rs.getString("affected_services"));
            return row;
        }, args.toArray());
    }

    /** Vendors of the incidents' cases. */
    private Map<String, Set<String>> vendors(Set<String> incidentKeys) {
        Map<String, Set<String>> vendors = new HashMap<>();
        List<String> keys = List.copyOf(incidentKeys);
        for (int i = 0; i < keys.size(); i += IN_CHUNK) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + IN_CHUNK));
            jdbc.query("SELECT DISTINCT incident_key, vendor FROM bs_vendor_case WHERE incident_key IN ("
                    + marks(chunk.size()) + ")", rs -> {
                        vendors.computeIfAbsent(rs.getString("incident_key"), k -> new TreeSet<>()).add(rs.getString("vendor"));
                    }, chunk.toArray());
        }
        return vendors;
    }

    private static Map<String, Map<String, Long>> facets(List<Row> rows) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        SearchResult.FACETS.forEach(name -> counts.put(name, new TreeMap<>()));
        for (Row row : rows) {
            if (row.severity != null) {
                counts.get("severity").merge(row.severity, 1L, Long::sum);
            }
            row.services.forEach(s -> counts.get("service").merge(s, 1L, Long::sum));
            row.vendors.forEach(v -> counts.get("vendor").merge(v, 1L, Long::sum));
            counts.get("type").merge(row.type.code(), 1L, Long::sum);
        }
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        counts.forEach((name, values) -> ordered.put(name, byCount(values)));
        return ordered;
    }

    /** Most first, as Elasticsearch orders its terms. */
    static Map<String, Long> byCount(Map<String, Long> values) {
        return values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static SearchResult.Hit hit(Row row, List<String> words) {
        List<String> highlights = new ArrayList<>();
        String body = Highlights.fragment(row.body, words);
        if (body != null) {
            highlights.add(body);
        } else {
            String title = Highlights.fragment(row.title, words);
            if (title != null) {
                highlights.add(title);
            }
        }
        return new SearchResult.Hit(row.type.code(), row.id, row.incidentKey, row.title, row.occurredAt, row.severity,
                row.services, row.vendors, highlights, SearchResult.url(row.incidentKey));
    }

    private static String cursor(Row row) {
        return new SearchCursor(null, row.occurredAt, row.type.code(), row.id).encode();
    }

    private static Row cursorRow(SearchCursor cursor) {
        Row row = new Row();
        row.occurredAt = cursor.occurredAt();
        row.type = DocType.of(cursor.type()).orElseThrow();
        row.id = cursor.id();
        return row;
    }

    /** Newest first, then by type code and id (numerically where both are numbers): the engines' shared order. */
    static final Comparator<Row> ORDER = Comparator.<Row, Instant>comparing(r -> r.occurredAt, Comparator.reverseOrder())
            .thenComparing(r -> r.type.code()).thenComparing((a, b) -> compareIds(a.id, b.id));

    static int compareIds(String a, String b) {
        if (a.matches("\\d{1,18}") && b.matches("\\d{1,18}")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    private String annotations(String annotations) {
        if (annotations == null || annotations.isBlank()) {
            return null;
        }
        try {
            Map<String, Object> values = json.readValue(annotations, new TypeReference<Map<String, Object>>() { });
            return values.values().stream().map(String::valueOf).collect(Collectors.joining(" "));
        } catch (java.io.IOException notAMap) {
            return annotations;
        }
    }

    static List<String> services(String affected) {
        if (affected == null || affected.isBlank()) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(affected.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** One matching row, read as a document. */
    static final class Row {
        DocType type;
        String id;
        String incidentKey;
        Instant occurredAt;
        String title;
        String body;
        String ownVendor;
        String severity;
        List<String> services = List.of();
        List<String> vendors = List.of();
    }
}
