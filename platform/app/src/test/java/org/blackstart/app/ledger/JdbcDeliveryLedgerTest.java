package org.blackstart.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger.Claim;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's lease rules on the real schema. */
class JdbcDeliveryLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T23:45:00Z"));
    private JdbcDeliveryLedger ledger;
    private Timeline timeline;
    private final DeliveryKey ann = new DeliveryKey("INC-2026-0001", "initial", "email", "ann@customer.example");

    @BeforeEach
    void schema() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        timeline = new Timeline(jdbc, clock);
        ledger = new JdbcDeliveryLedger(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                timeline, clock);
    }

    @Test
    void theFirstClaimSendsAndASentDeliveryIsNeverSentAgain() {
        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
        ledger.markSent(ann, "<id@example>");

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.ALREADY_SENT);
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.ALREADY_SENT);
    }

    @Test
    void aLiveClaimOfAnotherWorkerIsInProgress() {
        ledger.claim(ann, Duration.ofMinutes(2));

        clock.advance(Duration.ofSeconds(30));

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.IN_PROGRESS);
    }

    @Test
    void theClaimOfADeadWorkerExpiresSoTheDeliveryIsNotLost() {
        ledger.claim(ann, Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(3));

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
        assertThat(ledger.of("INC-2026-0001")).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(2));
    }

    @Test
    void aReleasedClaimCanBeTakenAtOnce() {
        ledger.claim(ann, Duration.ofMinutes(2));

        ledger.release(ann, "SMTP send failed");

        assertThat(ledger.claim(ann, Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
    }

    @Test
    void aDeliveryGoesOnTheIncidentTimeline() {
        ledger.claim(ann, Duration.ofMinutes(2));

        ledger.markSent(ann, "<id@example>");

        assertThat(timeline.of("INC-2026-0001")).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineKind.NOTICE_DELIVERED);
            assertThat(entry.detail()).isEqualTo("initial notice delivered by email to ann@customer.example");
        });
    }

    @Test
    void aDeliveredPageGoesOnTheTimelineAsAPageNotANotice() {
        DeliveryKey page = new DeliveryKey("INC-2026-0001", "L2-R1-A1", "phone", "oncall-2");
        ledger.claim(page, Duration.ofMinutes(2));

        ledger.markSent(page, "CA42");

        assertThat(timeline.of("INC-2026-0001")).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineKind.PAGING);
            assertThat(entry.detail()).isEqualTo("page L2-R1-A1 delivered by phone to oncall-2 (CA42)");
        });
    }

    @Test
    void recipientsAreIndependent() {
        ledger.claim(ann, Duration.ofMinutes(2));
        ledger.markSent(ann, "x");

        assertThat(ledger.claim(new DeliveryKey("INC-2026-0001", "initial", "email", "bob@customer.example"),
                Duration.ofMinutes(2))).isEqualTo(Claim.SEND);
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
