package org.blackstart.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.flywaydb.core.Flyway;

/**
 * The platform's database schema, created by the platform's own Flyway migrations taken from the
 * jar under test, so the baseline writes into exactly the tables (types, indexes, constraints) the
 * measured platform writes into. The migrations are copied out of the Spring Boot jar
 * ({@code BOOT-INF/classes/db/migration}) and run from there with Flyway, configured as the
 * platform configures it (history table {@code bs_schema_history}).
 */
final class PlatformSchema {

    static final String MIGRATIONS = "BOOT-INF/classes/db/migration/";

    private PlatformSchema() {
    }

    /**
     * @param jar       the platform's Spring Boot jar
     * @param scratch   an empty directory the migrations are copied to
     * @return how many migrations ran
     */
    static int migrate(Path jar, Path scratch, String jdbcUrl) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: the baseline takes its schema from the platform jar; "
                    + "build it with mvn -B -q -DskipTests package -pl platform/app -am");
        }
        int copied = 0;
        try (JarFile boot = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = boot.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(MIGRATIONS)) {
                    continue;
                }
                Path target = scratch.resolve("db/migration").resolve(entry.getName().substring(MIGRATIONS.length())).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("refusing to unpack " + entry.getName() + " outside " + scratch);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = boot.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                copied++;
            }
        }
        if (copied == 0) {
            throw new IllegalArgumentException(jar + " has no " + MIGRATIONS + ": not a Blackstart jar?");
        }
        try (URLClassLoader migrations = new URLClassLoader(new URL[] {scratch.toUri().toURL()},
                PlatformSchema.class.getClassLoader())) {
            return Flyway.configure(migrations)
                    .dataSource(jdbcUrl, "sa", "")
                    .locations("classpath:db/migration")
                    .table("bs_schema_history")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        }
    }
}
