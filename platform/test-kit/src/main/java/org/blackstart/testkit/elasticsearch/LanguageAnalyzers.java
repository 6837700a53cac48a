package org.blackstart.testkit.elasticsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.blackstart.testkit.Directories;
import org.blackstart.testkit.ServerWaits;

/**
 * The language analyzers {@code english}, {@code dutch}, {@code german} and {@code french} for the
 * test distribution, which lacks the analysis-common module where every other distribution has them:
 * so Blackstart's index template, which names them, is the same file in production and in tests.
 *
 * <p>They come as an Elasticsearch <em>stable plugin</em>: a jar of {@code AnalyzerFactory} classes
 * annotated {@code @NamedComponent("<analyzer>")}, a {@code stable-plugin-descriptor.properties} and a
 * {@code named_components.json} that maps the extensible interface to those names and classes, in a
 * folder under the home's {@code plugins}. The API jars and Lucene in the distribution's {@code lib}
 * are Java 21 bytecode while Blackstart builds for 17, so the sources are resources of the kit
 * ({@code analysis/*.java.txt}) that the Java 21+ the node runs on compiles, once per distribution
 * and sources, into the cache.
 */
final class LanguageAnalyzers {

    static final String PLUGIN = "blackstart-language-analyzers";

    private static final String PACKAGE = "org.blackstart.testkit.elasticsearch.analysis";
    private static final String SOURCES = "/" + PACKAGE.replace('.', '/') + "/";
    private static final String EXTENSIBLE = "org.elasticsearch.plugin.analysis.AnalyzerFactory";
    private static final Map<String, String> FACTORIES = new LinkedHashMap<>();
    private static final Duration COMPILE_LIMIT = Duration.ofMinutes(3);

    static {
        FACTORIES.put("english", "EnglishAnalyzerFactory");
        FACTORIES.put("dutch", "DutchAnalyzerFactory");
        FACTORIES.put("german", "GermanAnalyzerFactory");
        FACTORIES.put("french", "FrenchAnalyzerFactory");
    }

    private LanguageAnalyzers() {
    }

    /** The analyzers' names, as mappings use them. */
    static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /**
     * The plugin's folder ({@value #PLUGIN}) for this distribution, built with the JDK at
     * {@code javaHome} on the first call and kept in the cache for later JVMs.
     */
    static Path pluginFor(ElasticsearchDistribution distribution, Path javaHome, Path cache) {
        Map<String, String> sources = sources();
        Path built = cache.resolve(distribution.id() + "-analyzers-" + digest(sources));
        Path plugin = built.resolve(PLUGIN);
        if (Files.isRegularFile(plugin.resolve(PLUGIN + ".jar"))) {
            return plugin;
        }
        Path partial = null;
        Path work = null;
        try {
            partial = Files.createTempDirectory(cache, "building-");
            work = Files.createTempDirectory(cache, "compiling-");
            build(distribution, javaHome, sources, work, partial.resolve(PLUGIN));
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            // Built beside the target and renamed: a JVM building at the same time loses the rename and uses the winner's.
            Files.move(partial, built, StandardCopyOption.ATOMIC_MOVE);
            return plugin;
        } catch (IOException e) {
            if (Files.isRegularFile(plugin.resolve(PLUGIN + ".jar"))) {
                return plugin;
            }
            throw new UncheckedIOException("cannot build the language analyzers plugin in " + cache, e);
        } finally {
            for (Path temporary : new Path[] {partial, work}) {
                if (temporary != null) {
                    Directories.deleteIfExists(temporary);
                }
            }
        }
    }

    private static void build(ElasticsearchDistribution distribution, Path javaHome, Map<String, String> sources, Path work,
            Path plugin) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        compile(javaHome, distribution, files, classes, work.resolve("javac.log"));
        Files.createDirectory(plugin);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar(classes, plugin.resolve(PLUGIN + ".jar"));
        Files.writeString(plugin.resolve("stable-plugin-descriptor.properties"), descriptor(distribution, digest(sources)));
        Files.writeString(plugin.resolve("named_components.json"), namedComponents());
        try (Stream<Path> written = Files.list(plugin)) {
            for (Path file : (Iterable<Path>) written::iterator) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static void compile(Path javaHome, ElasticsearchDistribution distribution, List<String> files, Path classes,
            Path log) throws IOException {
        Path javac = javaHome.resolve("bin").resolve("javac");
        if (!Files.isExecutable(javac)) {
            throw new IllegalStateException("the Java at " + javaHome + " has no bin/javac: the kit compiles the language "
                    + "analyzers for Elasticsearch with it. Point -Dblackstart.test.java21-home= at a JDK 21 or newer, not a JRE");
        }
        List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "21", "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "-cp", distribution.file("lib") + "/*", "-d", classes.toString()));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile())).start();
        process.getOutputStream().close();
        if (!ServerWaits.waitFor(process, COMPILE_LIMIT)) {
            process.destroyForcibly();
            throw new IllegalStateException("javac did not compile the language analyzers within "
                    + COMPILE_LIMIT.toMinutes() + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("javac (" + javac + ") could not compile the language analyzers against "
                    + distribution.file("lib") + ":\n" + Files.readString(log));
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> paths = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    private static String descriptor(ElasticsearchDistribution distribution, String version) {
        return String.join("\n",
                "name=" + PLUGIN,
                "description=The analyzers " + String.join(", ", names()) + " of the analysis-common module, which the "
                        + "test distribution lacks (Blackstart's test kit)",
                "version=" + version,
                "elasticsearch.version=" + distribution.version(),
                "java.version=21",
                "modular=false",
                "");
    }

    /** {@code {"<extensible interface>": {"<name>": "<class>", ...}}}, as Elasticsearch's own build writes it. */
    private static String namedComponents() throws IOException {
        Map<String, String> components = new LinkedHashMap<>();
        FACTORIES.forEach((name, factory) -> components.put(name, PACKAGE + "." + factory));
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(EXTENSIBLE, components));
    }

    /** Class name to source text, from the kit's resources. */
    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String factory : FACTORIES.values()) {
            String resource = SOURCES + factory + ".java.txt";
            try (InputStream in = LanguageAnalyzers.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no " + resource + " on the classpath");
                }
                sources.put(factory, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return sources;
    }

    private static String digest(Map<String, String> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sources.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
