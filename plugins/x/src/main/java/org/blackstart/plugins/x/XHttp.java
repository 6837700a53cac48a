package org.blackstart.plugins.x;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Sends a request to X; an unreachable host becomes an {@link XApiException} with status 0. */
final class XHttp {

    private final HttpClient client;

    XHttp(XProperties properties) {
        this.client = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new XApiException("X API " + request.uri().getHost() + " unreachable for " + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XApiException("interrupted while calling the X API for " + what, 0, null, e);
        }
    }
}
