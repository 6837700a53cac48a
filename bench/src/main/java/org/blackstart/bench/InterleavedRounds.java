package org.blackstart.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures two systems in alternating rounds (A B, B A, A B, ...) instead of one long phase each.
 * On a shared 2-core machine other work comes and goes within seconds; measured one after the
 * other, one side could get a quiet minute and the other a busy one, and the ratio would
 * measure the neighbours. Alternating short rounds, with the order swapped each round, spreads
 * such disturbances over both sides; the per-round ratios show how much they still move. Before
 * each round both processes are let settle (see {@link CpuUse#awaitQuiet}), so a round is not
 * charged with what the previous round left behind.
 */
final class InterleavedRounds {

    /**
     * One system under test: its operation, what it counts about it, and what must happen after each
     * of its rounds before the round counts as done (e.g. waiting until queued work is processed).
     * That work is inside the round's CPU window; if it fails, the round has one more error.
     */
    record Side(String name, LoadDriver.Operation operation, SideCounters counters, AfterRound afterRound) {

        Side(String name, LoadDriver.Operation operation, SideCounters counters) {
            this(name, operation, counters, round -> { });
        }
    }

    /** Runs after a side's round with that round's result. */
    @FunctionalInterface
    interface AfterRound {
        void run(PhaseResult round) throws Exception;
    }

    /** Every round's result per side, in round order. */
    record Outcome(List<PhaseResult> a, List<PhaseResult> b) {

        PhaseResult pooledA() {
            return PhaseResult.pool(a);
        }

        PhaseResult pooledB() {
            return PhaseResult.pool(b);
        }
    }

    private InterleavedRounds() {
    }

    /**
     * @param total            operations per side, split as evenly as possible over the rounds
     * @param timeoutPerRound  each round of each side stops taking operations after this
     * @param cpu              sampled around every round, so each side is charged the CPU of its own rounds
     */
    static Outcome run(Side a, Side b, int total, int rounds, int threads, Duration timeoutPerRound, CpuUse.Meter cpu)
            throws InterruptedException {
        List<PhaseResult> resultsA = new ArrayList<>();
        List<PhaseResult> resultsB = new ArrayList<>();
        int offset = 0;
        for (int round = 0; round < rounds; round++) {
            int count = total / rounds + (round < total % rounds ? 1 : 0);
            boolean aFirst = round % 2 == 0;
            Side first = aFirst ? a : b;
            Side second = aFirst ? b : a;
            PhaseResult firstResult = measure(first, offset, count, threads, timeoutPerRound, cpu);
            PhaseResult secondResult = measure(second, offset, count, threads, timeoutPerRound, cpu);
            resultsA.add(aFirst ? firstResult : secondResult);
            resultsB.add(aFirst ? secondResult : firstResult);
            offset += count;
            if (firstResult.errors() + secondResult.errors() > 0) {
                break; // a failing side makes the remaining rounds meaningless; report what we have
            }
        }
        return new Outcome(resultsA, resultsB);
    }

    /** Settling before a round: below 10% of a core over 250 ms counts as quiet; never more than 10 s. */
    static final double QUIET_SHARE = 0.10;
    static final Duration QUIET_WINDOW = Duration.ofMillis(250);
    static final Duration QUIET_MAX_WAIT = Duration.ofSeconds(10);

    private static PhaseResult measure(Side side, int offset, int count, int threads, Duration timeout, CpuUse.Meter cpu)
            throws InterruptedException {
        CpuUse.awaitQuiet(cpu, QUIET_SHARE, QUIET_WINDOW, QUIET_MAX_WAIT);
        side.counters().reset();
        CpuUse before = cpu.sample();
        // Indices stay unique across rounds: business keys and titles never repeat within a run.
        PhaseResult result = LoadDriver.run(side.name(), count, threads, timeout, i -> side.operation().run(offset + i));
        try {
            side.afterRound().run(result);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            result = result.withError("after the round: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        CpuUse used = cpu.sample().minus(before);
        return side.counters().addTo(result).with(used);
    }
}
