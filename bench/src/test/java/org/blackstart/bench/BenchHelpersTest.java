package org.blackstart.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's helpers: the driver, the percentiles, the report and the configuration. The
 * benchmark itself is a main class and never runs in the test build.
 */
class BenchHelpersTest {

    @Test
    void driverRunsEachIndexExactlyOnceAcrossThreads() throws Exception {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        PhaseResult result = LoadDriver.run("t", 200, 4, Duration.ofSeconds(30), i -> {
            if (!seen.add(i)) {
                throw new AssertionError("index " + i + " ran twice");
            }
        });
        assertThat(result.completed()).isEqualTo(200);
        assertThat(result.errors()).isZero();
        assertThat(seen).hasSize(200).allMatch(i -> i >= 0 && i < 200);
    }

    @Test
    void driverCountsFailuresAndStopsAfterTooMany() throws Exception {
        PhaseResult result = LoadDriver.run("t", 1_000, 2, Duration.ofSeconds(30), i -> {
            throw new IllegalStateException("down");
        });
        assertThat(result.completed()).isZero();
        // Each thread may already be inside one operation when the limit is reached.
        assertThat(result.errors()).isBetween(LoadDriver.MAX_ERRORS, LoadDriver.MAX_ERRORS + 2);
        assertThat(result.firstError()).isEqualTo("IllegalStateException: down");
    }

    @Test
    void driverStopsTakingWorkAtTheDeadline() throws Exception {
        long started = System.nanoTime();
        PhaseResult result = LoadDriver.run("t", 1_000_000, 2, Duration.ofMillis(300), i -> Thread.sleep(10));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(result.completed()).isBetween(20, 200);
        assertThat(tookMillis).isLessThan(5_000);
    }

    @Test
    void percentilesAndThroughputComeFromTheRecordedLatencies() {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        for (int ms = 1; ms <= 100; ms++) {
            histogram.recordValue(ms * 1000L);
        }
        PhaseResult result = new PhaseResult("x", 100, 0, TimeUnit.SECONDS.toNanos(4), histogram, 0, null,
                PhaseResult.newHistogram(), CpuUse.NONE);
        assertThat(result.p50Millis()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(result.p99Millis()).isCloseTo(99.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(result.maxMillis()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(result.throughputPerSecond()).isEqualTo(25.0);
    }

    @Test
    void reportPutsBlackstartOverBaselineInEveryRatio() {
        // Below 2048 µs HdrHistogram with 3 digits is exact, so the expected text is exact too.
        PhaseResult baseline = phase("bare", 100, 1.0, 500, 500); // 100 ops in 1 s, all 0.5 ms
        PhaseResult subject = phase("platform", 100, 4.0, 2_000, 2_040); // 100 ops in 4 s, 2 ms, one 2.04 ms
        String table = Report.table(baseline, subject);
        assertThat(table).startsWith("|  | bare | platform | ratio (Blackstart / baseline) |\n|---|---:|---:|---:|\n");
        assertThat(table).contains("| throughput (declares/s) | 100.0 | 25.0 | 0.250 |");
        assertThat(table).contains("| declare-to-first-task p50 (ms) | 0.50 | 2.00 | 4.000 |");
        assertThat(table).contains("| declare-to-first-task p99 (ms) | 0.50 | 2.00 | 4.000 |");
        assertThat(table).contains("| of which the start alone, p50 (ms) | 0.10 | 0.40 | 4.000 |");
        assertThat(table).contains("| CPU per declare, benchmark JVM (ms) | 1.00 | 1.00 |  |");
        assertThat(table).contains("| CPU per declare, platform process (ms) | 3.00 | 3.00 |  |");
        assertThat(table).contains("| CPU per declare, both (ms) | 4.00 | 4.00 | 1.000 |");
        assertThat(table).contains("| max (ms) | 0.50 | 2.04 |  |");
        assertThat(table).contains("| completed / errors | 100 / 0 | 100 / 0 |  |");
        assertThat(table).contains("| task queries that missed | 0 | 0 |  |");
    }

    @Test
    void reportSaysNotApplicableRatherThanDividingByNothing() {
        PhaseResult empty = new PhaseResult("none", 0, 3, 0, new Histogram(1_000_000, 3), 0, "boom",
                PhaseResult.newHistogram(), CpuUse.NONE);
        assertThat(Report.ratio(1, 0)).isEqualTo("n/a");
        assertThat(Report.table(empty, empty)).contains("| throughput (declares/s) | 0.0 | 0.0 | n/a |")
                .contains("| declare-to-first-task p50 (ms) | n/a | n/a | n/a |");
    }

    @Test
    void sideCountersHandTheirCountsToOnePhaseAndStartAfresh() {
        SideCounters counters = new SideCounters();
        counters.recordStart(TimeUnit.MILLISECONDS.toNanos(3));
        counters.emptyPoll();
        counters.reset(); // what warm-up counted is forgotten
        counters.recordStart(TimeUnit.MILLISECONDS.toNanos(1));
        counters.emptyPoll();
        counters.emptyPoll();
        PhaseResult empty = new PhaseResult("p", 1, 0, 1, PhaseResult.newHistogram(), 0, null, PhaseResult.newHistogram(),
                CpuUse.NONE);
        PhaseResult first = counters.addTo(empty);
        assertThat(first.emptyPolls()).isEqualTo(2);
        assertThat(first.startMicros().getTotalCount()).isEqualTo(1);
        assertThat(first.startP50Millis()).isEqualTo(1.0);
        PhaseResult second = counters.addTo(empty);
        assertThat(second.emptyPolls()).isZero();
        assertThat(second.startMicros().getTotalCount()).isZero();
    }

    @Test
    void roundsAlternateWhoGoesFirstAndSplitTheCountWithUniqueIndices() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Set<Integer> indicesA = ConcurrentHashMap.newKeySet();
        Set<Integer> indicesB = ConcurrentHashMap.newKeySet();
        InterleavedRounds.Side a = new InterleavedRounds.Side("a", i -> {
            indicesA.add(i);
            order.add("a");
        }, new SideCounters());
        InterleavedRounds.Side b = new InterleavedRounds.Side("b", i -> {
            indicesB.add(i);
            order.add("b");
        }, new SideCounters());
        // One thread, so the order of operations is the order of the rounds.
        InterleavedRounds.Outcome outcome = InterleavedRounds.run(a, b, 10, 4, 1, Duration.ofSeconds(30), countingMeter());

        assertThat(outcome.a()).extracting(PhaseResult::completed).containsExactly(3, 3, 2, 2);
        assertThat(outcome.b()).extracting(PhaseResult::completed).containsExactly(3, 3, 2, 2);
        assertThat(String.join("", order)).isEqualTo("aaabbb" + "bbbaaa" + "aabb" + "bbaa");
        assertThat(indicesA).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(indicesB).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(outcome.pooledA().completed()).isEqualTo(10);
        // The meter advances 1 ms (bench) and 2 ms (platform) per sample: each round is charged one step.
        assertThat(outcome.pooledA().cpu()).isEqualTo(new CpuUse(4_000_000L, 8_000_000L));
        assertThat(outcome.pooledB().cpu()).isEqualTo(new CpuUse(4_000_000L, 8_000_000L));
    }

    private static CpuUse.Meter countingMeter() {
        long[] samples = {0};
        return () -> {
            samples[0]++;
            return new CpuUse(samples[0] * 1_000_000L, samples[0] * 2_000_000L);
        };
    }

    @Test
    void awaitQuietReturnsAtTheFirstQuietWindowAndGivesUpAtTheLimit() throws Exception {
        // 1 ms of CPU per sample is 4% of a core over 25 ms: quiet at the first window.
        long[] cpu = {0};
        Duration quiet = CpuUse.awaitQuiet(() -> new CpuUse(cpu[0] += 1_000_000L, 0), 0.10, Duration.ofMillis(25),
                Duration.ofSeconds(5));
        assertThat(quiet).isLessThan(Duration.ofSeconds(1));
        // 50 ms per 25 ms window is two busy cores: never quiet, so it stops at the limit.
        Duration busy = CpuUse.awaitQuiet(() -> new CpuUse(0, cpu[0] += 50_000_000L), 0.10, Duration.ofMillis(25),
                Duration.ofMillis(300));
        assertThat(busy).isBetween(Duration.ofMillis(300), Duration.ofSeconds(2));
    }

    @Test
    void cpuMeterReadsTheOperatingSystemsCpuTime() {
        CpuUse.Meter meter = CpuUse.of(ProcessHandle.current());
        CpuUse before = meter.sample();
        long sink = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            sink += i ^ (sink >>> 3);
        }
        CpuUse used = meter.sample().minus(before);
        assertThat(sink).isNotZero();
        assertThat(used.benchNanos()).isPositive();
        // Here "the platform" is this JVM too, so both shares saw the loop (to /proc's 10 ms ticks).
        assertThat(used.platformNanos()).isPositive();
    }

    @Test
    void roundsStopAfterARoundWithErrors() throws Exception {
        InterleavedRounds.Side ok = new InterleavedRounds.Side("ok", i -> { }, new SideCounters());
        InterleavedRounds.Side failing = new InterleavedRounds.Side("failing", i -> {
            throw new IllegalStateException("503");
        }, new SideCounters());
        InterleavedRounds.Outcome outcome = InterleavedRounds.run(ok, failing, 100, 5, 1, Duration.ofSeconds(30), countingMeter());
        assertThat(outcome.a()).hasSize(1);
        assertThat(outcome.pooledB().errors()).isEqualTo(LoadDriver.MAX_ERRORS);
        assertThat(outcome.pooledB().firstError()).isEqualTo("IllegalStateException: 503");
    }

    @Test
    void poolingAddsCountsTimesAndHistograms() {
        PhaseResult first = phase("x", 100, 1.0, 500, 500);
        PhaseResult second = phase("x", 100, 3.0, 2_000, 2_000);
        PhaseResult pooled = PhaseResult.pool(List.of(first, second));
        assertThat(pooled.completed()).isEqualTo(200);
        assertThat(pooled.wallSeconds()).isEqualTo(4.0);
        assertThat(pooled.throughputPerSecond()).isEqualTo(50.0);
        assertThat(pooled.latencyMicros().getTotalCount()).isEqualTo(200);
        assertThat(pooled.maxMillis()).isEqualTo(2.0);
        assertThat(pooled.p50Millis()).isEqualTo(0.5);
        assertThat(pooled.startMicros().getTotalCount()).isEqualTo(200);
        assertThat(pooled.cpu()).isEqualTo(new CpuUse(200_000_000L, 600_000_000L));
    }

    @Test
    void medianIgnoresWhatCannotBeARatio() {
        assertThat(Report.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Report.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Report.median(List.of(Double.NaN, 1.0, Double.POSITIVE_INFINITY))).isEqualTo(1.0);
        assertThat(Report.median(List.of())).isNaN();
    }

    @Test
    void roundTableShowsEachRoundAndTheMedianRatios() {
        InterleavedRounds.Outcome outcome = new InterleavedRounds.Outcome(
                List.of(phase("bare", 100, 1.0, 500, 500), phase("bare", 100, 2.0, 500, 500)),
                List.of(phase("bs", 100, 4.0, 2_000, 2_000), phase("bs", 100, 4.0, 1_000, 1_000)));
        String table = Report.rounds(outcome);
        assertThat(table).contains("| 1 | 100.0 | 25.0 | 0.250 | 0.50 | 2.00 | 4.000 |");
        assertThat(table).contains("| 2 | 50.0 | 25.0 | 0.500 | 0.50 | 1.00 | 2.000 |");
        assertThat(table).contains("median of the per-round ratios: throughput 0.375, p50 3.000");
    }

    @Test
    void configReadsOverridesAndKeepsDefaults() {
        Properties p = new Properties();
        p.setProperty("bench.n", "42");
        p.setProperty("bench.threads", "8");
        p.setProperty("bench.childJvmArgs", " -Xmx1g  -XX:+UseG1GC ");
        BenchConfig config = BenchConfig.from(p, new String[0]);
        assertThat(config.measured()).isEqualTo(42);
        assertThat(config.threads()).isEqualTo(8);
        assertThat(config.warmup()).isEqualTo(3000);
        assertThat(config.rounds()).isEqualTo(10);
        assertThat(config.jar()).isEqualTo(Path.of(BenchConfig.DEFAULT_JAR).toAbsolutePath());
        assertThat(config.childJvmArgs()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(BenchConfig.from(new Properties(), new String[] {"/x/app.jar"}).jar()).isEqualTo(Path.of("/x/app.jar"));
    }

    @Test
    void configRejectsNonsense() {
        Properties p = new Properties();
        p.setProperty("bench.n", "lots");
        assertThatThrownBy(() -> BenchConfig.from(p, new String[0])).hasMessageContaining("bench.n");
        p.setProperty("bench.n", "0");
        assertThatThrownBy(() -> BenchConfig.from(p, new String[0])).isInstanceOf(IllegalArgumentException.class);
        p.setProperty("bench.n", "5");
        p.setProperty("bench.rounds", "6"); // a round without a declare measures nothing
        assertThatThrownBy(() -> BenchConfig.from(p, new String[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freePortsAreDistinctAndBindableOnLoopback() throws Exception {
        int[] ports = BlackstartProcess.freeLoopbackPorts(3);
        assertThat(ports).doesNotHaveDuplicates();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void firstTaskIsFoundByItsDefinitionKeyOnly() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(BlackstartClient.hasTask(json.readTree("[{\"taskDefinitionKey\":\"Triage\"}]"), "Triage")).isTrue();
        assertThat(BlackstartClient.hasTask(json.readTree("[{\"taskDefinitionKey\":\"Mitigate\"}]"), "Triage")).isFalse();
        assertThat(BlackstartClient.hasTask(json.readTree("[]"), "Triage")).isFalse();
    }

    private static PhaseResult phase(String name, int count, double seconds, long latencyMicros, long maxMicros) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        histogram.recordValueWithCount(latencyMicros, count - 1);
        histogram.recordValue(maxMicros);
        // The start part: a fifth of the total, so the report's split row has something exact to show.
        Histogram start = PhaseResult.newHistogram();
        start.recordValueWithCount(latencyMicros / 5, count);
        // CPU: 1 ms per operation in the benchmark JVM, 3 ms in the platform process.
        CpuUse cpu = new CpuUse(count * 1_000_000L, count * 3_000_000L);
        return new PhaseResult(name, count, 0, (long) (seconds * 1e9), histogram, 0, null, start, cpu);
    }
}
