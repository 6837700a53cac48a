package org.blackstart.bench;

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
        row(out, "max (ms)", number(baseline.maxMillis(), 2), number(subject.maxMillis(), 2), "");
        row(out, "completed / errors", baseline.completed() + " / " + baseline.errors(),
                subject.completed() + " / " + subject.errors(), "");
        row(out, "wall time (s)", number(baseline.wallSeconds(), 2), number(subject.wallSeconds(), 2), "");
        row(out, "task queries that missed", Long.toString(baseline.emptyPolls()), Long.toString(subject.emptyPolls()), "");
        return out.toString();
    }

    /** {@code a / b} to three decimals; "n/a" when either side has nothing to divide. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f", a / b);
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
    }
}
