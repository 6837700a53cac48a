package org.blackstart.testkit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The DevTools events of one kind since the log was opened. Opened before a command is sent, it
 * also holds the events that arrive before the command's answer does, which a listener registered
 * after the answer would miss.
 */
final class EventLog implements AutoCloseable {

    private final String method;
    private final Consumer<EventLog> onClose;
    private final List<JsonNode> events = new ArrayList<>();

    EventLog(String method, Consumer<EventLog> onClose) {
        this.method = method;
        this.onClose = onClose;
    }

    synchronized void offer(JsonNode message) {
        if (method.equals(message.path("method").asText())) {
            events.add(message);
            notifyAll();
        }
    }

    /** The first event whose message (method, params, sessionId) matches, waiting at most {@code limit}. */
    synchronized Optional<JsonNode> await(Predicate<JsonNode> matching, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < events.size(); checked++) {
                if (matching.test(events.get(checked))) {
                    return Optional.of(events.get(checked));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        onClose.accept(this);
    }
}
