package org.blackstart.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMTP server both sides of the e-mail benchmark send to: a minimal ESMTP sink on 127.0.0.1
 * that reads every message to its end, answers 250 and discards it. One thread per connection,
 * no parsing beyond the envelope, so the sink costs both sides the same and little. It counts
 * messages and distinct recipients, so a round that lost or doubled messages is caught.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> recipients = ConcurrentHashMap.newKeySet();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    int distinctRecipients() {
        return recipients.size();
    }

    int connections() {
        return connections.get();
    }

    void reset() {
        messages.set(0);
        recipients.clear();
        connections.set(0);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(socket), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
             OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 sink ESMTP");
            for (String line; (line = readLine(in)) != null; ) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        int open = line.indexOf('<');
                        int close = line.indexOf('>');
                        if (open >= 0 && close > open) {
                            recipients.add(line.substring(open + 1, close));
                        }
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        for (String data; (data = readLine(in)) != null && !data.equals("."); ) {
                            // discarded
                        }
                        messages.incrementAndGet();
                        reply(out, "250 2.0.0 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
