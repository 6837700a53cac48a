package org.blackstart.app.insights;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.ArrayPercentilesItem;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StatsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchConfiguration;
import org.blackstart.app.search.SearchProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The figures from Elasticsearch aggregations over the incident documents, in one search: the same incidents
 * count as in {@link DatabaseIncidentInsights} (kind {@code incident}, not cancelled, declared in the months
 * asked for, UTC), split per calendar month of {@code incident.declaredAt} and per group of the dimension, with
 * the durations the indexer stored on each document ({@code incident.mttaSeconds} and the like, from the key
 * times in force). Vendor response comes from the nested {@code incident.vendorCases}, per month of opening.
 *
 * <p>Means are {@code stats} sums divided here, rounded as {@link Figures} rounds them. Medians are
 * {@code percentiles} 50 on a t-digest with compression {@value #COMPRESSION}: Elasticsearch keeps every value
 * of a bucket sorted (and interpolates the middle two of an even count, as the database side does) until a
 * bucket holds about twenty times the compression, so the median is exact up to about 20,000 incidents with
 * that figure in one month and group (checked up to 10,000 against the exact median); beyond that it is
 * t-digest's approximation. Action items are not indexed: they come from the database ({@link OpenActionItems}).
 */
@Component
@Conditional(SearchConfiguration.ElasticsearchConfigured.class)
public class ElasticsearchIncidentInsights implements IncidentInsights {

    static final String ENGINE = "elasticsearch";

    /** Keeps the median exact for every bucket a team meets; see the class comment. */
    static final int COMPRESSION = 1000;

    /** More groups than any dimension has (severities, services, vendors, policies). */
    private static final int GROUPS = 10_000;

    private static final String MONTHS = "months";
    private static final String GROUPED = "groups";
    private static final String CASES = "cases";
    private static final String OPENED = "opened";
    private static final String VENDORS = "vendors";
    private static final String RESPONSE = "response";
    private static final String MEDIAN = "-median";

    /** The figures of a row and the document field each is computed from. */
    private static final Map<String, String> DURATIONS = durations();

    private final ElasticsearchClient client;
    private final String alias;
    private final OpenActionItems actionItems;

    ElasticsearchIncidentInsights(ElasticsearchClient client, SearchProperties properties, OpenActionItems actionItems) {
        this.client = client;
        this.alias = properties.indexPrefix() + "-" + DocType.INCIDENT.code();
        this.actionItems = actionItems;
    }

    private static Map<String, String> durations() {
        Map<String, String> durations = new LinkedHashMap<>();
        durations.put("mtta", "incident.mttaSeconds");
        durations.put("mttr", "incident.mttrSeconds");
        durations.put("timeToDetect", "incident.timeToDetectSeconds");
        durations.put("timeToMitigate", "incident.timeToMitigateSeconds");
        return durations;
    }

    /**
     * @throws UncheckedIOException  when Elasticsearch cannot be reached or does not answer in time
     * @throws RuntimeException      any error Elasticsearch answers with (no index yet, say)
     */
    @Override
    public Insights figures(InsightsQuery query) {
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b.filter(term("type", DocType.INCIDENT.code()))
                            .filter(term("incident.kind", "incident"))))
                    .aggregations("counted", counted(query))
                    .aggregations(CASES, vendorCases(query)), Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer the insights search", e);
        }
        Aggregate counted = response.aggregations().get("counted");
        List<Insights.Row> totals = new ArrayList<>();
        List<Insights.Row> rows = new ArrayList<>();
        for (DateHistogramBucket month : counted.filter().aggregations().get(MONTHS).dateHistogram().buckets().array()) {
            if (month.docCount() == 0) {
                continue;
            }
            totals.add(row(month.keyAsString(), "all", month.docCount(), month.aggregations()));
            Map<String, StringTermsBucket> groups = new TreeMap<>();
            for (StringTermsBucket group : month.aggregations().get(GROUPED).sterms().buckets().array()) {
                groups.put(group.key().stringValue(), group);
            }
            groups.forEach((group, bucket) -> rows.add(row(month.keyAsString(), group, bucket.docCount(),
                    bucket.aggregations())));
        }
        return new Insights(ENGINE, query.from().toString(), query.to().toString(), query.by().code(),
                query.months().stream().map(YearMonth::toString).toList(), totals, rows,
                vendorResponse(response.aggregations().get(CASES)), actionItems.now());
    }

    /** The incidents that count, per month and group, with the durations of each. */
    private static Aggregation counted(InsightsQuery query) {
        Aggregation groups = Aggregation.of(a -> a.terms(t -> t.field(field(query.by())).size(GROUPS)
                        .missing(Figures.NONE))
                .aggregations(figures()));
        Aggregation months = Aggregation.of(a -> a.dateHistogram(h -> h.field("incident.declaredAt")
                        .calendarInterval(CalendarInterval.Month).timeZone("UTC").format("yyyy-MM").minDocCount(0)
                        .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value((double) query.start().toEpochMilli())))
                                .max(FieldDateMath.of(m -> m.value((double) query.end().toEpochMilli() - 1)))))
                .aggregations(figures())
                .aggregations(GROUPED, groups));
        return Aggregation.of(a -> a.filter(f -> f.bool(b -> b.mustNot(term("status", "cancelled"))
                        .filter(range("incident.declaredAt", query))))
                .aggregations(MONTHS, months));
    }

    /** Every case opened with a vendor in the months asked for, whatever became of its incident. */
    private static Aggregation vendorCases(InsightsQuery query) {
        Aggregation vendors = Aggregation.of(a -> a.terms(t -> t.field("incident.vendorCases.vendor").size(GROUPS))
                .aggregations(RESPONSE, stats("incident.vendorCases.responseSeconds"))
                .aggregations(RESPONSE + MEDIAN, median("incident.vendorCases.responseSeconds")));
        Aggregation opened = Aggregation.of(a -> a.dateHistogram(h -> h.field("incident.vendorCases.openedAt")
                        .calendarInterval(CalendarInterval.Month).timeZone("UTC").format("yyyy-MM"))
                .aggregations(VENDORS, vendors));
        Aggregation inRange = Aggregation.of(a -> a.filter(range("incident.vendorCases.openedAt", query))
                .aggregations(OPENED, opened));
        return Aggregation.of(a -> a.nested(n -> n.path("incident.vendorCases")).aggregations("inRange", inRange));
    }

    private static List<Insights.VendorResponse> vendorResponse(Aggregate cases) {
        List<Insights.VendorResponse> response = new ArrayList<>();
        Aggregate inRange = cases.nested().aggregations().get("inRange");
        for (DateHistogramBucket month : inRange.filter().aggregations().get(OPENED).dateHistogram().buckets().array()) {
            Map<String, StringTermsBucket> vendors = new TreeMap<>();
            for (StringTermsBucket vendor : month.aggregations().get(VENDORS).sterms().buckets().array()) {
                vendors.put(vendor.key().stringValue(), vendor);
            }
            vendors.forEach((vendor, bucket) -> response.add(new Insights.VendorResponse(month.keyAsString(), vendor,
                    Math.toIntExact(bucket.docCount()), figure(bucket.aggregations(), RESPONSE))));
        }
        return response;
    }

    private static Map<String, Aggregation> figures() {
        Map<String, Aggregation> figures = new LinkedHashMap<>();
        DURATIONS.forEach((name, field) -> {
            figures.put(name, stats(field));
            figures.put(name + MEDIAN, median(field));
        });
        return figures;
    }

    private static Insights.Row row(String month, String group, long incidents, Map<String, Aggregate> figures) {
        return new Insights.Row(month, group, Math.toIntExact(incidents), figure(figures, "mtta"),
                figure(figures, "mttr"), figure(figures, "timeToDetect"), figure(figures, "timeToMitigate"));
    }

    /** Rounded as {@link Figures} rounds: the mean of whole seconds, and the median as Elasticsearch finds it. */
    private static Insights.Figure figure(Map<String, Aggregate> aggregates, String name) {
        StatsAggregate stats = aggregates.get(name).stats();
        if (stats.count() == 0) {
            return new Insights.Figure(0, null, null);
        }
        long sum = (long) stats.sum();
        List<ArrayPercentilesItem> median = aggregates.get(name + MEDIAN).tdigestPercentiles().values().array();
        return new Insights.Figure(Math.toIntExact(stats.count()), Math.round((double) sum / stats.count()),
                Math.round(median.get(0).value()));
    }

    private static Aggregation stats(String field) {
        return Aggregation.of(a -> a.stats(s -> s.field(field)));
    }

    private static Aggregation median(String field) {
        return Aggregation.of(a -> a.percentiles(p -> p.field(field).percents(50.0).keyed(false)
                .tdigest(t -> t.compression(COMPRESSION))));
    }

    private static String field(Dimension by) {
        return switch (by) {
            case SEVERITY -> "severity";
            case SERVICE -> "services";
            case VENDOR -> "vendors";
            case POLICY -> "incident.policy";
        };
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query range(String field, InsightsQuery query) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field).gte(query.start().toString())
                .lt(query.end().toString()))));
    }
}
