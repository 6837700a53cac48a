package org.blackstart.bench;

import static org.blackstart.bench.Report.number;
import static org.blackstart.bench.Report.ratio;
import static org.blackstart.bench.Report.row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * AlertBenchmark's figures as Markdown tables that paste into bench/RESULTS.md. Every ratio is
 * subject / baseline (the subject is Blackstart, or a second bare endpoint in an A/A run).
 */
final class AlertReport {

    /** The goals, printed as met or not under the tables. */
    static final double GOAL_ALERTS_PER_SECOND = 2_000;
    static final double GOAL_PAGE_P99_MILLIS = 1_000;

    /** One side's ingestion rounds and, per round, how long its processing took to catch up afterwards. */
    record Ingestion(List<PhaseResult> rounds, List<Duration> drains, int alertsPerRequest) {

        PhaseResult pooled() {
            return PhaseResult.pool(rounds);
        }

        long alerts() {
            return (long) pooled().completed() * alertsPerRequest;
        }

        double alertsPerSecond() {
            return pooled().throughputPerSecond() * alertsPerRequest;
        }

        /** Null when a round did not drain: then there is no sustained figure. */
        Duration totalDrain() {
            if (drains.size() != rounds.size()) {
                return null;
            }
            return drains.stream().reduce(Duration.ZERO, Duration::plus);
        }

        /** Alerts over the time to accept and to process them: rounds plus the drains after them. */
        double processedPerSecond() {
            Duration drain = totalDrain();
            if (drain == null) {
                return Double.NaN;
            }
            return processed(pooled(), drain);
        }

        double roundProcessedPerSecond(int round) {
            return round < drains.size() ? processed(rounds.get(round), drains.get(round)) : Double.NaN;
        }

        private double processed(PhaseResult result, Duration drain) {
            double seconds = (result.wallNanos() + drain.toNanos()) / 1e9;
            return seconds <= 0 ? 0 : result.completed() * (double) alertsPerRequest / seconds;
        }

        /** CPU milliseconds per 1000 alerts, from one process's share. */
        double cpuPerThousandAlerts(long cpuNanos) {
            long alerts = alerts();
            return alerts == 0 ? Double.NaN : cpuNanos / 1e6 / alerts * 1000;
        }
    }

    private AlertReport() {
    }

    static String ingestion(Ingestion baseline, Ingestion subject) {
        PhaseResult b = baseline.pooled();
        PhaseResult s = subject.pooled();
        StringBuilder out = new StringBuilder();
        row(out, "", b.name(), s.name(), "ratio (subject / baseline)");
        out.append("|---|---:|---:|---:|\n");
        row(out, "alerts accepted/s", number(baseline.alertsPerSecond(), 1), number(subject.alertsPerSecond(), 1),
                ratio(subject.alertsPerSecond(), baseline.alertsPerSecond()));
        row(out, "processed alerts/s, sustained (alerts / (rounds + drain))", number(baseline.processedPerSecond(), 1),
                number(subject.processedPerSecond(), 1), ratio(subject.processedPerSecond(), baseline.processedPerSecond()));
        row(out, "requests/s", number(b.throughputPerSecond(), 1), number(s.throughputPerSecond(), 1),
                ratio(s.throughputPerSecond(), b.throughputPerSecond()));
        row(out, "request latency p50 (ms)", number(b.p50Millis(), 2), number(s.p50Millis(), 2), ratio(s.p50Millis(), b.p50Millis()));
        row(out, "request latency p99 (ms)", number(b.p99Millis(), 2), number(s.p99Millis(), 2), ratio(s.p99Millis(), b.p99Millis()));
        row(out, "request latency max (ms)", number(b.maxMillis(), 2), number(s.maxMillis(), 2), "");
        row(out, "CPU per 1000 alerts, benchmark JVM (ms)", number(baseline.cpuPerThousandAlerts(b.cpu().benchNanos()), 1),
                number(subject.cpuPerThousandAlerts(s.cpu().benchNanos()), 1), "");
        row(out, "CPU per 1000 alerts, platform process (ms)", number(baseline.cpuPerThousandAlerts(b.cpu().platformNanos()), 1),
                number(subject.cpuPerThousandAlerts(s.cpu().platformNanos()), 1), "");
        double cpuB = baseline.cpuPerThousandAlerts(b.cpu().totalNanos());
        double cpuS = subject.cpuPerThousandAlerts(s.cpu().totalNanos());
        row(out, "CPU per 1000 alerts, both (ms)", number(cpuB, 1), number(cpuS, 1), ratio(cpuS, cpuB));
        row(out, "requests completed / errors", b.completed() + " / " + b.errors(), s.completed() + " / " + s.errors(), "");
        row(out, "alerts sent", Long.toString(baseline.alerts()), Long.toString(subject.alerts()), "");
        row(out, "wall time of the rounds (s)", number(b.wallSeconds(), 2), number(s.wallSeconds(), 2), "");
        row(out, "drain time after the rounds (s)", seconds(baseline.totalDrain()), seconds(subject.totalDrain()), "");
        return out.toString();
    }

    static String rounds(Ingestion baseline, Ingestion subject) {
        StringBuilder out = new StringBuilder();
        row(out, "round", "baseline alerts/s", "subject alerts/s", "ratio", "subject drain (s)",
                "subject processed alerts/s", "ratio", "baseline p50 (ms)", "subject p50 (ms)", "ratio");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Double> accepted = new ArrayList<>();
        List<Double> processed = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        int n = Math.min(baseline.rounds().size(), subject.rounds().size());
        for (int i = 0; i < n; i++) {
            PhaseResult b = baseline.rounds().get(i);
            PhaseResult s = subject.rounds().get(i);
            double bRate = b.throughputPerSecond() * baseline.alertsPerRequest();
            double sRate = s.throughputPerSecond() * subject.alertsPerRequest();
            double bProcessed = baseline.roundProcessedPerSecond(i);
            double sProcessed = subject.roundProcessedPerSecond(i);
            accepted.add(sRate / bRate);
            processed.add(sProcessed / bProcessed);
            p50.add(s.p50Millis() / b.p50Millis());
            row(out, Integer.toString(i + 1), number(bRate, 1), number(sRate, 1), ratio(sRate, bRate),
                    i < subject.drains().size() ? seconds(subject.drains().get(i)) : "n/a", number(sProcessed, 1),
                    ratio(sProcessed, bProcessed), number(b.p50Millis(), 2), number(s.p50Millis(), 2),
                    ratio(s.p50Millis(), b.p50Millis()));
        }
        out.append('\n').append("median of the per-round ratios: accepted alerts/s ").append(number(Report.median(accepted), 3))
                .append(", processed alerts/s ").append(number(Report.median(processed), 3))
                .append(", p50 ").append(number(Report.median(p50), 3)).append('\n');
        return out.toString();
    }

    static String pages(PhaseResult baseline, PhaseResult subject) {
        StringBuilder out = new StringBuilder();
        row(out, "", baseline.name(), subject.name(), "ratio (subject / baseline)");
        out.append("|---|---:|---:|---:|\n");
        row(out, "alert-to-first-page p50 (ms)", number(baseline.p50Millis(), 2), number(subject.p50Millis(), 2),
                ratio(subject.p50Millis(), baseline.p50Millis()));
        row(out, "alert-to-first-page p99 (ms)", number(baseline.p99Millis(), 2), number(subject.p99Millis(), 2),
                ratio(subject.p99Millis(), baseline.p99Millis()));
        row(out, "alert-to-first-page max (ms)", number(baseline.maxMillis(), 2), number(subject.maxMillis(), 2), "");
        row(out, "of which the POST until 202, p50 (ms)", number(baseline.startP50Millis(), 2),
                number(subject.startP50Millis(), 2), ratio(subject.startP50Millis(), baseline.startP50Millis()));
        row(out, "pages completed / errors", baseline.completed() + " / " + baseline.errors(),
                subject.completed() + " / " + subject.errors(), "");
        return out.toString();
    }

    /** The two goals, judged on the subject's figures. */
    static String goals(Ingestion subject, PhaseResult pages) {
        double sustained = subject.processedPerSecond();
        double p99 = pages.p99Millis();
        return "goal: at least " + number(GOAL_ALERTS_PER_SECOND, 0) + " alerts/s sustained: "
                + verdict(sustained >= GOAL_ALERTS_PER_SECOND, sustained, " alerts/s") + "\n"
                + "goal: page requested within " + number(GOAL_PAGE_P99_MILLIS, 0) + " ms of the alert at p99: "
                + verdict(p99 <= GOAL_PAGE_P99_MILLIS, p99, " ms") + "\n";
    }

    private static String verdict(boolean met, double value, String unit) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        return (met ? "met" : "NOT met") + " (" + number(value, 1) + unit + ")";
    }

    private static String seconds(Duration duration) {
        return duration == null ? "n/a" : number(duration.toNanos() / 1e9, 2);
    }
}
