package org.blackstart.app.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.search.SearchOutbox;
import org.blackstart.app.search.SearchProperties;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox row is part of the change: it commits with it and rolls back with it. */
class SearchOutboxTransactionTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = migrated(dataSource);
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final SearchOutbox outbox = new SearchOutbox(jdbc, Clock.systemUTC(), withElasticsearch());
    private final Timeline timeline = new Timeline(jdbc, Clock.systemUTC(), outbox);
    private final IncidentRepository incidents = new IncidentRepository(jdbc, Clock.systemUTC(), outbox);

    private static JdbcTemplate migrated(DriverManagerDataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    static SearchProperties withElasticsearch() {
        return new SearchProperties("blackstart", new SearchProperties.Elasticsearch(List.of(URI.create("http://127.0.0.1:9200")),
                null, null, null, Duration.ofSeconds(2), Duration.ofSeconds(10)),
                new SearchProperties.Relay(Duration.ofMillis(250), 1000, Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    private List<Map<String, Object>> outboxRows() {
        return jdbc.queryForList("SELECT doc_type, doc_id FROM bs_search_outbox ORDER BY id");
    }

    @Test
    void aRolledBackNoteLeavesNoOutboxRowAndACommittedOneExactlyOne() {
        // given
        transactions.executeWithoutResult(tx -> incidents.insert("INC-2026-0001", "Rack B lost power", null, "SEV1",
                "commander", "pi-1", null));
        jdbc.update("DELETE FROM bs_search_outbox");

        // when a note is written in a transaction that rolls back
        transactions.executeWithoutResult(tx -> {
            timeline.add("INC-2026-0001", TimelineKind.NOTE, "commander", "rolled back", Timeline.VISIBLE_TO_ALL);
            tx.setRollbackOnly();
        });

        // then neither the entry nor its outbox row exists
        assertThat(outboxRows()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_timeline", Integer.class)).isZero();

        // when one commits
        long id = transactions.execute(tx -> timeline.add("INC-2026-0001", TimelineKind.NOTE, "commander", "committed",
                Timeline.VISIBLE_TO_COMMANDERS).id());

        // then exactly one outbox row names it
        assertThat(outboxRows()).containsExactly(Map.of("DOC_TYPE", "timeline", "DOC_ID", String.valueOf(id)));
        assertThat(jdbc.queryForObject("SELECT visibility FROM bs_timeline WHERE id = ?", String.class, id))
                .isEqualTo("commanders");
    }

    @Test
    void aRetriageEnqueuesEveryDocumentOfTheIncident() {
        // given an incident with two timeline entries and a postmortem, and another incident
        incidents.insert("INC-2026-0002", "Storage vendor patch failed", null, "SEV2", "commander", "pi-2", null);
        incidents.insert("INC-2026-0003", "Other", null, "SEV3", "commander", "pi-3", null);
        long first = timeline.add("INC-2026-0002", TimelineKind.NOTE, "commander", "one").id();
        long second = timeline.add("INC-2026-0002", TimelineKind.NOTE, "commander", "two").id();
        timeline.add("INC-2026-0003", TimelineKind.NOTE, "commander", "elsewhere");
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, created_at, updated_at) VALUES ('INC-2026-0002', "
                + "'draft', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        jdbc.update("DELETE FROM bs_search_outbox");

        // when its severity changes
        incidents.update("INC-2026-0002", "SEV1", null, null, null);

        // then the incident and each of its documents (and nothing of the other incident) are enqueued
        assertThat(outboxRows()).containsExactlyInAnyOrder(Map.of("DOC_TYPE", "incident", "DOC_ID", "INC-2026-0002"),
                Map.of("DOC_TYPE", "timeline", "DOC_ID", String.valueOf(first)),
                Map.of("DOC_TYPE", "timeline", "DOC_ID", String.valueOf(second)),
                Map.of("DOC_TYPE", "postmortem", "DOC_ID", "INC-2026-0002"));

        // and a status change alone enqueues the incident only
        jdbc.update("DELETE FROM bs_search_outbox");
        incidents.update("INC-2026-0002", null, null, null, "mitigated");
        assertThat(outboxRows()).containsExactly(Map.of("DOC_TYPE", "incident", "DOC_ID", "INC-2026-0002"));
    }
}
