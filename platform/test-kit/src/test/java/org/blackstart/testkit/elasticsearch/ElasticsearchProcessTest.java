package org.blackstart.testkit.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.blackstart.testkit.RunDirectory;
import org.blackstart.testkit.ServerAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting, failing, stopping and starting again, with a stand-in for {@code bin/elasticsearch}: a
 * shell script that starts a child JVM answering HTTP on the configured port, the way the real script
 * starts the launcher and the node. No Elasticsearch runs here; as root, the stand-in runs as nobody.
 */
class ElasticsearchProcessTest {

    private static final String FAKE_NODE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;

            public class FakeNode {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
                    server.createContext("/", exchange -> {
                        byte[] body = "{\\"status\\":\\"green\\"}".getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;

    // Started as the real one would be; records its own and its child's process ids with the witness.
    private static final String NODE = """
            echo "node starting with $ES_JAVA_OPTS, settings in $ES_PATH_CONF"
            port=$(sed -n 's/^http.port: //p' "$ES_PATH_CONF/elasticsearch.yml")
            "$ES_JAVA_HOME/bin/java" "$(dirname "$0")/FakeNode.java" "$port" &
            echo "$$ $!" >> "$WITNESS/pids"
            wait
            """;

    @TempDir
    Path temp;

    private final Path java = Path.of(System.getProperty("java.home"));
    private final ServerAccount account = ServerAccount.forThisJvm();

    // Outside the run directory, which goes with the node; writable by the node's account.
    private Path witness;

    @BeforeEach
    void readableByTheNodesAccount() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        witness = Files.createDirectories(temp.resolve("witness"));
        account.take(witness);
    }

    @Test
    void aStoppedNodeIsGoneWithItsWholeProcessTreeButKeepsItsDataAndStartsAgainOnTheSamePort() throws Exception {
        // given
        ElasticsearchHome home = home(NODE);
        ElasticsearchProcess node = ElasticsearchProcess.start(home, java, account, "64m", Duration.ofSeconds(60));
        Files.writeString(home.data().resolve("indexed"), "42 documents");
        String baseUrl = node.baseUrl();
        List<Long> first = started();

        // when
        node.stop();

        // then
        assertThat(node.isRunning()).isFalse();
        assertAllGone(first);
        assertThat(home.data().resolve("indexed")).hasContent("42 documents");
        assertThatThrownBy(() -> get(baseUrl)).isInstanceOf(IOException.class);

        // when
        node.restart(Duration.ofSeconds(60));

        // then
        assertThat(node.isRunning()).isTrue();
        assertThat(node.baseUrl()).isEqualTo(baseUrl);
        assertThat(get(baseUrl + "/_cluster/health")).isEqualTo(200);
        node.restart(Duration.ofSeconds(60));
        assertThat(home.logText()).contains("node starting with -Xms64m -Xmx64m");
        assertThat(started()).as("a start of a running node starts nothing").hasSize(4);
        List<Long> second = started().subList(2, 4);
        node.kill();
        assertAllGone(second);
        assertThat(home.runDirectory()).doesNotExist();
    }

    @Test
    void aNodeThatIsNeverReadyIsStoppedWithItsWholeProcessTreeAndItsRunDirectoryGone() throws Exception {
        // given
        ElasticsearchHome home = home("""
                echo "pretending to start"
                sleep 300 &
                echo "$$ $!" >> "$WITNESS/pids"
                wait
                """);

        // when
        assertThatThrownBy(() -> ElasticsearchProcess.start(home, java, account, "64m", Duration.ofSeconds(3)))

                // then
                .hasMessageContaining("was not ready within 3 s")
                .hasMessageContaining("pretending to start");
        assertAllGone(started());
        assertThat(home.runDirectory()).doesNotExist();
    }

    @Test
    void aNodeThatExitsIsReportedWithTheEndOfItsLogAndATakenPortIsTriedAgainThreeTimesAtMost() throws IOException {
        // given
        ElasticsearchHome home = home("""
                sed -n 's/^http.port: //p' "$ES_PATH_CONF/elasticsearch.yml" >> "$WITNESS/ports"
                echo "BindHttpException: Failed to bind to 127.0.0.1 (Address already in use)"
                exit 1
                """);

        // when / then
        assertThatThrownBy(() -> ElasticsearchProcess.start(home, java, account, "64m", Duration.ofSeconds(60)))
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("Address already in use");
        assertThat(Files.readAllLines(witness.resolve("ports"))).hasSize(3).doesNotHaveDuplicates();
    }

    private ElasticsearchHome home(String script) throws IOException {
        Path distribution = Files.createDirectories(temp.resolve("distribution"));
        Path bin = Files.createDirectories(distribution.resolve("bin"));
        Files.writeString(bin.resolve("elasticsearch"), "#!/bin/sh\nWITNESS=" + witness + "\n" + script);
        Files.setPosixFilePermissions(bin.resolve("elasticsearch"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("FakeNode.java"), FAKE_NODE);
        Files.setPosixFilePermissions(bin.resolve("FakeNode.java"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(distribution.resolve("lib"));
        Files.createDirectories(distribution.resolve("modules"));
        Path config = Files.createDirectories(distribution.resolve("config"));
        Files.writeString(config.resolve("log4j2.properties"), "");
        Files.writeString(config.resolve("jvm.options"), "-XX:+UseG1GC\n");
        Path cache = Files.createDirectories(temp.resolve("cache"));
        return ElasticsearchHome.create(ElasticsearchDistribution.at(distribution, "9.2.0"), List.of(), account,
                RunDirectory.lockedIn(cache));
    }

    private List<Long> started() throws IOException {
        return Files.readAllLines(witness.resolve("pids")).stream()
                .flatMap(line -> List.of(line.strip().split(" ")).stream()).map(Long::valueOf).toList();
    }

    private static void assertAllGone(List<Long> pids) throws IOException {
        assertThat(pids).hasSize(2);
        for (long pid : pids) {
            assertThat(running(pid)).as("process %d", pid).isFalse();
        }
    }

    // A process whose parent died before it is adopted by init; until init reaps it, it is a zombie: ended, not running.
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        String state = text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
        return !state.equals("Z") && !state.equals("X");
    }

    private static int get(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
