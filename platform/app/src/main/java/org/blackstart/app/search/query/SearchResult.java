package org.blackstart.app.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/search} answers.
 *
 * @param engine {@code elasticsearch} or {@code database}: which one answered
 * @param total  how many documents match (Elasticsearch counts up to 10,000; the database counts what it looked at,
 *               see {@link DatabaseSearch})
 * @param facets per dimension ({@code severity}, {@code service}, {@code vendor}, {@code type}) the number of matching
 *               documents per value, over all matches, not just this page
 * @param next   the {@code after} of the next page, {@code null} on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchResult(String engine, long total, List<Hit> hits, Map<String, Map<String, Long>> facets, String next) {

    static final List<String> FACETS = List.of("severity", "service", "vendor", "type");

    /**
     * One document found.
     *
     * @param highlights fragments with the matched words in {@code <mark>} tags; the rest of each fragment is
     *                   HTML-escaped, so a page may insert them as HTML
     * @param url        the incident's page, {@code null} for a document of no incident (an alert not grouped yet)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Hit(String type, String id, String incidentKey, String title, Instant occurredAt, String severity,
                      List<String> services, List<String> vendors, List<String> highlights, String url) {
    }

    static String url(String incidentKey) {
        return incidentKey == null ? null : "/incidents/" + incidentKey;
    }
}
