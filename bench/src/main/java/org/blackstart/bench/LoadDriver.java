package org.blackstart.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop driver: {@code threads} clients each take the next index and run one operation,
 * until {@code count} operations have been taken, the deadline passes or too many fail. Both sides
 * of a benchmark go through this one loop, so the ratio compares the systems, not two drivers.
 * Latency is measured here around the whole operation (e.g. declare and see the first task).
 */
final class LoadDriver {

    /** One unit of work; {@code index} is unique within a phase (used for business keys and titles). */
    @FunctionalInterface
    interface Operation {
        void run(int index) throws Exception;
    }

    /** Past this many failures the phase stops: a broken system is not worth hammering further. */
    static final int MAX_ERRORS = 20;

    private LoadDriver() {
    }

    static PhaseResult run(String name, int count, int threads, Duration timeout, Operation operation)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Histogram> perThread = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true); // never keeps the JVM alive after main returns
            return t;
        });
        List<Future<?>> clients = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int t = 0; t < threads; t++) {
            // One histogram per thread, merged at the end: no contention on the hot path.
            Histogram histogram = PhaseResult.newHistogram();
            perThread.add(histogram);
            clients.add(pool.submit(() -> {
                go.await();
                while (errors.get() < MAX_ERRORS && System.nanoTime() < deadline) {
                    int index = next.getAndIncrement();
                    if (index >= count) {
                        break;
                    }
                    long start = System.nanoTime();
                    try {
                        operation.run(index);
                        long micros = (System.nanoTime() - start) / 1000;
                        histogram.recordValue(Math.min(Math.max(micros, 0), PhaseResult.HIGHEST_MICROS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        pool.shutdown();
        // The deadline only stops new operations; give running ones a bounded grace to finish.
        if (!pool.awaitTermination(timeout.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            firstError.compareAndSet(null, "clients still running after the phase timeout; interrupted");
        }
        long wall = System.nanoTime() - started;
        Histogram merged = PhaseResult.newHistogram();
        perThread.forEach(merged::add);
        return new PhaseResult(name, (int) merged.getTotalCount(), errors.get(), wall, merged, 0, firstError.get(),
                PhaseResult.newHistogram(), CpuUse.NONE);
    }
}
