package org.blackstart.app.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 from another loopback source address (127.0.0.2, 127.0.0.3, ...), as a second client
 * machine would send it: the JDK's HttpClient and TestRestTemplate cannot bind a source address, a
 * plain socket can. Also sends what those clients will not, e.g. a chunked body.
 */
final class FromAddress {

    /** @param headers by lower-case name; a repeated header's values are separated by a line break */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The cookies set, as a Cookie header sends them back. */
        String cookies() {
            String setCookie = header("Set-Cookie");
            return setCookie == null ? "" : java.util.Arrays.stream(setCookie.split("\n"))
                    .map(c -> c.split(";")[0]).collect(java.util.stream.Collectors.joining("; "));
        }
    }

    private final String source;
    private final int port;

    FromAddress(String source, int port) {
        this.source = source;
        this.port = port;
    }

    Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null && !headers.containsKey("Transfer-Encoding")) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if ("chunked".equals(headers.get("Transfer-Encoding"))) {
                writeChunked(out, bytes);
            } else {
                writeFully(out, bytes);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    Response get(String path, Map<String, String> headers) throws IOException {
        return send("GET", path, headers, null);
    }

    private static void writeFully(OutputStream out, byte[] body) throws IOException {
        try {
            out.write(body);
        } catch (IOException refusedMidway) {
            // as for a chunked body
        }
    }

    private static void writeChunked(OutputStream out, byte[] body) throws IOException {
        int chunk = 8192;
        try {
            for (int offset = 0; offset < body.length; offset += chunk) {
                int length = Math.min(chunk, body.length - offset);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, offset, length);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException refusedMidway) {
            // The server may answer and close before the whole body is sent; its answer is what counts.
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + "\n" + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOfCrLf(body, position);
            String size = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(body, lineEnd + 2, length);
            position = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
