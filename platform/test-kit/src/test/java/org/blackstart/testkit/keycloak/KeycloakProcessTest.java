package org.blackstart.testkit.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.blackstart.testkit.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting, failing and stopping, with a stand-in for {@code kc.sh}: a shell script that starts a
 * child the way kc.sh starts Keycloak's JVM. No Keycloak runs here.
 */
class KeycloakProcessTest {

    @TempDir
    Path temp;

    @Test
    void aServerThatNeverServesTheRealmIsStoppedWithItsWholeProcessTreeAndItsRunDirectoryGone() throws Exception {
        // given
        Path pids = temp.resolve("pids");
        KeycloakHome home = home("""
                echo "pretending to start with $*"
                sleep 300 &
                echo "$$ $!" > %s
                wait
                """.formatted(pids));

        // when
        assertThatThrownBy(() -> KeycloakProcess.start(home, temp, "secret-admin-password", Duration.ofSeconds(3)))

                // then
                .hasMessageContaining("did not serve the realm blackstart within 3 s")
                .hasMessageContaining("pretending to start with start-dev --http-host=127.0.0.1")
                .hasMessageContaining("--import-realm")
                .hasMessageNotContaining("secret-admin-password");
        List<Long> started = started(pids);
        assertThat(started).hasSize(2);
        for (long pid : started) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d", pid).isEmpty();
        }
        assertThat(home.runDirectory()).doesNotExist();
    }

    @Test
    void aServerThatExitsIsReportedWithTheEndOfItsLog() throws IOException {
        // given
        KeycloakHome home = home("""
                echo "ERROR: Failed to start server in (development) mode"
                exit 3
                """);

        // when / then
        assertThatThrownBy(() -> KeycloakProcess.start(home, temp, "pw", Duration.ofSeconds(30)))
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("ERROR: Failed to start server in (development) mode");
    }

    @Test
    void aPortTakenMeanwhileIsTriedAgainOnOtherPortsThreeTimesAtMost() throws IOException {
        // given
        Path attempts = temp.resolve("attempts");
        KeycloakHome home = home("""
                echo "$3" >> %s
                echo "ERROR: Port(s) already bound: Address already in use"
                exit 1
                """.formatted(attempts));

        // when / then
        assertThatThrownBy(() -> KeycloakProcess.start(home, temp, "pw", Duration.ofSeconds(30)))
                .hasMessageContaining("exited with code 1");
        assertThat(Files.readAllLines(attempts)).hasSize(3).doesNotHaveDuplicates();
    }

    private KeycloakHome home(String script) throws IOException {
        Path cache = Files.createDirectories(temp.resolve("cache"));
        KeycloakHome home = KeycloakHome.in(RunDirectory.lockedIn(cache));
        Path kc = Files.createDirectories(home.root().resolve("bin")).resolve("kc.sh");
        Files.writeString(kc, "#!/bin/sh\n" + script);
        assertThat(kc.toFile().setExecutable(true)).isTrue();
        Files.createFile(home.log());
        return home;
    }

    private static List<Long> started(Path pids) throws IOException {
        return List.of(Files.readString(pids).strip().split(" ")).stream().map(Long::valueOf).toList();
    }
}
