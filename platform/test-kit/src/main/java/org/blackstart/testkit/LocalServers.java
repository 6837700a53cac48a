package org.blackstart.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Servers for tests, on loopback and free ports only. */
public final class LocalServers {

    /** GreenMail waits 2 s by default; a loaded CI machine can take longer to open a socket. */
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;
    /** Above the well-known services a developer's machine may run (databases, proxies, dev servers). */
    private static final int FIRST_FIXED_PORT = 20_000;

    private LocalServers() {
    }

    /**
     * A free TCP port on 127.0.0.1 at the time of the call, below the kernel's ephemeral range where
     * it can tell. A port from the ephemeral range (what binding port 0 gives) can be taken by any
     * outgoing connection on the machine before the server binds it; with two test runs side by side
     * that happened. Ports below the range are only ever taken by servers that ask for them.
     */
    public static int freeLoopbackPort() {
        int below = ephemeralRangeStart();
        if (below - FIRST_FIXED_PORT >= 1000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int candidate = ThreadLocalRandom.current().nextInt(FIRST_FIXED_PORT, below);
                if (bindable(candidate)) {
                    return candidate;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The first port of the ephemeral range (Linux), or 0 where it cannot be read. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 0;
        }
    }

    /**
     * A GreenMail SMTP + IMAP server on 127.0.0.1, not started. Its ports stay fixed across
     * {@code stop()} and {@code start()}, so a test can take the mail server away and bring it back.
     */
    public static GreenMail mailServer() {
        return new GreenMail(new ServerSetup[] {
                loopback(freeLoopbackPort(), ServerSetup.PROTOCOL_SMTP),
                loopback(freeLoopbackPort(), ServerSetup.PROTOCOL_IMAP)});
    }

    /** {@link #mailServer()}, started. */
    public static GreenMail startedMailServer() {
        GreenMail mail = mailServer();
        mail.start();
        return mail;
    }

    private static ServerSetup loopback(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }
}
