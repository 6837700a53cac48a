package org.blackstart.testkit.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket to Chromium's DevTools protocol: commands with bounded waits for their answers, and
 * events for whoever records them. Commands for a page carry that page's session id (flat sessions).
 */
final class DevToolsConnection implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<EventLog> logs = new CopyOnWriteArrayList<>();
    private volatile Throwable broken;

    private DevToolsConnection(Inbox inbox, URI endpoint, Duration limit) {
        inbox.connection = this;
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(limit)
                    .buildAsync(endpoint, inbox)
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + endpoint, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to Chromium's DevTools at " + endpoint, e);
        }
    }

    static DevToolsConnection open(URI endpoint, Duration limit) {
        return new DevToolsConnection(new Inbox(), endpoint, limit);
    }

    /** Sends a command (to the browser when {@code sessionId} is null) and returns its result. */
    JsonNode call(String sessionId, String method, ObjectNode params, Duration limit) {
        if (broken != null) {
            throw new IllegalStateException("the DevTools connection is closed: " + broken, broken);
        }
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            send(message.toString());
            JsonNode response = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) {
                throw new DevToolsException(method + " failed: " + response.path("error").path("message").asText()
                        + " " + response.path("error").path("data").asText(""));
            }
            return response.path("result");
        } catch (TimeoutException e) {
            throw new DevToolsException(method + " got no answer within " + limit.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevToolsException("interrupted while waiting for " + method);
        } catch (ExecutionException e) {
            throw new DevToolsException(method + " failed: " + e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    /** Records events of {@code method} from now on, until the log is closed. */
    EventLog record(String method) {
        EventLog log = new EventLog(method, logs::remove);
        logs.add(log);
        return log;
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
        } catch (Exception alreadyGone) {
            // the browser may have closed first
        }
        socket.abort();
        fail(new IllegalStateException("closed"));
    }

    // java.net.http.WebSocket allows one outstanding send at a time.
    private synchronized void send(String text) throws InterruptedException, ExecutionException, TimeoutException {
        socket.sendText(text, true).get(30, TimeUnit.SECONDS);
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.path("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.has("method")) {
            for (EventLog log : logs) {
                log.offer(message);
            }
        }
    }

    private void fail(Throwable reason) {
        broken = reason;
        pending.values().forEach(answer -> answer.completeExceptionally(reason));
    }

    /** Collects one message from its fragments: screenshots arrive in many. */
    private static final class Inbox implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private DevToolsConnection connection;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                connection.receive(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            connection.fail(new IllegalStateException("Chromium closed the DevTools connection: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            connection.fail(error);
        }
    }

    /** A DevTools command that failed or got no answer in time. */
    static final class DevToolsException extends IllegalStateException {
        DevToolsException(String message) {
            super(message);
        }
    }
}
