package org.blackstart.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Servers for tests, on loopback and free ports only. */
public final class LocalServers {

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
                new ServerSetup(freeLoopbackPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freeLoopbackPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    }

    /** {@link #mailServer()}, started. */
    public static GreenMail startedMailServer() {
        GreenMail mail = mailServer();
        mail.start();
        return mail;
    }
}
