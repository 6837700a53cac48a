package org.blackstart.app.e2e.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.blackstart.app.e2e.Api;
import org.blackstart.app.search.DocType;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.elasticsearch.ElasticsearchServer;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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

    protected Api api() {
        return new Api(http);
    }

    /** The alias that writers and readers of {@code type} use, e.g. {@code <prefix>-timeline}. */
    protected static String alias(DocType type) {
        return INDEX_PREFIX + "-" + type.code();
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
