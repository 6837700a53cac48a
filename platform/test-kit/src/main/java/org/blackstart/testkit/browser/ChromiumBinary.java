package org.blackstart.testkit.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the Chromium (or Chrome) executable is: the {@value #PROPERTY} system property, else
 * {@code /usr/bin/chromium}, else {@code chromium}, {@code chromium-browser} or {@code google-chrome}
 * on the {@code PATH}.
 */
public final class ChromiumBinary {

    public static final String PROPERTY = "blackstart.test.chromium";

    static final String MISSING = "no Chromium found for the browser tests: install Debian's package 'chromium' "
            + "(apt-get install chromium), or point -D" + PROPERTY + "= at a Chromium or Chrome executable";

    private static final Path DEBIAN = Path.of("/usr/bin/chromium");
    private static final List<String> NAMES_ON_PATH = List.of("chromium", "chromium-browser", "google-chrome");

    private ChromiumBinary() {
    }

    /**
     * The executable, or empty when none is installed.
     *
     * @throws IllegalStateException when {@value #PROPERTY} names something that is not an executable:
     *         a configured browser that is missing is a mistake to report, not a reason to skip tests
     */
    public static Optional<Path> find() {
        return find(System.getProperty(PROPERTY), DEBIAN, System.getenv("PATH"));
    }

    /** The executable; fails with what to install when there is none. */
    public static Path require() {
        return find().orElseThrow(() -> new IllegalStateException(MISSING));
    }

    static Optional<Path> find(String configured, Path debian, String searchPath) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (!isExecutable(path)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " is not an executable file");
            }
            return Optional.of(path);
        }
        if (isExecutable(debian)) {
            return Optional.of(debian);
        }
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String name : NAMES_ON_PATH) {
            for (String directory : searchPath.split(File.pathSeparator)) {
                if (directory.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(directory, name);
                if (isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
