package org.blackstart.testkit.browser;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium process with its own throw-away profile, listening for the DevTools protocol
 * on a loopback port that Chromium picks itself, and nothing left running once this JVM is gone.
 */
final class ChromiumProcess {

    static final int WINDOW_WIDTH = 1280;
    static final int WINDOW_HEIGHT = 1600;

    private static final int LOG_TAIL_LINES = 30;

    // The JVM holds this script's stdin open for as long as it lives, and no longer: when a test
    // fork is killed and neither close() nor a shutdown hook runs, the pipe still closes and the
    // watcher stops the browser, so no Chromium outlives the build on a shared machine.
    private static final String WATCHDOG = """
            exec 3<&0
            "$@" 3<&- </dev/null &
            browser=$!
            (read -r _ <&3; kill -TERM "$browser" 2>/dev/null) &
            watcher=$!
            exec 3<&-
            wait "$browser"
            status=$?
            kill "$watcher" 2>/dev/null
            exit $status
            """;

    // Must stay reachable while the browser should run: a collected Process closes its stdin pipe.
    private final Process process;
    private final Path directory;
    private final URI browserEndpoint;

    private ChromiumProcess(Process process, Path directory, URI browserEndpoint) {
        this.process = process;
        this.directory = directory;
        this.browserEndpoint = browserEndpoint;
    }

    static ChromiumProcess start(Path binary, Duration limit) {
        Path directory = createDirectory();
        Path profile = directory.resolve("profile");
        Path log = directory.resolve("chromium.log");
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "chromium-watchdog", binary.toString(),
                "--headless=new",
                // Port 0: Chromium binds a free port itself and writes it to DevToolsActivePort, so
                // there is no race between choosing a port and binding it.
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile,
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-gpu",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT));
        if (runningAsRoot()) {
            // Chromium's sandbox refuses to start as root ("Running as root without --no-sandbox is
            // not supported"), and CI containers run as root. The browser only opens pages that the
            // test itself serves on loopback, so giving up the sandbox there exposes nothing.
            command.add("--no-sandbox");
        }
        command.add("about:blank");
        Process process;
        try {
            Files.createDirectory(profile);
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            deleteQuietly(directory);
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        ChromiumProcess chromium = new ChromiumProcess(process, directory, null);
        try {
            URI endpoint = awaitEndpoint(process, profile.resolve("DevToolsActivePort"), Instant.now().plus(limit));
            if (endpoint == null) {
                String reason = process.isAlive() ? "did not open its DevTools port within " + limit.toSeconds() + " s"
                        : "exited with code " + process.exitValue();
                throw new IllegalStateException(binary + " " + reason + "; the last lines it wrote:\n" + tail(log));
            }
            return new ChromiumProcess(process, directory, endpoint);
        } catch (RuntimeException e) {
            chromium.stop();
            throw e;
        }
    }

    /** The browser-wide DevTools WebSocket, e.g. {@code ws://127.0.0.1:40123/devtools/browser/<id>}. */
    URI browserEndpoint() {
        return browserEndpoint;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path directory() {
        return directory;
    }

    String logTail() {
        return tail(directory.resolve("chromium.log"));
    }

    /** Stops the browser and every process it started, then deletes the profile; waits at most about 15 s. */
    void stop() {
        // Collected first: children whose parent is gone are no longer its descendants.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the watcher has seen end of input either way
        }
        if (!waitFor(process, Duration.ofSeconds(10))) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(5));
        }
        tree.addAll(process.descendants().toList());
        for (ProcessHandle child : tree) {
            child.destroyForcibly();
        }
        for (ProcessHandle child : tree) {
            child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
        }
        deleteQuietly(directory);
    }

    private static URI awaitEndpoint(Process process, Path activePort, Instant deadline) {
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            // Two lines, the port and the browser target's path; read until both are there.
            try {
                List<String> lines = Files.readAllLines(activePort);
                if (lines.size() >= 2 && lines.get(0).matches("\\d+") && lines.get(1).startsWith("/")) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0) + lines.get(1));
                }
            } catch (NoSuchFileException notYet) {
                // Chromium writes the file once it listens
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + activePort, e);
            }
            pause();
        }
        return null;
    }

    private static boolean runningAsRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("blackstart-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a profile directory for Chromium", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(its output is unreadable: " + e + ")";
        }
    }

    private static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium was starting", e);
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException stillInUse) {
                    // a file a dying renderer still held; the rest goes
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Only disk space in the temporary directory is at stake.
        }
    }
}
