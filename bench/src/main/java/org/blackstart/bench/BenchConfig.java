package org.blackstart.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What one run of {@link DeclareBenchmark} does, read from system properties so a run is a single
 * {@code java -D... -cp ...} line. Every limit is a number here, so a run always ends by itself.
 *
 * @param measured       declares measured per side ({@code bench.n})
 * @param warmup         declares before measuring, per side, so the JIT and the pools are warm ({@code bench.warmup})
 * @param threads        concurrent client threads ({@code bench.threads})
 * @param rounds         alternating rounds the measured declares are split into ({@code bench.rounds})
 * @param jar            the platform's runnable jar ({@code bench.jar}, or the first argument)
 * @param phaseTimeout   a side's warm-up, or all its measured rounds together, stop taking new declares
 *                       after this ({@code bench.phaseTimeout}, seconds)
 * @param startupTimeout how long the platform may take to report UP ({@code bench.startupTimeout}, seconds)
 * @param keepFiles      keep the temp directories (logs, H2 files) for a look afterwards ({@code bench.keep})
 * @param childJvmArgs   extra JVM options for the platform process ({@code bench.childJvmArgs}, space separated)
 */
record BenchConfig(int measured, int warmup, int threads, int rounds, Path jar, Duration phaseTimeout, Duration startupTimeout,
                   boolean keepFiles, List<String> childJvmArgs) {

    static final String DEFAULT_JAR = "platform/app/target/blackstart.jar";

    BenchConfig {
        if (measured < 1 || warmup < 0 || threads < 1 || rounds < 1 || rounds > measured) {
            throw new IllegalArgumentException("need bench.n >= bench.rounds >= 1, bench.threads >= 1, bench.warmup >= 0");
        }
    }

    static BenchConfig from(Properties p, String[] args) {
        String jar = args.length > 0 ? args[0] : p.getProperty("bench.jar", DEFAULT_JAR);
        String childArgs = p.getProperty("bench.childJvmArgs", "").strip();
        return new BenchConfig(
                intOf(p, "bench.n", 1000),
                intOf(p, "bench.warmup", 3000),
                intOf(p, "bench.threads", 4),
                intOf(p, "bench.rounds", 10),
                Path.of(jar).toAbsolutePath(),
                Duration.ofSeconds(intOf(p, "bench.phaseTimeout", 300)),
                Duration.ofSeconds(intOf(p, "bench.startupTimeout", 180)),
                Boolean.parseBoolean(p.getProperty("bench.keep", "false")),
                childArgs.isEmpty() ? List.of() : Arrays.asList(childArgs.split("\\s+")));
    }

    private static int intOf(Properties p, String name, int fallback) {
        String value = p.getProperty(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }
}
