package org.blackstart.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Prints a phase pair as a Markdown table, so the output pastes into bench/RESULTS.md unchanged.
 * Every ratio is "Blackstart / baseline": throughput below 1 and latency above 1 mean the
 * platform costs that factor over a bare engine.
 */
final class Report {

    private Report() {
    }

    static String table(PhaseResult baseline, PhaseResult subject) {
        StringBuilder out = new StringBuilder();
        row(out, "", baseline.name(), subject.name(), "ratio (Blackstart / baseline)");
        out.append("|---|---:|---:|---:|\n");
        row(out, "throughput (declares/s)", number(baseline.throughputPerSecond(), 1), number(subject.throughputPerSecond(), 1),
                ratio(subject.throughputPerSecond(), baseline.throughputPerSecond()));
        row(out, "declare-to-first-task p50 (ms)", number(baseline.p50Millis(), 2), number(subject.p50Millis(), 2),
                ratio(subject.p50Millis(), baseline.p50Millis()));
        row(out, "declare-to-first-task p99 (ms)", number(baseline.p99Millis(), 2), number(subject.p99Millis(), 2),
                ratio(subject.p99Millis(), baseline.p99Millis()));
        row(out, "of which the start alone, p50 (ms)", number(baseline.startP50Millis(), 2),
                number(subject.startP50Millis(), 2), ratio(subject.startP50Millis(), baseline.startP50Millis()));
        row(out, "CPU per declare, benchmark JVM (ms)", cpu(baseline, baseline.cpu().benchNanos()),
                cpu(subject, subject.cpu().benchNanos()), "");
        row(out, "CPU per declare, platform process (ms)", cpu(baseline, baseline.cpu().platformNanos()),
                cpu(subject, subject.cpu().platformNanos()), "");
        row(out, "CPU per declare, both (ms)",
                cpu(baseline, baseline.cpu().benchNanos() + baseline.cpu().platformNanos()),
                cpu(subject, subject.cpu().benchNanos() + subject.cpu().platformNanos()),
                ratio(subject.cpuMillisPerOperation(subject.cpu().benchNanos() + subject.cpu().platformNanos()),
                        baseline.cpuMillisPerOperation(baseline.cpu().benchNanos() + baseline.cpu().platformNanos())));
        row(out, "max (ms)", number(baseline.maxMillis(), 2), number(subject.maxMillis(), 2), "");
        row(out, "completed / errors", baseline.completed() + " / " + baseline.errors(),
                subject.completed() + " / " + subject.errors(), "");
        row(out, "wall time (s)", number(baseline.wallSeconds(), 2), number(subject.wallSeconds(), 2), "");
        row(out, "task queries that missed", Long.toString(baseline.emptyPolls()), Long.toString(subject.emptyPolls()), "");
        return out.toString();
    }

    /**
     * One line per round, so a reader sees how far the ratio moved during the run (other work on
     * the machine, JIT, GC), and the median of the per-round ratios, which one bad round cannot drag.
     */
    static String rounds(InterleavedRounds.Outcome outcome) {
        StringBuilder out = new StringBuilder();
        row(out, "round", "baseline declares/s", "Blackstart declares/s", "ratio", "baseline p50 (ms)",
                "Blackstart p50 (ms)", "ratio");
        out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> throughputRatios = new ArrayList<>();
        List<Double> p50Ratios = new ArrayList<>();
        for (int i = 0; i < outcome.a().size(); i++) {
            PhaseResult base = outcome.a().get(i);
            PhaseResult subject = outcome.b().get(i);
            throughputRatios.add(subject.throughputPerSecond() / base.throughputPerSecond());
            p50Ratios.add(subject.p50Millis() / base.p50Millis());
            row(out, Integer.toString(i + 1), number(base.throughputPerSecond(), 1), number(subject.throughputPerSecond(), 1),
                    ratio(subject.throughputPerSecond(), base.throughputPerSecond()), number(base.p50Millis(), 2),
                    number(subject.p50Millis(), 2), ratio(subject.p50Millis(), base.p50Millis()));
        }
        out.append('\n').append("median of the per-round ratios: throughput ").append(number(median(throughputRatios), 3))
                .append(", p50 ").append(number(median(p50Ratios), 3)).append('\n');
        return out.toString();
    }

    /** The middle value (mean of the two middle ones for an even count); NaN for none. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.removeIf(v -> v == null || v.isNaN() || v.isInfinite());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** {@code a / b} to three decimals; "n/a" when either side has nothing to divide. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f", a / b);
    }

    private static String cpu(PhaseResult result, long nanos) {
        return number(result.cpuMillisPerOperation(nanos), 2);
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
    }
}
