package org.blackstart.app.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.blackstart.app.incident.IncidentRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** "Seen before?" is asked while an incident is declared: an Elasticsearch that hangs must not hold that up. */
class SeenBeforeBudgetTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final ElasticsearchSeenBefore cluster = mock(ElasticsearchSeenBefore.class);
    @SuppressWarnings("unchecked")
    private final ObjectProvider<ElasticsearchSeenBefore> provider = mock(ObjectProvider.class);
    private final IncidentRecord incident = new IncidentRecord("INC-2026-0042", "Storage array failover failed", null,
            "SEV1", "open", "mail", null, "commander", Instant.now(), Instant.now(), null, null, null, null);

    @Test
    void anElasticsearchThatHangsIsLeftForTheDatabaseWithinTheBudget() {
        // given an Elasticsearch that answers after ten seconds
        when(provider.getIfAvailable()).thenReturn(cluster);
        when(cluster.similar(any(), any(), any(), anyInt())).thenAnswer(invocation -> {
            Thread.sleep(10_000);
            return Map.of("INC-2026-0001", 1.0);
        });
        SeenBefore seenBefore = new SeenBefore(jdbc, new ObjectMapper(), provider, Clock.systemUTC(),
                Duration.ofMillis(300));

        // when the incident is asked about
        long started = System.nanoTime();
        seenBefore.of(incident);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then the database answered, well before Elasticsearch would have
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        verify(jdbc).query(contains("closed_at IS NOT NULL AND status <> 'cancelled' AND incident_key <> ?"),
                any(RowCallbackHandler.class), anyString());
    }

    @Test
    void anElasticsearchThatAnswersInTimeIsTheAnswer() {
        // given an Elasticsearch that answers at once
        when(provider.getIfAvailable()).thenReturn(cluster);
        when(cluster.similar(any(), any(), any(), anyInt())).thenReturn(Map.of());
        SeenBefore seenBefore = new SeenBefore(jdbc, new ObjectMapper(), provider, Clock.systemUTC(),
                Duration.ofMillis(300));

        // when the incident is asked about
        seenBefore.of(incident);

        // then the database was not asked to compare
        verify(jdbc, never()).query(contains("incident_key <> ?"), any(RowCallbackHandler.class), anyString());
    }
}
