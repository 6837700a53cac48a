package org.blackstart.app.e2e.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blackstart.app.e2e.Api;
import org.blackstart.app.search.DocType;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.elasticsearch.ElasticsearchServer;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as in {@code PlatformIT}, but with search on the test kit's shared Elasticsearch: every
 * Elasticsearch-backed IT extends this and shares this ONE more application context. It mirrors PlatformIT instead
 * of extending it, because it needs a database of its own: the ITs here compare what is indexed with every row of
 * the tables, which must not hold the rows of the other context (written while no outbox was fed).
 *
 * <p>The index prefix is new per test run, so indices left by an earlier run on the same server never answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SearchPlatformIT {

    /** The shared Elasticsearch server of this test run; stop and start it only in try/finally. */
    protected static final ElasticsearchServer ELASTICSEARCH = ElasticsearchServer.shared();
    /** Every alias and index of this context starts with this and a dash. */
    protected static final String INDEX_PREFIX = "it" + Long.toString(System.currentTimeMillis(), 36);

    private static final int SMTP_PORT = LocalServers.freeLoopbackPort();
    private static final int IMAP_PORT = LocalServers.freeLoopbackPort();
    private static final JiraServiceDeskSimulation TEAM_JIRA = JiraServiceDeskSimulation.start();

    @DynamicPropertySource
    static void searchPlatform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-search-it;DB_CLOSE_DELAY=-1");
        registry.add("blackstart.search.elasticsearch.uris", () -> ELASTICSEARCH.baseUrl().toString());
        registry.add("blackstart.search.index-prefix", () -> INDEX_PREFIX);
        // back soon after an outage test starts the server again, instead of up to 30 s later
        registry.add("blackstart.search.relay.max-backoff", () -> "4s");
        registry.add("blackstart.demo.mail.smtp-port", () -> SMTP_PORT);
        registry.add("blackstart.demo.mail.imap-port", () -> IMAP_PORT);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retry-backoff", () -> "1s");
        registry.add("blackstart.statuspage.subscribe-limits.per-client-address", () -> 10);
        registry.add("blackstart.plugins.jira.actions.base-url", () -> TEAM_JIRA.baseUrl().toString());
        registry.add("blackstart.plugins.jira.actions.email", () -> JiraServiceDeskSimulation.EMAIL);
        registry.add("blackstart.plugins.jira.actions.api-token", () -> JiraServiceDeskSimulation.API_TOKEN);
        registry.add("blackstart.plugins.jira.actions.project", () -> JiraServiceDeskSimulation.TEAM_PROJECT);
        registry.add("blackstart.plugins.jira.actions.own-account-id", () -> JiraServiceDeskSimulation.OWN_ACCOUNT_ID);
        registry.add("blackstart.plugins.jira.actions.webhook-secret", () -> JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET);
    }

    @Autowired
    protected TestRestTemplate http;

    /** The application's own client (the one the relay and the searches use). */
    @Autowired
    protected ElasticsearchClient elasticsearch;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api() {
        return new Api(http);
    }

    /** The alias that writers and readers of {@code type} use, e.g. {@code <prefix>-timeline}. */
    protected static String alias(DocType type) {
        return INDEX_PREFIX + "-" + type.code();
    }

    /**
     * Waits until every shard of this context's indices has started: after Elasticsearch is started again, writes
     * wait for their shard, searches fail until it is back.
     */
    protected void awaitShardsStarted() {
        try {
            elasticsearch.cluster().health(h -> h.index(INDEX_PREFIX + "-*").waitForStatus(HealthStatus.Yellow)
                    .waitForNoInitializingShards(true).timeout(t -> t.time("90s")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of every document of {@code type} in its alias, paged with search_after on {@code id}. */
    protected Set<String> indexedIds(DocType type) {
        Set<String> ids = new HashSet<>();
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<Void> page;
                try {
                    page = elasticsearch.search(s -> {
                    s.index(alias(type)).size(5000).source(source -> source.fetch(false))
                            .sort(sort -> sort.field(f -> f.field("id")));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                    }, Void.class);
                } catch (ElasticsearchException failed) {
                    throw new IllegalStateException("searching " + alias(type) + ": " + failed.response(), failed);
                }
                if (page.hits().hits().isEmpty()) {
                    return ids;
                }
                page.hits().hits().forEach(hit -> ids.add(hit.id()));
                after = page.hits().hits().get(page.hits().hits().size() - 1).sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code _count} of the alias of {@code type}. */
    protected long indexedCount(DocType type) {
        try {
            return elasticsearch.count(c -> c.index(alias(type))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of every row of {@code type} in the database, as the documents' ids. */
    protected Set<String> rowIds(DocType type) {
        String sql = switch (type) {
            case TIMELINE -> "SELECT CAST(id AS VARCHAR(64)) FROM bs_timeline";
            case INCIDENT -> "SELECT incident_key FROM bs_incident";
            case ALERT -> "SELECT CAST(id AS VARCHAR(64)) FROM bs_alert";
            case NOTICE -> "SELECT CAST(id AS VARCHAR(64)) FROM bs_notice_text";
            case VENDOR_MESSAGE -> "SELECT CAST(id AS VARCHAR(64)) FROM bs_vendor_message";
            case POSTMORTEM -> "SELECT incident_key FROM bs_postmortem";
        };
        return new HashSet<>(jdbc.queryForList(sql, String.class));
    }

    /** Makes everything indexed so far visible to searches now, instead of within the next refresh interval. */
    protected void refresh(DocType... types) {
        try {
            elasticsearch.indices().refresh(r -> r.index(java.util.Arrays.stream(types.length == 0 ? DocType.values() : types)
                    .map(SearchPlatformIT::alias).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
