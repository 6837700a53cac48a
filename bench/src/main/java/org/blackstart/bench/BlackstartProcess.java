package org.blackstart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test: {@code java -jar blackstart.jar} as a child process, in its own temp
 * working directory (so its H2 file starts empty) on free loopback ports (so it never collides with
 * a platform someone else is running, and load stays on 127.0.0.1). The child is always stopped:
 * by {@link #close()}, and by a shutdown hook if the benchmark JVM is ended first.
 */
final class BlackstartProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final Thread shutdownHook;

    private BlackstartProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "stop-blackstart");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static BlackstartProcess launch(Path jar, Path workDir, List<String> jvmArgs) throws IOException {
        return launch(jar, workDir, jvmArgs, List.of());
    }

    /**
     * @param appArgs extra application arguments after the benchmark's own ({@code --name=value}),
     *                e.g. {@code --spring.config.additional-location=...}; not the keys set here (Spring Boot
     *                would join two values of one key with a comma)
     */
    static BlackstartProcess launch(Path jar, Path workDir, List<String> jvmArgs, List<String> appArgs) throws IOException {
        return launch(jar, workDir, jvmArgs, appArgs, datasourceUrl(workDir));
    }

    /**
     * @param datasourceUrl the platform's database, e.g. {@link #sharedDatasourceUrl} so the benchmark can write into
     *                      it while the platform runs
     */
    static BlackstartProcess launch(Path jar, Path workDir, List<String> jvmArgs, List<String> appArgs, String datasourceUrl)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build it with "
                    + "mvn -B -q -DskipTests package -pl platform/app -am");
        }
        int[] ports = freeLoopbackPorts(3);
        // The same java that runs the benchmark, so both sides run on one JDK.
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + ports[0],
                "--blackstart.demo.mail.smtp-port=" + ports[1],
                "--blackstart.demo.mail.imap-port=" + ports[2],
                // The platform's own durability setting, spelled out so the baseline's matches it visibly.
                "--spring.datasource.url=" + datasourceUrl));
        command.addAll(appArgs);
        Path log = workDir.resolve("blackstart.log");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile()) // a file, never a pipe: a full pipe would stall the child
                .start();
        return new BlackstartProcess(process, log, ports[0]);
    }

    /** The platform's database in {@code workDir}, with its durability setting spelled out so a baseline's matches it. */
    static String datasourceUrl(Path workDir) {
        return "jdbc:h2:file:" + workDir.resolve("data/blackstart").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The same database, opened so that a second process can use it while the platform runs (H2's automatic mixed
     * mode, which does not go with {@code DB_CLOSE_ON_EXIT=FALSE}: the platform may log a closed database when it stops).
     */
    static String sharedDatasourceUrl(Path workDir) {
        return "jdbc:h2:file:" + workDir.resolve("data/blackstart").toAbsolutePath() + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    /** For reading the child's CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Polls /actuator/health until it answers UP, the child dies, or the timeout passes. */
    void awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Blackstart exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // expected until Tomcat is up
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Blackstart not UP within " + timeout + ":\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (graceful shutdown), then a bounded wait, then kill: a stop never hangs the benchmark. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** Free ports on 127.0.0.1, all held open until every one is found so none is handed out twice. */
    static int[] freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
