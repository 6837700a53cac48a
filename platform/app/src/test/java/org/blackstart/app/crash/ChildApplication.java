package org.blackstart.app.crash;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.blackstart.app.BlackstartApplication;
import org.blackstart.testkit.LocalServers;

/**
 * The application in its own JVM, so a test can kill it like a power cut would. Uses the test's
 * own classpath, which includes the test-only hooks. Also for tests that restart the application
 * with another configuration on the same database.
 */
public final class ChildApplication implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ChildApplication(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ChildApplication start(Path workDir, String name, List<String> arguments) throws Exception {
        int port = LocalServers.freeLoopbackPort();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(),
                BlackstartApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildApplication child = new ChildApplication(process, log, port);
        child.awaitHealthy(Duration.ofSeconds(120));
        return child;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the application did not stop within " + timeout + "; log:\n" + tail());
        }
        return process.exitValue();
    }

    /** Everything the application logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new AssertionError("the application did not become healthy within " + timeout + "; log:\n" + tail());
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** This JVM's classpath; unpacks the manifest-only jar the test runner may launch with. */
    private static String classpath() throws IOException {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries[0])) {
                Manifest manifest = jar.getManifest();
                String manifestPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    List<String> paths = new ArrayList<>();
                    for (String uri : manifestPath.trim().split("\\s+")) {
                        paths.add(Paths.get(URI.create(uri.startsWith("file:") ? uri
                                : new File(entries[0]).getParentFile().toURI().resolve(uri).toString())).toString());
                    }
                    return String.join(File.pathSeparator, paths);
                }
            }
        }
        return classpath;
    }
}
