package org.blackstart.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A server distribution zip from Maven (Keycloak's, Elasticsearch's), unpacked once per archive
 * content into a cache that later JVMs reuse. Everything in it is readable by every account, because
 * a JVM running as root starts servers as another account that must read the libraries inside; only
 * the owner can change it.
 */
public final class ServerZip {

    private ServerZip() {
    }

    /**
     * The zip of the Maven artifact {@code groupId:artifactId:version:zip}: from the system property
     * {@code property} when the build set it (parent pom: maven-dependency-plugin's {@code properties}
     * goal, passed on by surefire and failsafe), else where Maven keeps it in the local repository (an
     * IDE running a test class directly sets no property).
     *
     * @param configured the property's value, or null
     * @param server     what the zip holds, for the failure ("Keycloak")
     */
    public static Path archive(String property, String configured, String localRepository, Path defaultRepository,
            String groupId, String artifactId, String version, String server) {
        // Maven leaves an expression it cannot resolve as it is: a module without the dependency.
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            Path path = Path.of(configured.strip());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("-D" + property + "=" + configured + " is not a file");
            }
            return path;
        }
        Path repository = localRepository == null || localRepository.isBlank() ? defaultRepository : Path.of(localRepository);
        Path path = repository.resolve(Path.of(groupId.replace('.', '/'), artifactId, version,
                artifactId + "-" + version + ".zip"));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no " + server + " server distribution at " + path + ": declare the test "
                    + "dependency " + groupId + ":" + artifactId + ":" + version + " with <type>zip</type> and the plugin "
                    + "maven-dependency-plugin in the module's pom (see platform/test-kit/pom.xml), so that Maven "
                    + "downloads it and tells the tests where it is (-D" + property + ")");
        }
        return path;
    }

    /**
     * {@code <cache>/<name>-<digest of the archive>}, unpacked on the first call for that content.
     *
     * @param marker a file of the distribution that exists only once the unpacking is complete
     *               (the start script); relative to the distribution's top folder
     */
    public static Path unpackedInto(Path cache, String name, Path archive, String marker) throws IOException {
        Path home = cache.resolve(name + "-" + digest(archive));
        if (!Files.isRegularFile(home.resolve(marker))) {
            unpack(archive, cache, home, marker);
        }
        return home;
    }

    /** The first 16 hex digits of the file's SHA-256: enough to tell two archives apart. */
    public static String digest(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Unpack beside the target and rename: a second JVM unpacking at the same time loses the
    // rename and uses the winner's copy, so nobody ever runs a half-written distribution.
    private static void unpack(Path archive, Path cache, Path home, String marker) throws IOException {
        Path partial = Files.createTempDirectory(cache, "unpacking-");
        try {
            extract(archive, partial);
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(home.resolve(marker))) {
                throw e;
            }
        } finally {
            Directories.deleteIfExists(partial);
        }
    }

    // commons-compress, not java.util.zip: the scripts must keep their executable bits. Permissions
    // are set, not left to the umask (077 on some CI machines).
    private static void extract(Path archive, Path target) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path path = inside(target, withoutTopFolder(entry.getName()));
                if (path == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    createReadableDirectories(target, path);
                    continue;
                }
                createReadableDirectories(target, path.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean executable = (entry.getUnixMode() & 0100) != 0;
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void createReadableDirectories(Path target, Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createReadableDirectories(target, directory.getParent());
        Files.createDirectory(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code keycloak-26.5.6/bin/kc.sh} is {@code bin/kc.sh}. */
    private static String withoutTopFolder(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    /** The entry's path in the target, or null for the top folder itself; names that would leave it fail. */
    private static Path inside(Path target, String relative) throws IOException {
        if (relative.isEmpty()) {
            return null;
        }
        Path path = target.resolve(relative).normalize();
        if (!path.startsWith(target) || path.equals(target)) {
            throw new IOException("entry " + relative + " points outside the distribution");
        }
        return path;
    }
}
