package org.blackstart.testkit;

/**
 * An empty database on {@link PostgresServer}, for one test class or one application context.
 * The server uses trust authentication on loopback: the password is accepted, not checked.
 */
public record PostgresDatabase(String name, String jdbcUrl, String username, String password) {
}
