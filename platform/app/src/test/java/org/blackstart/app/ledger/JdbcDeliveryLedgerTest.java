package org.blackstart.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger.Claim;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's lease rules and its batch claims, on the real schema, on H2 and on PostgreSQL. */
class JdbcDeliveryLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T23:45:00Z"));
    private final DeliveryKey ann = new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example");

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())));
    }

    private record Fixture(JdbcDeliveryLedger ledger, Timeline timeline, JdbcTemplate jdbc) {
    }

    /** A fresh schema per test: on PostgreSQL the database is shared by the class, so empty the tables. */
    private Fixture fixture(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM bs_delivery");
        jdbc.update("DELETE FROM bs_timeline");
        Timeline timeline = new Timeline(jdbc, clock);
        return new Fixture(new JdbcDeliveryLedger(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                timeline, clock), timeline, jdbc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstClaimSendsAndASentDeliveryIsNeverSentAgain(String db, DataSource dataSource) {
        var ledger = fixture(dataSource).ledger();
        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
        ledger.markSent(ann, "<id@example>");

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.ALREADY_SENT);
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.ALREADY_SENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLiveClaimOfAnotherWorkerIsInProgress(String db, DataSource dataSource) {
        var ledger = fixture(dataSource).ledger();
        ledger.claim(ann, Duration.ofMinutes(2));

        clock.advance(Duration.ofSeconds(30));

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.IN_PROGRESS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theClaimOfADeadWorkerExpiresSoTheDeliveryIsNotLost(String db, DataSource dataSource) {
        var ledger = fixture(dataSource).ledger();
        ledger.claim(ann, Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(3));

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
        assertThat(ledger.of("INC-2026-0001")).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReleasedClaimCanBeTakenAtOnce(String db, DataSource dataSource) {
        var ledger = fixture(dataSource).ledger();
        ledger.claim(ann, Duration.ofMinutes(2));

        ledger.release(ann, "SMTP send failed");

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRefusedRecipientIsNeverTriedAgain(String db, DataSource dataSource) {
        var ledger = fixture(dataSource).ledger();
        ledger.claim(ann, Duration.ofMinutes(2));

        ledger.markRefused(ann, "550 5.1.1 mailbox unknown");

        clock.advance(Duration.ofDays(1));
        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.ALREADY_SENT);
        assertThat(ledger.claimAll(List.of(ann), Duration.ofMinutes(2))).containsEntry(ann, Claim.ALREADY_SENT);
        assertThat(ledger.of("INC-2026-0001")).singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("REFUSED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNoticeDeliveryWritesNoTimelineLinePerRecipientButStaysVisibleOnTheIncident(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        fixture.ledger().claim(ann, Duration.ofMinutes(2));

        fixture.ledger().markSent(ann, "<id@example>");

        assertThat(fixture.timeline().of("INC-2026-0001")).isEmpty();
        assertThat(fixture.ledger().of("INC-2026-0001")).singleElement().satisfies(d -> {
            assertThat(d.recipient()).isEqualTo("ann@customer.example");
            assertThat(d.state()).isEqualTo("SENT");
            assertThat(d.sentAt()).isEqualTo(clock.instant());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeliveredPageGoesOnTheTimelineAsAPageNotANotice(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        DeliveryKey page = new DeliveryKey("INC-2026-0001", "L2-R1-A1", "phone", "oncall-2");
        fixture.ledger().claim(page, Duration.ofMinutes(2));

        fixture.ledger().markSent(page, "CA42");

        assertThat(fixture.timeline().of("INC-2026-0001")).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineKind.PAGING);
            assertThat(entry.detail()).isEqualTo("page L2-R1-A1 delivered by phone to oncall-2 (CA42)");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recipientsAreIndependent(String db, DataSource dataSource) {
        var ledger = fixture(dataSource).ledger();
        ledger.claim(ann, Duration.ofMinutes(2));
        ledger.markSent(ann, "x");

        assertThat(ledger.claim(new DeliveryKey("INC-2026-0001", "initial", "email", "bob@customer.example"),
                Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPageIsClaimedAndMarkedInBatchesWithTheSameRulesAsSingleClaims(String db, DataSource dataSource) {
        Fixture fixture = fixture(dataSource);
        var ledger = fixture.ledger();
        List<DeliveryKey> page = recipients(2500);
        DeliveryKey sent = page.get(0);
        DeliveryKey live = page.get(1);
        DeliveryKey expired = page.get(2);
        DeliveryKey released = page.get(3);
        DeliveryKey refused = page.get(4);
        ledger.claim(sent, Duration.ofMinutes(2));
        ledger.markSent(sent, "<0@example>");
        ledger.claim(expired, Duration.ofSeconds(10));
        ledger.claim(released, Duration.ofMinutes(2));
        ledger.release(released, "421 try later");
        ledger.claim(refused, Duration.ofMinutes(2));
        ledger.markRefused(refused, "550 no such user");
        clock.advance(Duration.ofSeconds(30));
        ledger.claim(live, Duration.ofMinutes(2));

        Map<DeliveryKey, Claim> claims = ledger.claimAll(page, Duration.ofMinutes(2));

        assertThat(claims).hasSize(2500);
        assertThat(new ArrayList<>(claims.keySet())).containsExactlyElementsOf(page);
        assertThat(claims).containsEntry(sent, Claim.ALREADY_SENT).containsEntry(live, Claim.IN_PROGRESS)
                .containsEntry(expired, Claim.SEND).containsEntry(released, Claim.SEND)
                .containsEntry(refused, Claim.ALREADY_SENT);
        assertThat(claims.values().stream().filter(c -> c == Claim.SEND)).hasSize(2497);
        // A second worker asking for the same page right after gets nothing to send.
        assertThat(ledger.claimAll(page, Duration.ofMinutes(2)).values()).doesNotContain(Claim.SEND);

        Map<DeliveryKey, String> accepted = new LinkedHashMap<>();
        claims.forEach((key, claim) -> {
            if (claim == Claim.SEND) {
                accepted.put(key, "<" + key.recipient() + ">");
            }
        });
        ledger.markAllSent(accepted);

        assertThat(fixture.jdbc().queryForObject("SELECT COUNT(*) FROM bs_delivery WHERE state = 'SENT'", Integer.class))
                .isEqualTo(2498);
        assertThat(fixture.jdbc().queryForObject("SELECT remote_reference FROM bs_delivery WHERE delivery_id = ?",
                String.class, expired.id())).isEqualTo("<" + expired.recipient() + ">");
        assertThat(fixture.jdbc().queryForObject("SELECT attempts FROM bs_delivery WHERE delivery_id = ?",
                Integer.class, expired.id())).isEqualTo(2);
        assertThat(fixture.timeline().of("INC-2026-0001")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoWorkersClaimingTheSamePagesAtOnceNeverBothSend(String db, DataSource dataSource) throws Exception {
        var ledger = fixture(dataSource).ledger();
        List<DeliveryKey> page = recipients(600);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Callable<Map<DeliveryKey, Claim>> claimPage = () -> ledger.claimAll(page, Duration.ofMinutes(2));
            List<Future<Map<DeliveryKey, Claim>>> both = workers.invokeAll(List.of(claimPage, claimPage));

            for (DeliveryKey key : page) {
                long senders = both.stream().filter(f -> get(f).get(key) == Claim.SEND).count();
                assertThat(senders).as("workers sending to %s", key.recipient()).isEqualTo(1);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static Map<DeliveryKey, Claim> get(Future<Map<DeliveryKey, Claim>> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<DeliveryKey> recipients(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new DeliveryKey("INC-2026-0001", "initial", "email", "customer-%05d@example.org".formatted(i)))
                .toList();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
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
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
