package org.blackstart.testkit.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP + JSON calls to one Elasticsearch node, for tests that check what it holds without going
 * through the application under test (or its client). Failures name the call and the node's answer.
 */
public final class ElasticsearchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** @param baseUrl {@code http://127.0.0.1:<port>}, as {@link ElasticsearchServer#baseUrl()} */
    public ElasticsearchHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The number of documents in the index, alias or comma-separated list, as far as the last refresh shows them. */
    public long count(String index) {
        return call("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    /** Makes everything indexed so far visible to searches and counts (otherwise up to a second later). */
    public void refresh(String index) {
        call("POST", "/" + index + "/_refresh", null);
    }

    /** {@code GET path} ({@code /_cat/indices?format=json}, {@code /blackstart-timeline/_doc/42}): its JSON answer. */
    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    /** {@code PUT path} with a JSON body (a map, a record, a {@link JsonNode} or a JSON string). */
    public JsonNode put(String path, Object body) {
        return call("PUT", path, body);
    }

    /** {@code POST path} with a JSON body (a map, a record, a {@link JsonNode} or a JSON string), e.g. a search. */
    public JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    /**
     * Deletes every index of the prefix ({@code <prefix>-*}, their aliases with them) and the index
     * templates named {@code <prefix>*}: a clean node for the next test class with that prefix.
     */
    public void deleteAllBlackstartIndices(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.contains("*") || prefix.contains(",")) {
            throw new IllegalArgumentException("an index prefix such as blackstart-it, not '" + prefix + "'");
        }
        call("DELETE", "/" + prefix + "-*?expand_wildcards=all&ignore_unavailable=true", null);
        // Without any template of that name Elasticsearch answers 404: nothing to delete is fine.
        send("DELETE", "/_index_template/" + prefix + "*", null);
    }

    /**
     * Sends a request (null body: none) and returns the node's JSON answer, or null when it sent none.
     *
     * @throws IllegalStateException when the node answers anything but 2xx
     */
    public JsonNode call(String method, String path, Object body) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Elasticsearch refused " + method + " " + path + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return json(response.body());
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text(body)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch at " + baseUrl + " did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static String text(Object body) {
        if (body instanceof String json) {
            return json;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch answered something else than JSON: " + body, e);
        }
    }
}
