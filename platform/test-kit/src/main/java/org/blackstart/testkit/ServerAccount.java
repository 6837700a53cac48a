package org.blackstart.testkit;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The account a server runs under. PostgreSQL (and Elasticsearch) refuse to run as root, and CI
 * runs both as root and as a normal user: as root, servers run as {@code nobody}, through
 * util-linux's {@code setpriv}; as anyone else, as the JVM's own user.
 */
public final class ServerAccount {

    // nobody/nogroup on Debian; by number, because the group's name differs between distributions.
    private static final int NOBODY = 65534;

    private final boolean root;

    private ServerAccount(boolean root) {
        this.root = root;
    }

    public static ServerAccount forThisJvm() {
        return new ServerAccount(new UnixSystem().getUid() == 0);
    }

    /** The command, run as this account. */
    public List<String> command(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives the directory tree to this account, so the server can write its data there. */
    public void take(Path directory) {
        if (!root) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + directory + " to uid " + NOBODY, e);
        }
    }

    @Override
    public String toString() {
        return root ? "uid " + NOBODY + " (the JVM runs as root)" : System.getProperty("user.name");
    }
}
