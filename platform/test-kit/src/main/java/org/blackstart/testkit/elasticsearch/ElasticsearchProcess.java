package org.blackstart.testkit.elasticsearch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.ServerAccount;
import org.blackstart.testkit.ServerWaits;

/**
 * An Elasticsearch node ({@code bin/elasticsearch}, single-node discovery) on 127.0.0.1 and free
 * ports only, that can be stopped and started again on the same ports with the same data, and is
 * never left running once this JVM is gone.
 */
final class ElasticsearchProcess {

    static final String HOST = "127.0.0.1";

    // Another process may take a free port between our probe and Elasticsearch's bind.
    private static final int PORT_ATTEMPTS = 3;
    // A node flushes its shards when it stops; on a loaded machine with a few thousand documents that takes seconds.
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final int LOG_LINES_IN_FAILURES = 80;
    private static final String STOP_REQUEST = "stop\n";

    // The JVM holds this script's stdin open for as long as it lives. A line on it ("stop") is a
    // request to stop the node and keep its data for a later start. End of input means the JVM
    // process is gone (after every shutdown hook, so after the application contexts that use the node
    // have closed; or killed, and no hook ran at all): then the node stops and the script deletes the
    // run directory, which nothing will read again. Either way the watcher stops bin/elasticsearch, its
    // launcher and the node's JVM: all are in the session setsid gives the script, so one signal to the
    // group reaches the whole tree (dash, the usual sh, takes no "--" before "-pid"); what still runs
    // after 30 s is killed. The script ends only once the whole group is gone: bin/elasticsearch may end
    // before the node's JVM has finished closing its indices. If the node ends on its own, the script ends too and leaves the log for
    // the JVM to report. The script runs as the JVM's account (it deletes files the node's account
    // cannot), the node as the account in "$@".
    private static final String WATCHDOG = """
            exec 3<&0
            rm -f "$RUN_DIR/stop-requested"
            setsid "$@" 3<&- &
            server=$!
            (
              if read -r _ <&3; then : > "$RUN_DIR/stop-requested"; else : > "$RUN_DIR/stopping"; fi
              kill -TERM "-$server" 2>/dev/null
              waited=0
              while kill -0 "-$server" 2>/dev/null && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
              kill -KILL "-$server" 2>/dev/null
            ) &
            watcher=$!
            exec 3<&-
            wait "$server"
            status=$?
            if [ -e "$RUN_DIR/stopping" ]; then
              wait "$watcher"
              rm -rf "$RUN_DIR" 2>/dev/null
            elif [ -e "$RUN_DIR/stop-requested" ]; then
              wait "$watcher"
              rm -f "$RUN_DIR/stop-requested"
            else
              kill "$watcher" 2>/dev/null
              kill -KILL "-$server" 2>/dev/null
            fi
            exit $status
            """;

    // Variables of the caller's shell that bin/elasticsearch or the JVMs it starts would take as configuration.
    private static final Set<String> INHERITED_SETTINGS = Set.of("JAVA_HOME", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS", "CLI_JAVA_OPTS", "LIBFFI_TMPDIR");

    private final ElasticsearchHome home;
    private final Path javaHome;
    private final ServerAccount account;
    private final String heap;
    private final int httpPort;
    private final int transportPort;
    // Must stay reachable while the node should run: a collected Process closes its stdin pipe.
    private Process process;

    private ElasticsearchProcess(ElasticsearchHome home, Path javaHome, ServerAccount account, String heap, int httpPort,
            int transportPort) {
        this.home = home;
        this.javaHome = javaHome;
        this.account = account;
        this.heap = heap;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    /**
     * Starts a node in the home on free ports, ready (cluster health yellow or green) within the
     * limit, or stopped and reported with the end of its log.
     *
     * @param heap the JVM's heap, as in {@code -Xmx} ({@code 512m})
     */
    static ElasticsearchProcess start(ElasticsearchHome home, Path javaHome, ServerAccount account, String heap,
            Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        for (int attempt = 1; ; attempt++) {
            int logOffset = home.logText().length();
            ElasticsearchProcess server = new ElasticsearchProcess(home, javaHome, account, heap,
                    LocalServers.freeLoopbackPort(), LocalServers.freeLoopbackPort());
            server.launch();
            if (server.awaitReady(deadline)) {
                return server;
            }
            String log = home.logText();
            boolean portTaken = log.substring(Math.min(logOffset, log.length())).contains("Address already in use");
            // Only an exited node is retried: stopping a live one deletes the home the next attempt needs.
            if (!portTaken || server.process.isAlive() || attempt == PORT_ATTEMPTS) {
                String failure = server.failure(limit);
                server.kill();
                throw new IllegalStateException(failure);
            }
        }
    }

    String baseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the stopped node again, on the same ports with the same data, ready within the limit; a running one stays. */
    synchronized void restart(Duration limit) {
        if (isRunning()) {
            return;
        }
        launch();
        if (!awaitReady(Instant.now().plus(limit))) {
            String failure = failure(limit);
            stop();
            throw new IllegalStateException(failure);
        }
    }

    /**
     * Stops the node as an operator would (it flushes and closes its indices) and waits until it is
     * gone, at most about a minute; its data stays for {@link #restart}.
     */
    synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write(STOP_REQUEST.getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException gone) {
            // the script has ended meanwhile: nothing left to stop
        }
        if (!ServerWaits.waitFor(process, STOP_LIMIT)) {
            forceEnd();
        }
    }

    /** Stops the node now and deletes its run directory. Otherwise that happens when the JVM ends. */
    synchronized void kill() {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the watcher has seen end of input either way
        }
        if (!ServerWaits.waitFor(process, STOP_LIMIT)) {
            forceEnd();
        }
    }

    private void forceEnd() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        ServerWaits.waitFor(process, Duration.ofSeconds(5));
    }

    private String failure(Duration limit) {
        String reason = process.isAlive() ? "was not ready within " + limit.toSeconds() + " s"
                : "exited with code " + process.exitValue();
        return "Elasticsearch on " + HOST + ":" + httpPort + " (transport port " + transportPort + ", Java at " + javaHome
                + ", as " + account + ") " + reason + "; the last lines of its log (" + home.log() + "):\n"
                + home.logTail(LOG_LINES_IN_FAILURES);
    }

    private void launch() {
        home.configure(httpPort, transportPort);
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "elasticsearch-watchdog"));
        command.addAll(account.command(List.of(home.script().toString())));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.logs().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(home.log().toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ES_") || INHERITED_SETTINGS.contains(name));
        environment.put("ES_JAVA_HOME", javaHome.toString());
        environment.put("ES_PATH_CONF", home.config().toString());
        environment.put("ES_TMPDIR", home.temporary().toString());
        environment.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        environment.put("RUN_DIR", home.runDirectory().toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + home.script() + " as " + account, e);
        }
    }

    private boolean awaitReady(Instant deadline) {
        return ServerWaits.untilOk(URI.create(baseUrl() + "/_cluster/health?wait_for_status=yellow&timeout=1s"), process, deadline, "Elasticsearch");
    }
}
