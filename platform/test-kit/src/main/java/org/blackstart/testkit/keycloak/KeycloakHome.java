package org.blackstart.testkit.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.blackstart.testkit.RunDirectory;
import org.blackstart.testkit.ServerLog;

/**
 * One server's Keycloak home, in its run directory. Keycloak writes into its home as it starts (its
 * dev-mode build in {@code lib/quarkus}, transaction logs in {@code data}), so servers of JVMs that
 * run side by side must not share one; the 160 MB of libraries they only read are linked from the
 * cached distribution, the rest (a few MB) is copied.
 */
final class KeycloakHome {

    static final String REALM_FILE = "blackstart-realm.json";

    private final RunDirectory run;

    private KeycloakHome(RunDirectory run) {
        this.run = run;
    }

    /** A home in the run directory with nothing laid out yet. */
    static KeycloakHome in(RunDirectory run) {
        return new KeycloakHome(run);
    }

    static KeycloakHome create(KeycloakDistribution distribution, RunDirectory run, String buildOptions) {
        KeycloakHome home = in(run);
        Path root = home.root();
        try {
            Files.createDirectories(root.resolve("lib"));
            copyTree(distribution.file("bin"), root.resolve("bin"));
            copyTree(distribution.file("conf"), root.resolve("conf"));
            Files.copy(distribution.file("lib/quarkus-run.jar"), root.resolve("lib/quarkus-run.jar"));
            Files.createSymbolicLink(root.resolve("lib/lib"), distribution.file("lib/lib"));
            Files.createSymbolicLink(root.resolve("lib/app"), distribution.file("lib/app"));
            Path devBuild = distribution.devBuild(buildOptions);
            copyTree(Files.isDirectory(devBuild) ? devBuild : distribution.file("lib/quarkus"), home.build());
            Files.createDirectories(root.resolve("providers"));
            Files.createDirectories(root.resolve("themes"));
            Files.createDirectories(home.imports());
            Files.write(home.imports().resolve(REALM_FILE), BlackstartRealm.export());
            Files.createFile(home.log());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out a Keycloak home in " + root, e);
        }
    }

    Path root() {
        return run.root().resolve("home");
    }

    Path script() {
        return root().resolve("bin").resolve("kc.sh");
    }

    /** Keycloak's build (Quarkus augmentation output) of this home. */
    Path build() {
        return root().resolve("lib").resolve("quarkus");
    }

    Path imports() {
        return root().resolve("data").resolve("import");
    }

    Path log() {
        return run.root().resolve("keycloak.log");
    }

    Path runDirectory() {
        return run.root();
    }

    /** The log's last {@code lines} lines. */
    String logTail(int lines) {
        return ServerLog.tail(log(), lines);
    }

    String logText() {
        return ServerLog.text(log());
    }

    void delete() {
        run.delete();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
