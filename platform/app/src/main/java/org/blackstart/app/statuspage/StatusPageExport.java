package org.blackstart.app.statuspage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The status page as static files, to host apart from the platform for when the platform's own site
 * is down: as a zip on request, and, with {@code blackstart.statuspage.export-directory}, rewritten
 * after every change (into a fresh directory, then swapped in, so a web server never serves half a copy).
 */
@Component
public class StatusPageExport {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPageExport.class);
    private static final Pattern SAFE_PART = Pattern.compile("[A-Za-z0-9._-]+");

    private final StatusPages pages;
    private final Path directory;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "statuspage-export");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    StatusPageExport(StatusPages pages, StatusPageProperties properties) {
        this.pages = pages;
        this.directory = properties.exportDirectory() == null ? null : properties.exportDirectory().toAbsolutePath().normalize();
    }

    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : pages.files().entrySet()) {
                if (!isSafeName(file.getKey())) {
                    LOG.error("BLACKSTART-STATUS-021 left {} out of the status page zip: not a plain relative file name", file.getKey());
                    continue;
                }
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @EventListener(ApplicationReadyEvent.class)
    void exportAtStart() {
        scheduleWrite();
    }

    /** After the change is committed; many changes in a burst make one or two writes. */
    @TransactionalEventListener(fallbackExecution = true)
    void changed(StatusChanged change) {
        scheduleWrite();
    }

    private void scheduleWrite() {
        if (directory != null && queued.compareAndSet(false, true)) {
            writer.execute(() -> {
                queued.set(false);
                try {
                    write(directory);
                } catch (RuntimeException | IOException e) {
                    LOG.error("BLACKSTART-STATUS-020 the static status page could not be written to {}: {}", directory, e.toString());
                }
            });
        }
    }

    /**
     * Writes the copy next to {@code target}, then moves it into place. File names come from incident
     * and maintenance keys; one that would land outside the copy (a {@code ..}, an absolute path) is
     * left out, and a target that is a symbolic link is refused, so nothing is written elsewhere.
     */
    void write(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a symbolic link; the status page is written only into a real directory");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path fresh = Files.createTempDirectory(parent, "." + target.getFileName() + "-new-");
        for (Map.Entry<String, String> file : pages.files().entrySet()) {
            Path path = fresh.resolve(file.getKey()).normalize();
            if (!isSafeName(file.getKey()) || !path.startsWith(fresh)) {
                LOG.error("BLACKSTART-STATUS-021 left {} out of the static status page: not a plain relative file name", file.getKey());
                continue;
            }
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        Path old = null;
        if (Files.exists(target)) {
            old = parent.resolve("." + target.getFileName() + "-old-" + System.nanoTime());
            move(target, old);
        }
        move(fresh, target);
        if (old != null) {
            delete(old);
        }
    }

    /** Relative, separated by {@code /}, each part letters, digits, dots, dashes and underscores, none {@code .} or {@code ..}. */
    static boolean isSafeName(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (!SAFE_PART.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
