package org.blackstart.app.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusMailWaitTest {

    private final StatusMailWait wait = new StatusMailWait(new StatusMailRetryProperties(Duration.ofMinutes(1),
            Duration.ofMinutes(30), Duration.ofHours(12)), Clock.fixed(Instant.parse("2026-12-08T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void eachWaitIsTwiceTheOneBeforeUpToTheLongestWait() {
        // when / then
        assertThat(wait.wait(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(wait.wait(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(wait.wait(4)).isEqualTo(Duration.ofMinutes(16));
        assertThat(wait.wait(5)).isEqualTo(Duration.ofMinutes(30));
        assertThat(wait.wait(500)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aLongestWaitShorterThanTheFirstStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new StatusMailRetryProperties(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1)))
                .hasMessageContaining("blackstart.statuspage.mail-retry.max-wait");
    }
}
