package org.blackstart.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests Blackstart sends to Elasticsearch, read from its own log: with the logger
 * {@code co.elastic.clients.transport.rest5_client.low_level.Request} at TRACE, the Elasticsearch client writes every
 * request as a {@code curl} line (method, URL with the query string, body).
 * Replaying exactly these lines is "the same query sent straight to Elasticsearch": the body Blackstart builds,
 * not a reconstruction that could drift from it.
 */
final class CapturedSearches {

    /** One request as the client sent it: the path with its query string, and the JSON body. */
    record Request(String method, String pathAndQuery, String body) {
    }

    private CapturedSearches() {
    }

    /** The number of lines in the log so far, to read only what a later request adds. */
    static int mark(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).size();
    }

    /** The {@code _search} requests logged after line {@code from}. */
    static List<Request> since(Path log, int from) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<Request> requests = new ArrayList<>();
        for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
            Request request = parse(line);
            if (request != null && request.pathAndQuery().contains("/_search")) {
                requests.add(request);
            }
        }
        return requests;
    }

    /** {@code curl -iX POST 'http://host:port/path?query' -d '{...}'}, with {@code '} in the body written {@code '\''}. */
    static Request parse(String line) {
        int curl = line.indexOf("curl -iX ");
        if (curl < 0) {
            return null;
        }
        String rest = line.substring(curl + "curl -iX ".length());
        int space = rest.indexOf(' ');
        String method = rest.substring(0, space);
        int urlStart = rest.indexOf('\'', space) + 1;
        int urlEnd = rest.indexOf('\'', urlStart);
        String url = rest.substring(urlStart, urlEnd);
        int schemeEnd = url.indexOf("://");
        int pathStart = url.indexOf('/', schemeEnd + 3);
        String path = pathStart < 0 ? "/" : url.substring(pathStart);
        String body = "";
        int data = rest.indexOf(" -d '", urlEnd);
        if (data >= 0) {
            int bodyStart = data + " -d '".length();
            int bodyEnd = rest.lastIndexOf('\'');
            body = rest.substring(bodyStart, Math.max(bodyStart, bodyEnd)).replace("'\\''", "'");
        }
        return new Request(method, path, body);
    }
}
