package org.blackstart.app.insights;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * What the API and the page ask: Elasticsearch when it is configured and answers, the database otherwise. The
 * database is the source of truth and always holds the same incidents, so an Elasticsearch failure or timeout is
 * no error for the reader: the figures come from the database and say so ({@code engine: database}). A failure is
 * logged once when it starts and once when Elasticsearch answers again, not on every read in between.
 */
@Primary
@Component
class PreferredIncidentInsights implements IncidentInsights {

    private static final Logger LOG = LoggerFactory.getLogger(PreferredIncidentInsights.class);

    private final IncidentInsights database;
    private final IncidentInsights elasticsearch;
    private final AtomicBoolean failing = new AtomicBoolean();

    @Autowired
    PreferredIncidentInsights(DatabaseIncidentInsights database,
                              ObjectProvider<ElasticsearchIncidentInsights> elasticsearch) {
        this(database, elasticsearch.getIfAvailable());
    }

    /** @param elasticsearch {@code null} without Elasticsearch */
    PreferredIncidentInsights(IncidentInsights database, IncidentInsights elasticsearch) {
        this.database = database;
        this.elasticsearch = elasticsearch;
    }

    @Override
    public Insights figures(InsightsQuery query) {
        if (elasticsearch == null) {
            return database.figures(query);
        }
        Insights figures;
        try {
            figures = elasticsearch.figures(query);
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("BLACKSTART-INSIGHTS-001 Elasticsearch did not answer the insights ({}); the database "
                        + "answers them until it does", reason(e));
            }
            return database.figures(query);
        }
        if (failing.compareAndSet(true, false)) {
            LOG.info("BLACKSTART-INSIGHTS-002 Elasticsearch answers the insights again");
        }
        return figures;
    }

    /** The kind of failure, without the request: enough to tell a timeout from a missing index. */
    private static String reason(RuntimeException e) {
        Throwable cause = e.getCause() != null && e instanceof java.io.UncheckedIOException ? e.getCause() : e;
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("[\\p{Cntrl}]", " ");
        return cause.getClass().getSimpleName() + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }
}
