package org.blackstart.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The console log of a server the kit started, read for a failure message. */
public final class ServerLog {

    private ServerLog() {
    }

    /** The log's last {@code lines} lines: enough to see why a start failed without drowning the failure. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** All of it, or nothing when it cannot be read. */
    public static String text(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
