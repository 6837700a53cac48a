package org.blackstart.plugins.vendormail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.blackstart.testkit.LocalServers;

/**
 * An SMTP server on 127.0.0.1 that answers every RCPT TO with one reply, e.g. {@code 550 5.1.1 no
 * such user} or {@code 450 4.2.1 mailbox busy}: what GreenMail cannot be made to say.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final String rcptReply;

    RefusingSmtpServer(String rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.server = new ServerSocket(LocalServers.freeLoopbackPort(), 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException closed) {
                // The server was closed, or the client went away; wait for the next one.
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 refusing.example ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 refusing.example");
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, "250 2.1.0 ok");
            } else if (command.startsWith("RCPT TO")) {
                reply(out, rcptReply);
            } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                reply(out, "250 2.0.0 ok");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "503 5.5.1 bad sequence");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (SocketException gone) {
            throw new IOException(gone);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
