package org.blackstart.app.periodic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatingTest {

    @Test
    void aCheckThatFailsIsReportedAndTheNextRunStillComes() {
        // given a check that fails on its first run
        AtomicInteger runs = new AtomicInteger();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        Repeating repeating = new Repeating("repeating-test");

        // when it repeats every 20 ms
        repeating.start(Duration.ofMillis(20), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
        }, failures::add);

        // then the failure is handed over and later runs follow
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("database away");
        assertThat(repeating.running()).isTrue();
        repeating.stop();
    }

    @Test
    void afterStopNoMoreRunsCome() throws InterruptedException {
        // given a running check
        AtomicInteger runs = new AtomicInteger();
        Repeating repeating = new Repeating("repeating-test");
        repeating.start(Duration.ofMillis(20), runs::incrementAndGet, e -> { });
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);

        // when it is stopped
        repeating.stop();
        int stoppedAt = runs.get();
        Thread.sleep(200);

        // then it stays stopped
        assertThat(runs.get()).isEqualTo(stoppedAt);
        assertThat(repeating.running()).isFalse();
    }
}
