package org.blackstart.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private final PostgresServer server = PostgresServer.shared();

    @Test
    void answersQueriesOnAFreshDatabase() throws SQLException {
        // given
        PostgresDatabase database = server.createDatabase();

        // when
        try (Connection connection = connect(database)) {
            String version = single(connection, "SELECT version()");
            String address = single(connection, "SELECT host(inet_server_addr())");
            String encoding = single(connection, "SHOW server_encoding");

            // then
            assertThat(version).startsWith("PostgreSQL 17");
            assertThat(address).isEqualTo("127.0.0.1");
            assertThat(encoding).isEqualTo("UTF8");
        }
    }

    @Test
    void givesEveryCallerItsOwnDatabase() throws SQLException {
        // given
        PostgresDatabase first = server.createDatabase();
        PostgresDatabase second = server.createDatabase();

        // when
        try (Connection one = connect(first); Connection two = connect(second)) {
            execute(one, "CREATE TABLE incident (incident_key VARCHAR(32) PRIMARY KEY)");
            execute(one, "INSERT INTO incident VALUES ('INC-2026-0001')");
            execute(two, "CREATE TABLE incident (incident_key VARCHAR(32) PRIMARY KEY)");

            // then
            assertThat(first.name()).isNotEqualTo(second.name());
            assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
            assertThat(single(one, "SELECT count(*) FROM incident")).isEqualTo("1");
            assertThat(single(two, "SELECT count(*) FROM incident")).isEqualTo("0");
        }
    }

    @Test
    void isSharedWithinTheJvm() {
        // when
        PostgresServer again = PostgresServer.shared();

        // then
        assertThat(again).isSameAs(server);
        assertThat(server.port()).isPositive();
        assertThat(server.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void neverRunsTheServerAsRoot() throws SQLException {
        // given
        PostgresDatabase database = server.createDatabase();

        // when
        try (Connection connection = connect(database)) {
            long backend = Long.parseLong(single(connection, "SELECT pg_backend_pid()"));
            Optional<String> owner = ProcessHandle.of(backend).flatMap(process -> process.info().user());

            // then
            assertThat(owner).isPresent();
            assertThat(owner.get()).isNotEqualTo("root");
        }
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            assertThat(values).hasSize(1);
            return values.get(0);
        }
    }
}
