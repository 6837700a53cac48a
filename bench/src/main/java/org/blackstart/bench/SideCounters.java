package org.blackstart.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a system under test counts about its own operations, beyond the driver's total latency:
 * how long the start part alone took (engine call or POST), so the report can show where the
 * declare-to-first-task time goes, and how many task queries missed. Shared by the client threads,
 * hence the concurrent histogram and adder.
 */
final class SideCounters {

    private final ConcurrentHistogram startMicros = new ConcurrentHistogram(PhaseResult.HIGHEST_MICROS, 3);
    private final LongAdder emptyPolls = new LongAdder();

    void recordStart(long nanos) {
        startMicros.recordValue(Math.min(Math.max(nanos / 1000, 0), PhaseResult.HIGHEST_MICROS));
    }

    void emptyPoll() {
        emptyPolls.increment();
    }

    /** Forgets what warm-up counted. */
    void reset() {
        startMicros.reset();
        emptyPolls.reset();
    }

    /** The phase's result with these counts added; then starts counting afresh. */
    PhaseResult addTo(PhaseResult result) {
        Histogram copy = PhaseResult.newHistogram();
        copy.add(startMicros);
        PhaseResult completed = result.with(emptyPolls.sum(), copy);
        reset();
        return completed;
    }
}
