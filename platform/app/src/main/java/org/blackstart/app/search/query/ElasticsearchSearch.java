package org.blackstart.app.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.search.Audience;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchConfiguration;
import org.blackstart.app.search.SearchProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Search on Elasticsearch: one request over the aliases of the types asked for.
 *
 * <p>The words go to a {@code cross_fields} {@code multi_match} with operator {@code and}: the words of one question
 * are often spread between a document's title and its text ("storeco failover": the vendor in the title, the
 * failover in the text), and {@code cross_fields} treats the fields of one analyzer as one big field, so every word
 * must occur in one of them, the same rule as the database's. It groups fields by analyzer, so a Dutch notice's
 * {@code text_nl} keeps its Dutch stems ({@code storing} finds {@code storingen}). Filters (audience, severity,
 * services, vendors, time) are bool filters: they do not change scores. Facets are terms aggregations over all
 * matches (every filter applies to every facet, so a facet's counts are the results' counts). Highlights use the
 * {@code html} encoder: Elasticsearch escapes the fragments and adds only the {@code <mark>} tags.
 */
@Component
@Conditional(SearchConfiguration.ElasticsearchConfigured.class)
class ElasticsearchSearch implements SearchEngine {

    static final String ENGINE = "elasticsearch";
    static final int TRACK_TOTAL_UP_TO = 10_000;
    private static final int FACET_SIZE = 20;
    private static final List<String> MATCHED = List.of("title^3", "title.exact^2", "text", "text.exact", "text_en",
            "text_nl", "text_de", "text_fr");
    private static final List<String> HIGHLIGHTED = List.of("text", "text_en", "text_nl", "text_de", "text_fr", "title");
    private static final Map<String, String> FACET_FIELDS = Map.of("severity", "severity", "service", "services",
            "vendor", "vendors", "type", "type");

    private final ElasticsearchClient client;
    private final String prefix;

    ElasticsearchSearch(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.prefix = properties.indexPrefix();
    }

    @Override
    public SearchResult search(SearchRequest request, Audience reader) {
        List<DocType> types = Readable.types(request.types(), reader);
        if (types.isEmpty()) {
            return new SearchResult(ENGINE, 0, List.of(), emptyFacets(), null);
        }
        if (request.after() != null && !request.hasWords() && request.after().score() != null) {
            throw SearchProblem.invalid("after must be the 'next' of the previous page of the same search");
        }
        SearchResponse<Map> response;
        try {
            response = client.search(s -> {
                s.index(types.stream().map(type -> prefix + "-" + type.code()).toList())
                        .ignoreUnavailable(true).allowNoIndices(true)
                        .query(query(request, reader))
                        .size(request.size())
                        .trackTotalHits(t -> t.count(TRACK_TOTAL_UP_TO))
                        .source(src -> src.filter(f -> f.includes("type", "id", "incidentKey", "title", "occurredAt",
                                "severity", "services", "vendors")))
                        .sort(sort(request.hasWords()));
                FACET_FIELDS.forEach((name, field) -> s.aggregations(name, a -> a.terms(t -> t.field(field).size(FACET_SIZE))));
                if (request.hasWords()) {
                    s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
                            .fragmentSize(160).numberOfFragments(2)
                            .fields(HIGHLIGHTED.stream().map(field -> NamedValue.of(field, HighlightField.of(f -> f))).toList()));
                }
                if (request.after() != null) {
                    s.searchAfter(searchAfter(request.after()));
                }
                return s;
            }, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            hits.add(hit(hit));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        String next = null;
        if (hits.size() == request.size()) {
            Hit<Map> last = response.hits().hits().get(hits.size() - 1);
            next = cursor(last, request.hasWords());
        }
        return new SearchResult(ENGINE, total, hits, facets(response.aggregations()), next);
    }

    private static Query query(SearchRequest request, Audience reader) {
        return Query.of(q -> q.bool(b -> {
            if (request.hasWords()) {
                b.must(m -> m.multiMatch(mm -> mm.query(request.q()).fields(MATCHED).type(TextQueryType.CrossFields)
                        .operator(Operator.And)));
            }
            b.filter(f -> f.terms(t -> t.field("audience").terms(v -> v.value(values(reader.readable())))));
            if (!request.severities().isEmpty()) {
                b.filter(f -> f.terms(t -> t.field("severity").terms(v -> v.value(values(request.severities())))));
            }
            if (!request.services().isEmpty()) {
                b.filter(f -> f.terms(t -> t.field("services").terms(v -> v.value(values(request.services())))));
            }
            if (!request.vendors().isEmpty()) {
                b.filter(f -> f.terms(t -> t.field("vendors").terms(v -> v.value(values(request.vendors())))));
            }
            if (request.from() != null || request.to() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("occurredAt");
                    if (request.from() != null) {
                        d.gte(request.from().toString());
                    }
                    if (request.to() != null) {
                        d.lt(request.to().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    private static List<SortOptions> sort(boolean scored) {
        List<SortOptions> sort = new ArrayList<>();
        if (scored) {
            sort.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        }
        sort.add(SortOptions.of(o -> o.field(f -> f.field("occurredAt").order(SortOrder.Desc))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("type").order(SortOrder.Asc))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return sort;
    }

    private static List<FieldValue> searchAfter(SearchCursor cursor) {
        List<FieldValue> values = new ArrayList<>();
        if (cursor.score() != null) {
            values.add(FieldValue.of(cursor.score()));
        }
        values.add(FieldValue.of(cursor.occurredAt().toEpochMilli()));
        values.add(FieldValue.of(cursor.type()));
        values.add(FieldValue.of(cursor.id()));
        return values;
    }

    private static String cursor(Hit<Map> last, boolean scored) {
        List<FieldValue> sort = last.sort();
        int i = 0;
        Double score = scored ? number(sort.get(i++)) : null;
        Instant at = Instant.ofEpochMilli(number(sort.get(i++)).longValue());
        return new SearchCursor(score, at, sort.get(i++).stringValue(), sort.get(i).stringValue()).encode();
    }

    private static Double number(FieldValue value) {
        return value.isDouble() ? value.doubleValue() : value.isLong() ? (double) value.longValue()
                : Double.parseDouble(value._toJsonString());
    }

    @SuppressWarnings("unchecked")
    private static SearchResult.Hit hit(Hit<Map> hit) {
        Map<String, Object> source = hit.source() == null ? Map.of() : hit.source();
        String incidentKey = (String) source.get("incidentKey");
        Object at = source.get("occurredAt");
        List<String> highlights = new ArrayList<>();
        for (String field : HIGHLIGHTED) {
            highlights.addAll(hit.highlight().getOrDefault(field, List.of()));
        }
        return new SearchResult.Hit((String) source.get("type"), hit.id(), incidentKey, (String) source.get("title"),
                at == null ? null : Instant.parse(at.toString()), (String) source.get("severity"),
                strings(source.get("services")), strings(source.get("vendors")),
                highlights.stream().distinct().limit(3).toList(), SearchResult.url(incidentKey));
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    private static Map<String, Map<String, Long>> facets(Map<String, Aggregate> aggregations) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String name : SearchResult.FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            Aggregate aggregate = aggregations.get(name);
            if (aggregate != null && aggregate.isSterms()) {
                aggregate.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
            }
            facets.put(name, counts);
        }
        return facets;
    }

    private static Map<String, Map<String, Long>> emptyFacets() {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        SearchResult.FACETS.forEach(name -> facets.put(name, Map.of()));
        return facets;
    }

    private static List<FieldValue> values(List<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }
}
