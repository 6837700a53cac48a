package org.blackstart.app.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Only the node that feeds Elasticsearch rebuilds it: on any other node a reindex is refused, naming the one that does. */
class SearchReindexTest {

    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final SearchIndices indices = mock(SearchIndices.class);
    private final SearchReindex reindex = new SearchReindex(mock(JdbcTemplate.class), mock(ElasticsearchClient.class),
            mock(SearchDocuments.class), indices, relay, Clock.systemUTC(), SearchOutboxTransactionTest.withElasticsearch());

    @Test
    void aNodeWithoutTheRelaysLeaseRefusesAndNamesTheNodeThatHasIt() {
        // given another node relays
        when(relay.holdsLeaseNow()).thenReturn(false);
        when(relay.leaseHolder()).thenReturn("node-b-1234");

        // when / then
        assertThatThrownBy(reindex::start).isInstanceOf(SearchReindex.Refused.class)
                .hasMessageContaining("node node-b-1234 does");
        assertThat(reindex.last()).as("nothing started").isNull();
        verifyNoInteractions(indices);
    }
}
