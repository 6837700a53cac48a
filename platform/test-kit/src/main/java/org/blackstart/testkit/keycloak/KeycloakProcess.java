package org.blackstart.testkit.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.ServerWaits;

/**
 * A Keycloak server process in dev mode ({@code kc.sh start-dev}) with the Blackstart realm imported,
 * on 127.0.0.1 and free ports only, and nothing left running once this JVM is gone.
 */
final class KeycloakProcess {

    static final String HOST = "127.0.0.1";
    static final String ADMIN_USERNAME = "bootstrap-admin";

    /**
     * The options Keycloak bakes into its build; a kept dev-mode build is reused only for the same
     * ones. An in-memory database: every test JVM starts from the export and nothing is left on disk.
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem");

    // Another process may take a free port between our probe and Keycloak's bind.
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration STOP_LIMIT = Duration.ofSeconds(40);
    private static final int LOG_LINES_IN_FAILURES = 80;

    // The JVM holds this script's stdin open for as long as it lives, and no longer: the pipe closes
    // when the JVM process is gone, after every shutdown hook (so after the application contexts that
    // use Keycloak have closed), and also when it is killed and no hook runs at all. Then the watcher
    // stops kc.sh and the Java process it started: both are in the session setsid gives kc.sh, so one
    // signal to the group reaches the whole tree (dash, the usual sh, takes no "--" before "-pid");
    // what still runs after 30 s is killed. Then the script deletes the run directory, which nothing
    // will read again. If Keycloak ends on its own, the script ends too and leaves the log for the
    // JVM to report.
    private static final String WATCHDOG = """
            exec 3<&0
            setsid "$@" 3<&- &
            server=$!
            (
              read -r _ <&3
              : > "$RUN_DIR/stopping"
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
            else
              kill "$watcher" 2>/dev/null
            fi
            exit $status
            """;

    // Variables of the caller's shell that kc.sh or Keycloak would take as configuration.
    private static final Set<String> INHERITED_SETTINGS = Set.of("JAVA", "JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_OPTS_KC_HEAP",
            "JAVA_ADD_OPENS", "JAVA_LOCALE", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "DEBUG", "DEBUG_PORT",
            "DEBUG_SUSPEND", "PRINT_ENV");

    // Must stay reachable while the server should run: a collected Process closes its stdin pipe.
    private final Process process;
    private final int port;

    private KeycloakProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KeycloakProcess start(KeycloakHome home, Path javaHome, String adminPassword, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        for (int attempt = 1; ; attempt++) {
            int logOffset = home.logText().length();
            int port = LocalServers.freeLoopbackPort();
            // Its own, not the default 9000: servers of JVMs side by side would clash there.
            int managementPort = LocalServers.freeLoopbackPort();
            KeycloakProcess server = launch(home, javaHome, adminPassword, port, managementPort);
            if (server.awaitRealm(deadline)) {
                return server;
            }
            String log = home.logText();
            boolean portTaken = log.substring(Math.min(logOffset, log.length())).contains("already in use");
            // Only an exited server is retried: stopping a live one deletes the home the next attempt needs.
            if (!portTaken || server.process.isAlive() || attempt == PORT_ATTEMPTS) {
                String reason = server.process.isAlive()
                        ? "did not serve the realm " + BlackstartRealm.NAME + " within " + limit.toSeconds() + " s"
                        : "exited with code " + server.process.exitValue();
                String failure = "Keycloak on " + HOST + ":" + port + " (Java at " + javaHome + ") " + reason
                        + "; the last lines of its log:\n" + home.logTail(LOG_LINES_IN_FAILURES);
                server.stop();
                throw new IllegalStateException(failure);
            }
        }
    }

    String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    /** Stops Keycloak now and deletes its run directory; waits at most about 40 s. Otherwise it stops with the JVM. */
    void stop() {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the watcher has seen end of input either way
        }
        if (!ServerWaits.waitFor(process, STOP_LIMIT)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            ServerWaits.waitFor(process, Duration.ofSeconds(5));
        }
    }

    private static KeycloakProcess launch(KeycloakHome home, Path javaHome, String adminPassword, int port,
            int managementPort) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "keycloak-watchdog",
                home.script().toString(), "start-dev",
                "--http-host=" + HOST, "--http-port=" + port, "--http-management-port=" + managementPort,
                // One issuer, whatever host name a browser or client uses to reach it.
                "--hostname=http://" + HOST + ":" + port,
                "--import-realm", "--log-console-color=false"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(home.log().toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                || name.startsWith("QUARKUS_") || INHERITED_SETTINGS.contains(name));
        environment.put("JAVA_HOME", javaHome.toString());
        // The client compiler only: a start then costs about 20 s of CPU instead of 30 (measured on
        // two cores), while the few hundred requests of a test run never need the optimizing one.
        environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        environment.put("RUN_DIR", home.runDirectory().toString());
        try {
            return new KeycloakProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + home.script(), e);
        }
    }

    private boolean awaitRealm(Instant deadline) {
        return ServerWaits.untilOk(URI.create(baseUrl() + "/realms/" + BlackstartRealm.NAME + "/.well-known/openid-configuration"), process, deadline, "Keycloak");
    }
}
