package org.blackstart.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchProperties;
import org.blackstart.app.search.index.SearchDocuments;
import org.blackstart.testkit.elasticsearch.ElasticsearchServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The same incidents give exactly the same figures from Elasticsearch's aggregations as from the database:
 * rows seeded on the real schema, their documents built by {@link SearchDocuments} (what the relay indexes) into an
 * index made from the application's template on the test kit's Elasticsearch. No application context: this compares
 * the two engines on many incidents; {@code e2e.InsightsOnElasticsearchIT} shows the API and the fallback.
 *
 * <p>Medians are equal because every bucket here is far below the size where Elasticsearch's t-digest stops keeping
 * all values (about 20,000 per month and group at the compression used); beyond it they would be approximations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchIncidentInsightsIT {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String PREFIX = "insights" + Long.toString(System.nanoTime(), 36);

    private final JdbcTemplate jdbc = database();
    private final OpenActionItems actionItems = new OpenActionItems(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    private final DatabaseIncidentInsights database = new DatabaseIncidentInsights(jdbc, actionItems);
    private Rest5Client restClient;
    private ElasticsearchClient client;
    private ElasticsearchIncidentInsights elasticsearch;

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    @BeforeAll
    void indexFromTheTemplate() throws IOException {
        restClient = Rest5Client.builder(List.of(URI.create(ElasticsearchServer.shared().baseUrl().toString()))).build();
        client = new ElasticsearchClient(new Rest5ClientTransport(restClient, new JacksonJsonpMapper(new ObjectMapper())));
        String template;
        try (InputStream in = new ClassPathResource("search/index-template.json").getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", PREFIX);
        }
        String body = template;
        client.indices().putIndexTemplate(t -> t.name(PREFIX).withJson(new StringReader(body)));
        client.indices().create(c -> c.index(PREFIX + "-incident-1").aliases(PREFIX + "-incident", a -> a));
        SearchProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "blackstart.search.index-prefix", PREFIX))).bindOrCreate("blackstart.search", SearchProperties.class);
        elasticsearch = new ElasticsearchIncidentInsights(client, properties, actionItems);
    }

    @AfterAll
    void removeIndex() throws IOException {
        client.indices().delete(d -> d.index(PREFIX + "-incident-1"));
        client.indices().deleteIndexTemplate(d -> d.name(PREFIX));
        restClient.close();
    }

    @Test
    void aHundredAndFiftyIncidentsGiveTheSameFiguresFromBothEnginesInEveryDimension() throws IOException {
        // given: incidents over five months with every kind of gap: no severity, no services, no policy, missing and
        // corrected key times, cases with and without acknowledgement, test and cancelled incidents
        seed(new Random(14), 150);
        indexAll();

        for (Dimension by : Dimension.values()) {
            // when
            InsightsQuery query = new InsightsQuery(YearMonth.parse("2026-02"), YearMonth.parse("2026-07"), by);
            Insights fromElasticsearch = elasticsearch.figures(query);
            Insights fromDatabase = database.figures(query);

            // then
            assertThat(fromElasticsearch.engine()).isEqualTo("elasticsearch");
            assertThat(fromDatabase.rows()).as(by + ": the seed gives figures to compare").hasSizeGreaterThan(10);
            assertThat(sameEngine(fromElasticsearch)).as(by.code()).isEqualTo(sameEngine(fromDatabase));
        }
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndEmptyMonthsHaveNoRows() throws IOException {
        // given: four SEV3 in 2025-05 with MTTA 60, 120, 181 and 600 s: median (120 + 181) / 2 = 150.5 -> 151
        long[] mtta = {600, 60, 181, 120};
        for (int i = 0; i < mtta.length; i++) {
            String key = "INC-2025-010" + i;
            incident(key, "2025-05-1" + i + "T08:00:00Z", "SEV3", "mail", "hosting-primary", "incident", "closed");
            keyTime(key, "detected", Instant.parse("2025-05-1" + i + "T07:00:00Z"));
            keyTime(key, "acknowledged", Instant.parse("2025-05-1" + i + "T07:00:00Z").plusSeconds(mtta[i]));
        }
        indexAll();

        // when
        Insights figures = elasticsearch.figures(new InsightsQuery(YearMonth.parse("2025-04"), YearMonth.parse("2025-06"),
                Dimension.SEVERITY));

        // then
        assertThat(figures.months()).containsExactly("2025-04", "2025-05", "2025-06");
        assertThat(figures.rows()).singleElement().satisfies(row -> {
            assertThat(row.month()).isEqualTo("2025-05");
            assertThat(row.group()).isEqualTo("SEV3");
            assertThat(row.incidents()).isEqualTo(4);
            assertThat(row.mtta()).isEqualTo(new Insights.Figure(4, 240L, 151L));
            assertThat(row.mttr()).isEqualTo(new Insights.Figure(0, null, null));
        });
    }

    private static Insights sameEngine(Insights insights) {
        return new Insights("any", insights.from(), insights.to(), insights.by(), insights.months(), insights.totals(),
                insights.rows(), insights.vendorResponse(), insights.actionItems());
    }

    private void seed(Random random, int count) {
        String[] severities = {"SEV1", "SEV2", "SEV3", "SEV4", null};
        String[] services = {"mail", "webmail", "mailings", "app-builder", "dns", "status"};
        String[] policies = {"hosting-primary", "storage", null};
        String[] vendors = {"hostly", "storeco", "netlink"};
        for (int i = 0; i < count; i++) {
            String key = "INC-2026-" + (1000 + i);
            // from mid January to mid August, so the first and last months asked for are cut at their edges
            Instant declared = Instant.parse("2026-01-15T00:00:00Z").plusSeconds(random.nextLong(210L * 24 * 3600));
            List<String> affected = new ArrayList<>();
            for (String service : services) {
                if (random.nextInt(4) == 0) {
                    affected.add(random.nextBoolean() ? service : " " + service);
                }
            }
            String kind = random.nextInt(12) == 0 ? "test" : "incident";
            String status = random.nextInt(10) == 0 ? "cancelled" : random.nextInt(5) == 0 ? "resolved" : "closed";
            incident(key, declared.toString(), severities[random.nextInt(severities.length)],
                    affected.isEmpty() ? null : String.join(",", affected), policies[random.nextInt(policies.length)], kind,
                    status);
            Instant impact = declared.minusSeconds(random.nextInt(3600));
            Instant detected = impact.plusSeconds(random.nextInt(1800));
            maybeKeyTime(random, key, "impact_started", impact);
            maybeKeyTime(random, key, "detected", detected);
            maybeKeyTime(random, key, "acknowledged", detected.plusSeconds(30 + random.nextInt(900)));
            maybeKeyTime(random, key, "mitigated", detected.plusSeconds(600 + random.nextInt(7200)));
            maybeKeyTime(random, key, "resolved", detected.plusSeconds(3600 + random.nextInt(40000)));
            if (random.nextInt(5) == 0) {
                // a correction: the later row is in force
                keyTime(key, "detected", detected.plusSeconds(random.nextInt(600) - 300));
            }
            for (int c = random.nextInt(3); c > 0; c--) {
                Instant opened = declared.plusSeconds(random.nextInt(4 * 24 * 3600));
                vendorCase(key, vendors[random.nextInt(vendors.length)], opened,
                        random.nextInt(4) == 0 ? null : opened.plusSeconds(random.nextInt(20000)));
            }
        }
        actionItem("INC-2026-1000", "Second power feed for rack A3", "oncall-1", "2026-03-01");
        actionItem("INC-2026-1001", "Alert on webmail login errors", "commander", "2099-01-01");
    }

    private void maybeKeyTime(Random random, String key, String name, Instant at) {
        if (random.nextInt(8) != 0) {
            keyTime(key, name, at);
        }
    }

    private void indexAll() throws IOException {
        List<String> keys = jdbc.queryForList("SELECT incident_key FROM bs_incident", String.class);
        Map<String, Map<String, Object>> documents = new SearchDocuments(jdbc, new ObjectMapper()).load(DocType.INCIDENT, keys);
        assertThat(documents).hasSameSizeAs(keys);
        var response = client.bulk(b -> {
            documents.forEach((id, document) -> b.operations(o -> o.index(i -> i.index(PREFIX + "-incident").id(id)
                    .document(document))));
            return b.refresh(Refresh.WaitFor);
        });
        assertThat(response.errors()).as(String.valueOf(response.items())).isFalse();
    }

    private void incident(String key, String declaredAt, String severity, String services, String policy, String kind,
                          String status) {
        jdbc.update("INSERT INTO bs_incident (incident_key, title, severity, status, affected_services, declared_by, "
                        + "declared_at, updated_at, process_instance_id, escalation_policy, kind) "
                        + "VALUES (?, ?, ?, ?, ?, 'commander', ?, ?, ?, ?, ?)",
                key, "Incident " + key, severity, status, services, ts(declaredAt), ts(declaredAt), "pi-" + key, policy, kind);
    }

    private void keyTime(String key, String name, Instant at) {
        jdbc.update("INSERT INTO bs_key_time (incident_key, name, at_time, set_by, recorded_at) VALUES (?, ?, ?, 'system', ?)",
                key, name, Timestamp.from(at), Timestamp.from(at));
    }

    private void vendorCase(String incident, String vendor, Instant opened, Instant acknowledged) {
        String number = "C-" + UUID.randomUUID();
        jdbc.update("INSERT INTO bs_vendor_case (incident_key, vendor, system, account, case_number, case_number_key, "
                        + "opened_at, acknowledged_at, state) VALUES (?, ?, 'email', 'acct', ?, ?, ?, ?, 'open')",
                incident, vendor, number, number, Timestamp.from(opened), acknowledged == null ? null : Timestamp.from(acknowledged));
    }

    private void actionItem(String incident, String title, String owner, String dueOn) {
        jdbc.update("INSERT INTO bs_action_item (incident_key, title, kind, owner, due_on, status, created_by, created_at) "
                + "VALUES (?, ?, 'prevent', ?, ?, 'open', 'commander', ?)", incident, title, owner, Date.valueOf(dueOn),
                ts("2026-01-16T10:00:00Z"));
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
