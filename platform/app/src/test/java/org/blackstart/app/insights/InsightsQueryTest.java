package org.blackstart.app.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InsightsQueryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void withoutMonthsItIsTheLastTwelveUpToThisOneBySeverity() {
        InsightsQuery query = InsightsQuery.parse(null, "", null, CLOCK);

        assertThat(query).isEqualTo(new InsightsQuery(YearMonth.parse("2026-01"), YearMonth.parse("2026-12"), Dimension.SEVERITY));
        assertThat(query.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void thirtySixMonthsAreAllowed() {
        InsightsQuery query = InsightsQuery.parse("2024-01", "2026-12", "vendor", CLOCK);

        assertThat(query.months()).hasSize(36);
        assertThat(query.by()).isEqualTo(Dimension.VENDOR);
    }

    @Test
    void badQueriesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> InsightsQuery.parse("2026-13", "2026-12", null, CLOCK))
                .isInstanceOf(InsightsProblem.class).hasMessage("from must be a month like 2026-01, was '2026-13'");
        assertThatThrownBy(() -> InsightsQuery.parse("2026-1", "2026-12", null, CLOCK))
                .isInstanceOf(InsightsProblem.class).hasMessageStartingWith("from must be a month");
        assertThatThrownBy(() -> InsightsQuery.parse("2026-01", "last year", null, CLOCK))
                .isInstanceOf(InsightsProblem.class).hasMessageStartingWith("to must be a month");
        assertThatThrownBy(() -> InsightsQuery.parse("2026-06", "2026-05", null, CLOCK))
                .isInstanceOf(InsightsProblem.class).hasMessage("from (2026-06) is after to (2026-05)");
        assertThatThrownBy(() -> InsightsQuery.parse("2023-12", "2026-12", null, CLOCK))
                .isInstanceOf(InsightsProblem.class).hasMessage("from 2023-12 to 2026-12 spans 37 months; at most 36");
        assertThatThrownBy(() -> InsightsQuery.parse(null, null, "customer", CLOCK))
                .isInstanceOf(InsightsProblem.class)
                .hasMessage("by must be one of severity, service, vendor, policy, was 'customer'");
    }
}
