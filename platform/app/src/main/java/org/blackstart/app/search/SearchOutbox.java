package org.blackstart.app.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    public SearchOutbox(JdbcTemplate jdbc, Clock clock, SearchProperties properties) {
        this(jdbc, clock, properties.elasticsearchEnabled());
    }

    private SearchOutbox(JdbcTemplate jdbc, Clock clock, boolean enabled) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** An outbox that writes nothing, for the stores' unit tests, which run without Elasticsearch. */
    public static SearchOutbox none() {
        return new SearchOutbox(null, Clock.systemUTC(), false);
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

    /**
     * Every row of {@code type} that {@code fromWhere} selects ({@code "FROM bs_alert WHERE group_id = ?"}), in one
     * {@code INSERT ... SELECT}: for changes that touch rows the caller does not hold the keys of.
     *
     * @param idColumn the row key's column, e.g. {@code id} or {@code incident_key}
     */
    public void changedWhere(DocType type, String idColumn, String fromWhere, Object... args) {
        if (enabled) {
            Object[] all = new Object[args.length + 1];
            all[0] = Timestamp.from(clock.instant());
            System.arraycopy(args, 0, all, 1, args.length);
            jdbc.update("INSERT INTO bs_search_outbox (doc_type, doc_id, enqueued_at) SELECT '" + type.code() + "', CAST("
                    + idColumn + " AS VARCHAR(64)), CAST(? AS TIMESTAMP WITH TIME ZONE) " + fromWhere, all);
        }
    }

    /**
     * The incident's severity, affected services or vendors changed: its other documents carry them too, so every
     * one of them is indexed again (one statement per table).
     */
    public void incidentRetagged(String incidentKey) {
        if (enabled && incidentKey != null) {
            changed(DocType.INCIDENT, incidentKey);
            changedWhere(DocType.TIMELINE, "id", "FROM bs_timeline WHERE incident_key = ?", incidentKey);
            changedWhere(DocType.ALERT, "id", "FROM bs_alert WHERE incident_key = ?", incidentKey);
            changedWhere(DocType.NOTICE, "id", "FROM bs_notice_text WHERE incident_key = ?", incidentKey);
            changedWhere(DocType.VENDOR_MESSAGE, "id", "FROM bs_vendor_message WHERE incident_key = ?", incidentKey);
            changedWhere(DocType.POSTMORTEM, "incident_key", "FROM bs_postmortem WHERE incident_key = ?", incidentKey);
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
