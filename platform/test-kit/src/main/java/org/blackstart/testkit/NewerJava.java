package org.blackstart.testkit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java runtime the servers the kit starts run on (Keycloak, Elasticsearch): they need Java
 * {@value #MINIMUM} or newer, while Blackstart builds and tests on 17. Looked for in this order: the
 * {@value #PROPERTY} system property, the {@value #ENVIRONMENT} environment variable, {@code JAVA_HOME},
 * the JVM running the tests, and the JDK folders of the machine (the newest there wins).
 */
public final class NewerJava {

    static final int MINIMUM = 21;
    static final String PROPERTY = "blackstart.test.java21-home";
    static final String ENVIRONMENT = "BLACKSTART_JAVA21_HOME";

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private NewerJava() {
    }

    /**
     * A Java {@value #MINIMUM}+ home on this machine; fails with what to install or set when there is none.
     *
     * @param server what needs it, for the failure ("Keycloak", "Elasticsearch")
     */
    public static Path home(String server) {
        String home = System.getProperty("user.home", "");
        return find(server, System.getProperty(PROPERTY), System.getenv(), Path.of(System.getProperty("java.home")),
                Runtime.version().feature(), List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                        Path.of(home, ".sdkman", "candidates", "java"), Path.of(home, ".jdks")));
    }

    /**
     * @param server       what needs it, for the failure
     * @param configured   the system property's value, or null
     * @param environment  read for {@value #ENVIRONMENT} and {@code JAVA_HOME}
     * @param currentHome  the running JVM's home, of feature version {@code currentFeature}
     * @param jdkFolders   folders whose subfolders are JDKs
     */
    static Path find(String server, String configured, Map<String, String> environment, Path currentHome, int currentFeature,
            List<Path> jdkFolders) {
        if (isSet(configured)) {
            return required(Path.of(configured.strip()), "-D" + PROPERTY + "=" + configured);
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (isSet(fromEnvironment)) {
            return required(Path.of(fromEnvironment.strip()), ENVIRONMENT + "=" + fromEnvironment);
        }
        List<String> seen = new ArrayList<>();
        String javaHome = environment.get("JAVA_HOME");
        if (isSet(javaHome)) {
            Path path = Path.of(javaHome.strip());
            if (suitable(path)) {
                return path;
            }
            seen.add("JAVA_HOME=" + javaHome + " (" + describe(path) + ")");
        }
        if (currentFeature >= MINIMUM && isJavaHome(currentHome)) {
            return currentHome;
        }
        seen.add("the JVM running the tests, " + currentHome + " (Java " + currentFeature + ")");
        List<Path> candidates = new ArrayList<>();
        for (Path folder : jdkFolders) {
            candidates.addAll(subfolders(folder));
        }
        Optional<Path> newest = candidates.stream().filter(NewerJava::suitable)
                .max(Comparator.comparingInt((Path path) -> feature(path).orElse(0)).thenComparing(Path::toString));
        if (newest.isPresent()) {
            return newest.get();
        }
        candidates.forEach(path -> seen.add(path + " (" + describe(path) + ")"));
        throw new IllegalStateException(server + " needs Java " + MINIMUM + " or newer to run in the tests, and none was "
                + "found. Looked at: " + String.join("; ", seen) + "; and in " + jdkFolders + ". Install a JDK "
                + MINIMUM + " or newer (for example Temurin 21 or 25, or your distribution's openjdk-21-jdk-headless) "
                + "and, unless it is under /usr/lib/jvm, point -D" + PROPERTY + "= or the environment variable "
                + ENVIRONMENT + " at its home (the folder with bin/java). Blackstart itself still builds with Java 17.");
    }

    /** The feature version in the home's {@code release} file ({@code JAVA_VERSION="21.0.2"} is 21). */
    static OptionalInt feature(Path home) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? OptionalInt.of(Integer.parseInt(version.group(1))) : OptionalInt.empty();
        } catch (IOException | RuntimeException unreadable) {
            return OptionalInt.empty();
        }
    }

    private static Path required(Path path, String source) {
        if (!suitable(path)) {
            throw new IllegalStateException(source + " is not a Java " + MINIMUM + "+ home (" + describe(path)
                    + "): it needs bin/java and a release file saying JAVA_VERSION=\"" + MINIMUM + "\" or newer");
        }
        return path;
    }

    private static boolean suitable(Path home) {
        return isJavaHome(home) && feature(home).orElse(0) >= MINIMUM;
    }

    private static boolean isJavaHome(Path home) {
        Path java = home.resolve("bin").resolve("java");
        return Files.isRegularFile(java) && Files.isExecutable(java);
    }

    private static String describe(Path home) {
        if (!Files.isDirectory(home)) {
            return "no such folder";
        }
        if (!isJavaHome(home)) {
            return "no bin/java";
        }
        OptionalInt feature = feature(home);
        return feature.isPresent() ? "Java " + feature.getAsInt() : "no JAVA_VERSION in its release file";
    }

    private static List<Path> subfolders(Path folder) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            entries.forEach(found::add);
        } catch (IOException unreadable) {
            // A folder we cannot list holds no JDK we could use.
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
