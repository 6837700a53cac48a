package org.blackstart.bench;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Alert-to-first-page latency: one alert for a rack never seen before (so a new group, a new
 * incident, a page), timed from just before its POST until the Twilio simulation receives the
 * Calls.json request that names the rack. One alert at a time, with a pause before each, the two
 * systems taking turns (order swapped each time): this is the latency of a first alert on a quiet
 * system, not under load.
 */
final class PageLatency {

    /** After this many failed pages a side takes no more: each failure may cost a whole timeout. */
    static final int MAX_ERRORS = 3;

    /**
     * @param rackPrefix distinct per side: both sides' calls reach the same simulation, and a late call of
     *                   one side must never be taken for the other's
     */
    record Target(String name, AlertClient client, String rackPrefix) {
    }

    record Outcome(PhaseResult a, PhaseResult b) {
    }

    private PageLatency() {
    }

    static Outcome run(Target a, Target b, TwilioSimulation twilio, int warmup, int count, Duration pause, Duration timeout)
            throws InterruptedException {
        Tally tallyA = new Tally(a);
        Tally tallyB = new Tally(b);
        for (int i = 0; i < warmup + count; i++) {
            boolean measured = i >= warmup;
            Tally first = i % 2 == 0 ? tallyA : tallyB;
            Tally second = i % 2 == 0 ? tallyB : tallyA;
            first.page(i, measured, twilio, pause, timeout);
            second.page(i, measured, twilio, pause, timeout);
        }
        return new Outcome(tallyA.result(), tallyB.result());
    }

    static String rack(String prefix, int index) {
        return String.format(Locale.ROOT, "%s%05d", prefix, index);
    }

    /** One side's pages so far. */
    private static final class Tally {
        private final Target target;
        private final Histogram latency = PhaseResult.newHistogram();
        private final Histogram post = PhaseResult.newHistogram();
        private int completed;
        private int errors;
        private long wallNanos;
        private String firstError;

        Tally(Target target) {
            this.target = target;
        }

        void page(int index, boolean measured, TwilioSimulation twilio, Duration pause, Duration timeout)
                throws InterruptedException {
            if (errors >= MAX_ERRORS) {
                return;
            }
            Thread.sleep(pause.toMillis());
            String rack = rack(target.rackPrefix(), index);
            String body = AlertStorm.singleAlert(AlertSubject.PAGED_DATACENTER, rack);
            long start = System.nanoTime();
            try {
                target.client().post(body, 1, timeout);
                long posted = System.nanoTime();
                long called = twilio.awaitCall(rack, start, timeout);
                if (measured) {
                    latency.recordValue(clamp((called - start) / 1000));
                    post.recordValue(clamp((posted - start) / 1000));
                    wallNanos += called - start;
                    completed++;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // A failed warm-up page counts too: a system that cannot page is not measured as if it could.
                errors++;
                if (firstError == null) {
                    firstError = (measured ? "" : "warm-up: ") + e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
        }

        private static long clamp(long micros) {
            return Math.min(Math.max(micros, 0), PhaseResult.HIGHEST_MICROS);
        }

        PhaseResult result() {
            return new PhaseResult(target.name(), completed, errors, wallNanos, latency, 0, firstError, post, CpuUse.NONE);
        }
    }
}
