package org.blackstart.app.alert.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.blackstart.app.incident.Severity;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several platform nodes check the same heartbeats at the same instant, each in its own
 * transactions on the shared database: every missed heartbeat raises exactly one alert, on H2 and on
 * the PostgreSQL that production nodes share.
 */
class HeartbeatRaceTest {

    private static final Instant START = Instant.parse("2026-11-23T23:00:00Z");
    private static final int HEARTBEATS = 20;
    private static final int NODES = 3;

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:heartbeat-race-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyMissedHeartbeatFiresOnceWhateverTheNumberOfNodes(String database, DataSource dataSource) throws Exception {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, HeartbeatProperties.Heartbeat> configured = new LinkedHashMap<>();
        IntStream.range(0, HEARTBEATS).forEach(i -> configured.put("job-" + i, new HeartbeatProperties.Heartbeat(
                Duration.ofMinutes(5), Duration.ofMinutes(1), Severity.SEV2, "Job {{labels.heartbeat}} silent", List.of(), null)));
        List<Heartbeats> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            nodes.add(new Heartbeats(new HeartbeatProperties(configured), jdbc, new HeartbeatInbox(jdbc, new ObjectMapper()),
                    new DataSourceTransactionManager(dataSource), List.of(), Clock.fixed(START, ZoneOffset.UTC)));
        }
        nodes.forEach(Heartbeats::register);

        // when every node checks at once, well after the deadline
        Instant later = START.plus(Duration.ofMinutes(10));
        CyclicBarrier together = new CyclicBarrier(NODES);
        List<CompletableFuture<List<String>>> checks = nodes.stream().map(node -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return node.check(later);
        })).toList();
        List<String> fired = new ArrayList<>();
        for (CompletableFuture<List<String>> check : checks) {
            fired.addAll(check.get(60, TimeUnit.SECONDS));
        }

        // then
        assertThat(fired).as("heartbeats fired across all nodes").hasSize(HEARTBEATS).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert_inbox WHERE source = 'heartbeat' AND status = 'FIRING'",
                Integer.class)).as("alerts raised").isEqualTo(HEARTBEATS);
        assertThat(nodes.get(0).check(later.plusSeconds(60))).as("a missed heartbeat does not fire again").isEmpty();
    }
}
