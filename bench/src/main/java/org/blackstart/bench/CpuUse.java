package org.blackstart.bench;

import java.time.Duration;

/**
 * CPU time spent by the two processes of a run: this JVM (the baseline engine, and the HTTP
 * clients of the platform side) and the platform's JVM. Throughput on 2 cores is bounded by CPU
 * per declare; measuring it shows whether a side is CPU-bound or waits on something else (for
 * the H2 file with WRITE_DELAY=0: the write at every commit).
 *
 * @param benchNanos    CPU of the benchmark JVM, all threads (JIT and GC included)
 * @param platformNanos CPU of the platform process, all threads
 */
record CpuUse(long benchNanos, long platformNanos) {

    static final CpuUse NONE = new CpuUse(0, 0);

    /** Reads a cumulative CPU figure for both processes; a sampler that cannot tell answers 0. */
    @FunctionalInterface
    interface Meter {
        CpuUse sample();
    }

    long totalNanos() {
        return benchNanos + platformNanos;
    }

    /**
     * Waits until both processes together use less than {@code idleShare} of one core over a
     * {@code window}, or {@code maxWait} passes. A round leaves work behind (JIT, GC, H2 writing
     * and compacting its file); without this, that work would run during the other side's round
     * and be charged to it.
     *
     * @return how long it waited
     */
    static Duration awaitQuiet(Meter meter, double idleShare, Duration window, Duration maxWait)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + maxWait.toNanos();
        CpuUse last = meter.sample();
        while (System.nanoTime() < deadline) {
            Thread.sleep(window.toMillis());
            CpuUse now = meter.sample();
            if (now.minus(last).totalNanos() < idleShare * window.toNanos()) {
                break;
            }
            last = now;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    CpuUse plus(CpuUse other) {
        return new CpuUse(benchNanos + other.benchNanos, platformNanos + other.platformNanos);
    }

    CpuUse minus(CpuUse earlier) {
        return new CpuUse(benchNanos - earlier.benchNanos, platformNanos - earlier.platformNanos);
    }

    /** Cumulative CPU of this JVM and of {@code platform}, as the OS reports them (Linux: /proc). */
    static Meter of(ProcessHandle platform) {
        return () -> new CpuUse(cpuNanos(ProcessHandle.current()), cpuNanos(platform));
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
