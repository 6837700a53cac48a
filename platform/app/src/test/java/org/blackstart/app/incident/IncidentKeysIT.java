package org.blackstart.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident keys when two nodes declare the first incident of a year at the same moment, on both
 * databases Blackstart supports. The race is forced: the second node's counter insert waits on the
 * first node's uncommitted one, then fails on the unique key when the first commits.
 */
class IncidentKeysIT {

    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2031-01-01T00:00:05Z"), ZoneOffset.UTC);

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("PostgreSQL", new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(),
                        postgres.username(), postgres.password()),
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"),
                Arguments.of("H2", new SimpleDriverDataSource(new org.h2.Driver(),
                        "jdbc:h2:mem:incident-keys;DB_CLOSE_DELAY=-1", "sa", ""),
                        "SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoNodesOpeningTheYearGetConsecutiveKeys(String name, DataSource dataSource, String blockedSessions) throws Exception {
        // given
        Flyway.configure().dataSource(dataSource).table("bs_schema_history").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        IncidentKeys firstNode = new IncidentKeys(jdbc, transactionManager, NEW_YEAR);
        IncidentKeys secondNode = new IncidentKeys(jdbc, transactionManager, NEW_YEAR);
        CountDownLatch firstHoldsTheYear = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);

        // when
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            String key = firstNode.next();
            firstHoldsTheYear.countDown();
            awaitQuietly(secondIsWaiting);
            return key;
        }));
        assertThat(firstHoldsTheYear.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> secondNode.next()));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(blockedSessions, Integer.class) > 0);
        secondIsWaiting.countDown();

        // then
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo("INC-2031-0001");
        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo("INC-2031-0002");
        assertThat(jdbc.queryForObject("SELECT last_seq FROM bs_incident_counter WHERE counter_year = 2031", Long.class))
                .isEqualTo(2L);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
