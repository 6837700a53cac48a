package org.blackstart.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class CollisionsTest {

    @Test
    void aChangeRefusedForACollisionIsTriedAgainUntilItGoesThrough() {
        // given a change the engine refuses twice
        AtomicInteger tries = new AtomicInteger();

        // when
        String result = Collisions.retried(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new OptimisticLockingException("the process moved on meanwhile");
            }
            return "done";
        }, () -> new IllegalStateException("gave up"));

        // then
        assertThat(result).isEqualTo("done");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aChangeThatKeepsCollidingEndsInTheCallersProblemAfterFiveTries() {
        // given
        AtomicInteger tries = new AtomicInteger();

        // when / then
        assertThatThrownBy(() -> Collisions.retried(() -> {
            tries.incrementAndGet();
            throw new OptimisticLockingException("again");
        }, () -> new IllegalStateException("kept changing; nothing was changed")))
                .isInstanceOf(IllegalStateException.class).hasMessage("kept changing; nothing was changed");
        assertThat(tries).hasValue(Collisions.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> Collisions.retried(() -> {
            tries.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        }, () -> new IllegalStateException("gave up"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(tries).hasValue(1);
    }
}
