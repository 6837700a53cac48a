package org.blackstart.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * What one run of {@link AlertBenchmark} does, from system properties. The shared options
 * ({@code bench.n}, {@code bench.warmup}, {@code bench.threads}, {@code bench.rounds}, the jar,
 * timeouts, {@code bench.keep}, {@code bench.childJvmArgs}) mean what they mean for the declare
 * benchmark, counted in requests, with defaults sized for alerts.
 *
 * @param common          the shared options; {@code measured} and {@code warmup} are requests per side
 * @param alertsPerRequest alerts in one webhook ({@code bench.alerts.perRequest})
 * @param hostsPerRack    distinct hosts per rack, i.e. per expected incident ({@code bench.alerts.hostsPerRack})
 * @param repeatShare     share of alerts that repeat an earlier fingerprint ({@code bench.alerts.repeatShare})
 * @param pages           measured alert-to-first-page samples per side ({@code bench.pages})
 * @param pageWarmup      pages per side before measuring ({@code bench.pageWarmup})
 * @param pagePause       pause before each page's alert, so each starts on a quiet system ({@code bench.pagePauseMs})
 * @param pageTimeout     a page that has not arrived after this failed ({@code bench.pageTimeout}, seconds)
 * @param drainTimeout    after a platform round, how long the processor may take to catch up ({@code bench.drainTimeout}, seconds)
 * @param subject         {@code blackstart}, or {@code baseline} for a second bare endpoint: an A/A run that
 *                        tests the harness without the platform (ratios should be near 1) ({@code bench.subject})
 * @param appConfig       the platform's extra configuration for this benchmark ({@code bench.alertConfig})
 * @param baselineThreads HTTP worker threads of the bare endpoint ({@code bench.baselineThreads})
 * @param token           the Alertmanager bearer token ({@code bench.token}; the embedded default's demo token)
 */
record AlertBenchConfig(BenchConfig common, int alertsPerRequest, int hostsPerRack, double repeatShare, int pages,
                        int pageWarmup, Duration pagePause, Duration pageTimeout, Duration drainTimeout, Subject subject,
                        Path appConfig, int baselineThreads, String token) {

    enum Subject { BLACKSTART, BASELINE }

    static final String DEFAULT_APP_CONFIG = "bench/alert-bench.yml";

    AlertBenchConfig {
        if (pages < 1 || pageWarmup < 0 || baselineThreads < 1) {
            throw new IllegalArgumentException("need bench.pages >= 1, bench.pageWarmup >= 0, bench.baselineThreads >= 1");
        }
        if (alertsPerRequest < 1 || hostsPerRack < 1 || !(repeatShare >= 0 && repeatShare < 1)) {
            throw new IllegalArgumentException(
                    "need bench.alerts.perRequest >= 1, bench.alerts.hostsPerRack >= 1, 0 <= bench.alerts.repeatShare < 1");
        }
    }

    static AlertBenchConfig from(Properties system, String[] args) {
        Properties defaults = new Properties();
        defaults.setProperty("bench.n", "400");
        defaults.setProperty("bench.warmup", "200");
        Properties p = new Properties(defaults);
        p.putAll(system);
        BenchConfig common = BenchConfig.from(p, args);
        String subject = p.getProperty("bench.subject", "blackstart").strip();
        return new AlertBenchConfig(common,
                intOf(p, "bench.alerts.perRequest", 50),
                intOf(p, "bench.alerts.hostsPerRack", 40),
                doubleOf(p, "bench.alerts.repeatShare", 0.2),
                intOf(p, "bench.pages", 50),
                intOf(p, "bench.pageWarmup", 5),
                Duration.ofMillis(intOf(p, "bench.pagePauseMs", 300)),
                Duration.ofSeconds(intOf(p, "bench.pageTimeout", 30)),
                Duration.ofSeconds(intOf(p, "bench.drainTimeout", 120)),
                switch (subject) {
                    case "blackstart" -> Subject.BLACKSTART;
                    case "baseline" -> Subject.BASELINE;
                    default -> throw new IllegalArgumentException("bench.subject must be blackstart or baseline, was '" + subject + "'");
                },
                Path.of(p.getProperty("bench.alertConfig", DEFAULT_APP_CONFIG)).toAbsolutePath(),
                intOf(p, "bench.baselineThreads", 4),
                p.getProperty("bench.token", "demo-alertmanager-token"));
    }

    private static int intOf(Properties p, String name, int fallback) {
        String value = p.getProperty(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static double doubleOf(Properties p, String name, double fallback) {
        String value = p.getProperty(name);
        try {
            return value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }
}
