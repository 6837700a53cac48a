package org.blackstart.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one measured phase produced. Latencies are held in microseconds: enough resolution for
 * an in-process engine start (a few hundred microseconds) without a histogram of nanoseconds.
 *
 * @param name      what was measured, for the report
 * @param completed operations that succeeded (only these are in the histogram and the throughput)
 * @param errors    operations that failed
 * @param wallNanos from the moment all client threads were released until the last one finished
 * @param latencyMicros per-operation latency
 * @param emptyPolls task queries that did not yet show the task (0 means visible at the first look)
 * @param firstError the first failure's message, or null
 * @param startMicros the start part alone (engine call or POST), to show how the total splits; may be empty
 * @param cpu        CPU both processes spent during the phase ({@link CpuUse#NONE} where not measured)
 */
record PhaseResult(String name, int completed, int errors, long wallNanos, Histogram latencyMicros, long emptyPolls,
                   String firstError, Histogram startMicros, CpuUse cpu) {

    /** Highest latency a histogram holds; anything above is clamped (an operation has its own, shorter timeout). */
    static final long HIGHEST_MICROS = 600_000_000L;

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Completed operations per second of wall time. */
    double throughputPerSecond() {
        return wallNanos <= 0 ? 0 : completed / (wallNanos / 1e9);
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double p50Millis() {
        return percentileMillis(50.0);
    }

    double p99Millis() {
        return percentileMillis(99.0);
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    double startP50Millis() {
        return startMicros.getTotalCount() == 0 ? Double.NaN : startMicros.getValueAtPercentile(50.0) / 1000.0;
    }

    /**
     * Several rounds of one side as one result: counts, wall times and histograms add up, so the
     * pooled throughput is all operations over all the time spent measuring them.
     */
    static PhaseResult pool(List<PhaseResult> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("nothing to pool");
        }
        Histogram latency = newHistogram();
        Histogram start = newHistogram();
        int completed = 0;
        int errors = 0;
        long wall = 0;
        long polls = 0;
        String firstError = null;
        CpuUse cpu = CpuUse.NONE;
        for (PhaseResult round : rounds) {
            cpu = cpu.plus(round.cpu());
            latency.add(round.latencyMicros());
            start.add(round.startMicros());
            completed += round.completed();
            errors += round.errors();
            wall += round.wallNanos();
            polls += round.emptyPolls();
            firstError = firstError != null ? firstError : round.firstError();
        }
        return new PhaseResult(rounds.get(0).name(), completed, errors, wall, latency, polls, firstError, start, cpu);
    }

    /** Adds what the system under test counted itself during the phase. */
    PhaseResult with(long polls, Histogram start) {
        return new PhaseResult(name, completed, errors, wallNanos, latencyMicros, polls, firstError, start, cpu);
    }

    PhaseResult with(CpuUse used) {
        return new PhaseResult(name, completed, errors, wallNanos, latencyMicros, emptyPolls, firstError, startMicros, used);
    }

    /** The same result with one more failure; its message becomes the first error if there was none. */
    PhaseResult withError(String message) {
        return new PhaseResult(name, completed, errors + 1, wallNanos, latencyMicros, emptyPolls,
                firstError != null ? firstError : message, startMicros, cpu);
    }

    /** CPU milliseconds per completed operation, from one process's share. */
    double cpuMillisPerOperation(long cpuNanos) {
        return completed == 0 ? Double.NaN : cpuNanos / 1e6 / completed;
    }
}
