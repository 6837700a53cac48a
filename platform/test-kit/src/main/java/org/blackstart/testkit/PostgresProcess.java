package org.blackstart.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL server process: a fresh cluster from {@code initdb}, a {@code postgres} listening on
 * 127.0.0.1 and a free port only, and nothing left running once this JVM is gone.
 */
final class PostgresProcess {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD = "postgres";
    static final String ADMIN_DATABASE = "postgres";
    private static final String HOST = "127.0.0.1";
    // Another process may take the free port between our probe and the server's bind.
    private static final int PORT_ATTEMPTS = 3;

    // The JVM holds this script's stdin open for as long as it lives, and no longer: the pipe closes
    // when the JVM process is gone, after every shutdown hook (so after the application contexts
    // that use the database have closed), and also when it is killed and no hook runs at all. Then
    // the watcher stops the server at once (SIGQUIT: immediate shutdown) and the script deletes the
    // data, which nothing will read again. If the server ends on its own, the script ends too and
    // leaves the log for the JVM to report.
    private static final String WATCHDOG = """
            exec 3<&0
            "$@" 3<&- &
            server=$!
            (read -r _ <&3; : > "$RUN_DIR/stopping"; kill -QUIT "$server" 2>/dev/null) &
            watcher=$!
            exec 3<&-
            wait "$server"
            status=$?
            if [ -e "$RUN_DIR/stopping" ]; then
              rm -rf "$RUN_DIR" 2>/dev/null
            else
              kill "$watcher" 2>/dev/null
            fi
            exit $status
            """;

    // Must stay reachable while the server should run: a collected Process closes its stdin pipe.
    private final Process process;
    private final int port;

    private PostgresProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PostgresProcess start(PostgresBinaries binaries, ServerAccount account, RunDirectory run, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        initdb(binaries, account, run, deadline);
        for (int attempt = 1; ; attempt++) {
            int logOffset = run.logText().length();
            int port = LocalServers.freeLoopbackPort();
            PostgresProcess server = launch(binaries, account, run, port);
            if (server.awaitReady(deadline)) {
                return server;
            }
            boolean portTaken = newLog(run, logOffset).contains("Address already in use");
            if (!portTaken || attempt == PORT_ATTEMPTS) {
                String reason = server.process.isAlive() ? "did not accept connections within " + limit.toSeconds() + " s"
                        : "exited with code " + server.process.exitValue();
                String failure = "PostgreSQL on " + HOST + ":" + port + " (as " + account + ") " + reason
                        + "; its log:\n" + run.logText();
                server.stop();
                throw new IllegalStateException(failure);
            }
        }
    }

    private static String newLog(RunDirectory run, int offset) {
        String log = run.logText();
        return log.substring(Math.min(offset, log.length()));
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Stops the server now and deletes its data; waits at most about 15 s. Otherwise it stops with the JVM. */
    void stop() {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the watcher has seen end of input either way
        }
        if (!ServerWaits.waitFor(process, Duration.ofSeconds(10))) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            ServerWaits.waitFor(process, Duration.ofSeconds(5));
        }
    }

    private static void initdb(PostgresBinaries binaries, ServerAccount account, RunDirectory run, Instant deadline) {
        List<String> initdb = List.of(binaries.tool("initdb").toString(), "-D", run.data().toString(),
                "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions");
        try {
            Process process = builder(account.command(initdb), run).start();
            process.getOutputStream().close();
            if (!ServerWaits.waitFor(process, Duration.between(Instant.now(), deadline))) {
                process.destroyForcibly();
                throw new IllegalStateException("initdb did not finish in time; its output:\n" + run.logText());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("initdb (as " + account + ") failed with exit code " + process.exitValue()
                        + "; its output:\n" + run.logText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + initdb.get(0) + " as " + account, e);
        }
    }

    private static PostgresProcess launch(PostgresBinaries binaries, ServerAccount account, RunDirectory run, int port) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "postgres-watchdog",
                binaries.tool("postgres").toString(), "-D", run.data().toString(),
                "-h", HOST, "-p", Integer.toString(port), "-k", run.socket().toString(),
                // Test data is thrown away: durability would only cost time.
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                // Every application context in a test run keeps a connection pool open.
                "-c", "max_connections=200"));
        ProcessBuilder builder = builder(account.command(command), run);
        builder.environment().put("RUN_DIR", run.root().toString());
        try {
            return new PostgresProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL as " + account, e);
        }
    }

    private static ProcessBuilder builder(List<String> command, RunDirectory run) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(run.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(run.log().toFile()));
        Map<String, String> environment = builder.environment();
        // PGDATA, PGPORT and friends from the caller's shell must not redirect the server.
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("LC_ALL", "C");
        return builder;
    }

    private boolean awaitReady(Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try (Connection ignored = connect(ADMIN_DATABASE)) {
                return true;
            } catch (SQLException notYet) {
                ServerWaits.pause(Duration.ofMillis(100), "PostgreSQL");
            }
        }
        return false;
    }
}
