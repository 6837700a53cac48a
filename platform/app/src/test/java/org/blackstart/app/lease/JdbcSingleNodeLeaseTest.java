package org.blackstart.app.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One node at a time polls a vendor: the lease rules on the real schema, on H2 and on PostgreSQL. */
class JdbcSingleNodeLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(90);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T23:45:00Z"));

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())));
    }

    private JdbcTemplate schema(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM bs_node_lease");
        return jdbc;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstNodeTakesAFreeLeaseAndKeepsRenewingIt(String db, DataSource dataSource) {
        JdbcTemplate jdbc = schema(dataSource);
        JdbcSingleNodeLease alpha = new JdbcSingleNodeLease(jdbc, clock, "alpha");
        JdbcSingleNodeLease beta = new JdbcSingleNodeLease(jdbc, clock, "beta");

        assertThat(alpha.tryHold("vendor-poll:email:storeco", TTL)).isTrue();
        assertThat(beta.tryHold("vendor-poll:email:storeco", TTL)).isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(alpha.tryHold("vendor-poll:email:storeco", TTL)).as("renewed by its holder").isTrue();
        clock.advance(Duration.ofSeconds(60));
        // 120 s after the first take, but only 60 s after the renewal: still alpha's.
        assertThat(beta.tryHold("vendor-poll:email:storeco", TTL)).isFalse();
        assertThat(jdbc.queryForObject("SELECT holder FROM bs_node_lease WHERE name = ?", String.class,
                "vendor-poll:email:storeco")).isEqualTo("alpha");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherNodeTakesOverWhenTheHolderStopsRenewing(String db, DataSource dataSource) {
        JdbcTemplate jdbc = schema(dataSource);
        JdbcSingleNodeLease alpha = new JdbcSingleNodeLease(jdbc, clock, "alpha");
        JdbcSingleNodeLease beta = new JdbcSingleNodeLease(jdbc, clock, "beta");
        alpha.tryHold("vendor-poll:servicenow:main", TTL);

        clock.advance(TTL.plusSeconds(1));

        assertThat(beta.tryHold("vendor-poll:servicenow:main", TTL)).isTrue();
        assertThat(alpha.tryHold("vendor-poll:servicenow:main", TTL)).as("the old holder is out").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void leasesOfDifferentNamesAreIndependent(String db, DataSource dataSource) {
        JdbcTemplate jdbc = schema(dataSource);

        assertThat(new JdbcSingleNodeLease(jdbc, clock, "alpha").tryHold("vendor-poll:jira:a", TTL)).isTrue();
        assertThat(new JdbcSingleNodeLease(jdbc, clock, "beta").tryHold("vendor-poll:jira:b", TTL)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void nodesRacingForALeaseNeverBothHoldIt(String db, DataSource dataSource) throws Exception {
        JdbcTemplate jdbc = schema(dataSource);
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 10; round++) {
                // Free in round 0, expired in every later round: each round is a takeover race.
                clock.advance(TTL.plusSeconds(1));
                String name = "vendor-poll:email:race";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int node = 0; node < nodes; node++) {
                    JdbcSingleNodeLease lease = new JdbcSingleNodeLease(jdbc, clock, "node-" + round + "-" + node);
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return lease.tryHold(name, TTL);
                    }));
                }
                start.countDown();
                int holders = 0;
                for (Future<Boolean> attempt : attempts) {
                    holders += attempt.get() ? 1 : 0;
                }
                assertThat(holders).as("holders in round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNodeWithoutAConfiguredIdGetsAUniqueOne(String db, DataSource dataSource) {
        JdbcTemplate jdbc = schema(dataSource);
        JdbcSingleNodeLease first = new JdbcSingleNodeLease(jdbc, clock, new LeaseProperties(null));
        JdbcSingleNodeLease second = new JdbcSingleNodeLease(jdbc, clock, new LeaseProperties(null));

        assertThat(first.nodeId()).isNotEqualTo(second.nodeId());
        assertThat(first.tryHold("heartbeats", TTL)).isTrue();
        assertThat(second.tryHold("heartbeats", TTL)).isFalse();
    }

    /** A clock the test moves; read from several threads. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
