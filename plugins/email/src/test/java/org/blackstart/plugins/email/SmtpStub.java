package org.blackstart.plugins.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.blackstart.testkit.LocalServers;

/**
 * A tiny SMTP server for the answers GreenMail cannot give: 550 or 450 to chosen recipients, a
 * connection dropped after a number of messages, a server that goes away in the middle of a
 * fan-out. Listens on 127.0.0.1 and a free port only.
 */
final class SmtpStub implements AutoCloseable {

    record Received(String recipient, String data) {
    }

    private final int port = LocalServers.freeLoopbackPort();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> deferred = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile int dropEvery;
    private volatile int goAwayAfter = Integer.MAX_VALUE;
    private volatile ServerSocket server;

    SmtpStub start() throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    int port() {
        return port;
    }

    /** Answers RCPT TO for {@code address} with 550 (refused for good). */
    SmtpStub refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Answers RCPT TO for {@code address} with 450 (refused for now). */
    SmtpStub defer(String address) {
        deferred.add(address.toLowerCase(Locale.ROOT));
        return this;
    }

    void stopDeferring() {
        deferred.clear();
    }

    /** Closes each connection after every {@code messages} accepted messages, as a server restart would. */
    SmtpStub dropConnectionEvery(int messages) {
        this.dropEvery = messages;
        return this;
    }

    /** After {@code messages} accepted messages in all, stops listening and closes every connection. */
    SmtpStub goAwayAfter(int messages) {
        this.goAwayAfter = messages;
        return this;
    }

    List<Received> received() {
        return received;
    }

    List<String> recipients() {
        return received.stream().map(Received::recipient).toList();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread session = new Thread(() -> serve(socket), "smtp-stub-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 stub ESMTP");
            String recipient = null;
            int acceptedHere = 0;
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-stub\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("MAIL FROM") || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("RSET")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                    if (refused.contains(address)) {
                        reply(out, "550 5.1.1 <" + address + ">: no such user");
                    } else if (deferred.contains(address)) {
                        reply(out, "450 4.2.1 <" + address + ">: mailbox busy, try later");
                    } else {
                        recipient = address;
                        reply(out, "250 OK");
                    }
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 end with .");
                    StringBuilder data = new StringBuilder();
                    for (String dataLine; (dataLine = in.readLine()) != null && !dataLine.equals("."); ) {
                        data.append(dataLine).append("\r\n");
                    }
                    received.add(new Received(recipient, data.toString()));
                    reply(out, "250 2.0.0 queued");
                    acceptedHere++;
                    if (received.size() >= goAwayAfter) {
                        close();
                        return;
                    }
                    if (dropEvery > 0 && acceptedHere % dropEvery == 0) {
                        return;
                    }
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException gone) {
            // the client or close() ended the session
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
