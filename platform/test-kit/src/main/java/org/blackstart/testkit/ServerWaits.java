package org.blackstart.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Bounded waits for the servers the kit starts as processes. An interrupt ends a wait at once and
 * stays set, so a test run being stopped is not held up by a server that is slow to start or stop.
 */
public final class ServerWaits {

    private ServerWaits() {
    }

    /** Whether the process ended within the limit (a negative limit waits not at all). */
    public static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Pauses between two polls of a starting server, named in the failure when interrupted. */
    public static void pause(Duration pause, String server) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + server, e);
        }
    }

    /**
     * Polls {@code ready} every 250 ms until it answers 200: true then; false when the process ends first or the
     * deadline passes.
     */
    public static boolean untilOk(URI ready, Process process, Instant deadline, String server) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + server, e);
            }
            pause(Duration.ofMillis(250), server);
        }
        return false;
    }
}
