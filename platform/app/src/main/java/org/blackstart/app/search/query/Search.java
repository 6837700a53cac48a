package org.blackstart.app.search.query;

import java.util.concurrent.atomic.AtomicBoolean;
import org.blackstart.app.search.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Picks the engine: Elasticsearch when it is configured, the database otherwise, and the database again whenever
 * Elasticsearch fails or times out, so a search never fails because Elasticsearch is away (the answer says which
 * engine served it). The failure is logged once, when it starts, and its end once too, not once per search.
 */
@Component
class Search {

    private static final Logger log = LoggerFactory.getLogger(Search.class);

    private final DatabaseSearch database;
    private final ObjectProvider<ElasticsearchSearch> elasticsearch;
    private final AtomicBoolean failing = new AtomicBoolean();

    Search(DatabaseSearch database, ObjectProvider<ElasticsearchSearch> elasticsearch) {
        this.database = database;
        this.elasticsearch = elasticsearch;
    }

    SearchResult search(SearchRequest request, Audience reader) {
        ElasticsearchSearch cluster = elasticsearch.getIfAvailable();
        // a page that the database started (its cursor has no score) goes on there, so that it ends where it began
        if (cluster == null || (request.after() != null && request.hasWords() && request.after().score() == null)) {
            return database.search(request, reader);
        }
        try {
            SearchResult result = cluster.search(request, reader);
            if (failing.compareAndSet(true, false)) {
                log.info("BLACKSTART-SEARCH-101 Elasticsearch answers searches again");
            }
            return result;
        } catch (SearchProblem refused) {
            throw refused;
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn("BLACKSTART-SEARCH-100 Elasticsearch failed a search; searches are answered from the database "
                        + "until it answers again: {}", e.toString());
            }
            return database.search(request, reader);
        }
    }
}
