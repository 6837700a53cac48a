package org.blackstart.app.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * A person's change to a running process (a message, a completion) that collides with the process moving on by
 * itself at the same moment: a plugin completing its external task, a timer firing. The engine then refuses the
 * change whole, with nothing of it stored, so trying again is safe; the person must not get a 500 for it.
 */
public final class Collisions {

    /** Tries before giving up: a collision twice in a row is rare, five in a row means something keeps changing. */
    public static final int ATTEMPTS = 5;

    private Collisions() {
    }

    /**
     * Runs {@code change} (one whole transaction) until it is not refused for a collision, at most {@value #ATTEMPTS}
     * times; then throws what {@code gaveUp} makes (a 409 that says nothing was changed).
     */
    public static <T> T retried(Supplier<T> change, Supplier<? extends RuntimeException> gaveUp) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (OptimisticLockingException collided) {
                if (attempt == ATTEMPTS) {
                    RuntimeException problem = gaveUp.get();
                    problem.addSuppressed(collided);
                    throw problem;
                }
            }
        }
    }

    /** {@link #retried(Supplier, Supplier)} for a change without a result. */
    public static void retried(Runnable change, Supplier<? extends RuntimeException> gaveUp) {
        retried(() -> {
            change.run();
            return null;
        }, gaveUp);
    }
}
