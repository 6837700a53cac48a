package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringQueryCacheTest {

    @Test
    void aQueryIsAskedAgainOnceItsAnswerHasExpired() {
        // given
        ExpiringQueryCache<String, Integer> cache = new ExpiringQueryCache<>(Duration.ofMillis(300), 10);
        AtomicInteger asked = new AtomicInteger();

        // when the same query comes twice within the lifetime
        cache.getOrCompute("groups of agent", q -> asked.incrementAndGet());
        cache.getOrCompute("groups of agent", q -> asked.incrementAndGet());

        // then Keycloak was asked once, and again after the lifetime
        assertThat(asked).hasValue(1);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            cache.getOrCompute("groups of agent", q -> asked.incrementAndGet());
            assertThat(asked).hasValue(2);
        });
    }

    @Test
    void clearingForgetsEveryAnswer() {
        ExpiringQueryCache<String, Integer> cache = new ExpiringQueryCache<>(Duration.ofMinutes(5), 10);
        AtomicInteger asked = new AtomicInteger();
        cache.getOrCompute("q", q -> asked.incrementAndGet());

        cache.clear();
        cache.getOrCompute("q", q -> asked.incrementAndGet());

        assertThat(asked).hasValue(2);
    }
}
