package org.blackstart.app.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tells search that a row changed: one {@code bs_search_outbox} row, in the transaction of the change (the caller's
 * {@link JdbcTemplate} work joins it), so what commits is indexed and what rolls back is not. Call it wherever a
 * searchable row is written. Without Elasticsearch it writes nothing: a reindex builds the indices from the tables
 * when one is configured later.
 */
@Repository
public class SearchOutbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean enabled;

    public SearchOutbox(JdbcTemplate jdbc, Clock clock, SearchProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = properties.elasticsearchEnabled();
    }

    /** The row {@code id} of {@code type} changed (was written, updated or deleted). */
    public void changed(DocType type, String id) {
        if (enabled && id != null) {
            jdbc.update("INSERT INTO bs_search_outbox (doc_type, doc_id, enqueued_at) VALUES (?, ?, ?)", type.code(), id,
                    Timestamp.from(clock.instant()));
        }
    }

    /** {@link #changed(DocType, String)} for several rows of one type, in one batch. */
    public void changed(DocType type, Collection<String> ids) {
        if (enabled && !ids.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            List<Object[]> rows = ids.stream().map(id -> new Object[] {type.code(), id, now}).toList();
            jdbc.batchUpdate("INSERT INTO bs_search_outbox (doc_type, doc_id, enqueued_at) VALUES (?, ?, ?)", rows);
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
