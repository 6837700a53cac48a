package org.blackstart.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Servers for tests, on loopback and free ports only. */
public final class LocalServers {

    /** GreenMail waits 2 s by default; a loaded CI machine can take longer to open a socket. */
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

    private LocalServers() {
    }

    /** A free TCP port on 127.0.0.1 at the time of the call. */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
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
