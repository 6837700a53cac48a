package org.blackstart.app.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchConfiguration;
import org.blackstart.app.search.SearchProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * "Seen before?" on Elasticsearch: {@code more_like_this} on the incident documents' title and text, with the
 * incident's own title and summary as the text to be like (taken from the database, so a just-declared incident
 * that is not indexed yet is compared too), and its services and alert labels as {@code terms} that add to the score.
 */
@Component
@Conditional(SearchConfiguration.ElasticsearchConfigured.class)
class ElasticsearchSeenBefore {

    private final ElasticsearchClient client;
    private final String alias;

    ElasticsearchSeenBefore(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.alias = properties.indexPrefix() + "-" + DocType.INCIDENT.code();
    }

    /** Incident key to score, at most {@code max}. */
    Map<String, Double> similar(IncidentRecord incident, Set<String> services, Set<String> labels, int max) {
        String like = incident.title() + (incident.summary() == null ? "" : "\n" + incident.summary());
        SearchResponse<Void> response;
        try {
            response = client.search(s -> s.index(alias).ignoreUnavailable(true).allowNoIndices(true).size(max)
                    .source(src -> src.fetch(false))
                    .query(q -> q.bool(b -> {
                        // like the database: labels alone say little, the title or the services must be alike
                        b.must(m -> m.bool(alike -> {
                            alike.should(sh -> sh.moreLikeThis(mlt -> mlt.fields("title", "text").like(l -> l.text(like))
                                    .minTermFreq(1).minDocFreq(1).maxQueryTerms(25).minimumShouldMatch("1")));
                            if (!services.isEmpty()) {
                                alike.should(sh -> sh.terms(t -> t.field("services").boost(2.0f)
                                        .terms(v -> v.value(services.stream().map(FieldValue::of).toList()))));
                            }
                            return alike.minimumShouldMatch("1");
                        }));
                        if (!labels.isEmpty()) {
                            b.should(sh -> sh.terms(t -> t.field("labels").boost(0.5f)
                                    .terms(v -> v.value(labels.stream().map(FieldValue::of).toList()))));
                        }
                        b.filter(f -> f.term(t -> t.field("incident.kind").value("incident")));
                        b.filter(f -> f.exists(e -> e.field("incident.closedAt")));
                        b.mustNot(n -> n.ids(i -> i.values(incident.key())));
                        b.mustNot(n -> n.term(t -> t.field("status").value("cancelled")));
                        return b;
                    })), Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Hit<Void> hit : response.hits().hits()) {
            scores.put(hit.id(), hit.score() == null ? 0 : hit.score());
        }
        return scores;
    }
}
