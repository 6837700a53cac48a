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

/**
 * The platform's own classes from the jar under test ({@code BOOT-INF/classes}), loaded on top of
 * the benchmark's classpath. The e-mail benchmark measures the platform's real
 * {@code JdbcDeliveryLedger} and {@code JdbcNoticeAudience} without making the bench module depend on
 * the application module (and its whole dependency tree): their own dependencies (Spring JDBC, the
 * SPI) come from the benchmark's classpath, parent first, so the ledger is a
 * {@link org.blackstart.spi.DeliveryLedger} the plugin can use.
 */
final class PlatformClasses implements AutoCloseable {

    private static final String CLASSES = "BOOT-INF/classes/";

    private final URLClassLoader loader;

    private PlatformClasses(URLClassLoader loader) {
        this.loader = loader;
    }

    static PlatformClasses from(Path jar, Path scratch) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist; build it with mvn -B -q -DskipTests package -pl platform/app -am");
        }
        Path classes = scratch.resolve("classes");
        try (JarFile boot = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = boot.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(CLASSES) || !entry.getName().endsWith(".class")) {
                    continue;
                }
                Path target = classes.resolve(entry.getName().substring(CLASSES.length())).normalize();
                if (!target.startsWith(classes)) {
                    throw new IOException("refusing to unpack " + entry.getName() + " outside " + classes);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = boot.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return new PlatformClasses(new URLClassLoader(new URL[] {classes.toUri().toURL()}, PlatformClasses.class.getClassLoader()));
    }

    /** A new instance of the platform class {@code name}, by its constructor taking exactly these argument types. */
    Object create(String name, Class<?>[] types, Object... arguments) throws ReflectiveOperationException {
        return loader.loadClass(name).getConstructor(types).newInstance(arguments);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
