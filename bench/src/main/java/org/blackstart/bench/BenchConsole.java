package org.blackstart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every benchmark's main does around its measurement: progress, errors, load, clean-up. */
final class BenchConsole {

    private BenchConsole() {
    }

    /** To stderr, so that stdout stays the report to paste into RESULTS.md. */
    static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    static void printErrors(PhaseResult result) {
        if (result.errors() > 0) {
            System.out.println(result.name() + ": " + result.errors() + " errors, first: " + result.firstError());
        }
    }

    /** The 1, 5 and 15 minute load averages where Linux shows them, else "unknown": other work moves both sides' figures. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
