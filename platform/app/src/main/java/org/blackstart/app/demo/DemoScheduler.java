package org.blackstart.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's mailing scheduler: 40 sample mailings that the night's outage held back, served over the REST
 * scheduler API the plugin speaks (see the plugin's package documentation), on 127.0.0.1 at
 * {@code blackstart.demo.scheduler.port}. Nothing is mailed: a run or cancel changes the job's status and is
 * counted, per job, and an {@code Idempotency-Key} seen before is answered as the first time without acting again.
 *
 * <p>The sample, relative to the start: 25 static selections ("all contacts in Rotterdam") and 10 time-bound ones
 * ("clicked a link in the last 2 hours") due in the last 20 hours, and 5 due 26 to 30 hours ago.
 * {@code GET /jobs/{id}} shows a job with its counts; {@code POST /demo/lose-next-answers?count=N} makes the next N
 * runs or cancels act and then lose their answer, as a network that dies at the worst moment would.
 */
@Component
@ConditionalOnExpression("${blackstart.demo.enabled:false} and ${blackstart.demo.scheduler.enabled:true}")
class DemoScheduler implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoScheduler.class);
    private static final String[] CITIES = {"Rotterdam", "Utrecht", "Berlin", "Amsterdam", "Lyon"};
    private static final String[] CUSTOMERS = {"rotterdam-flowers", "bakery-utrecht", "app-builders", "berliner-moebel"};

    private static final class Job {
        final String id;
        final String name;
        final String customerId;
        final Instant dueAt;
        final String selectionKind;
        final String selection;
        final int recipients;
        String status = "pending";
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();

        Job(String id, String name, String customerId, Instant dueAt, String selectionKind, String selection, int recipients) {
            this.id = id;
            this.name = name;
            this.customerId = customerId;
            this.dueAt = dueAt;
            this.selectionKind = selectionKind;
            this.selection = selection;
            this.recipients = recipients;
        }
    }

    private record Answer(int status, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Answer> answered = new HashMap<>();
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final HttpServer server;

    DemoScheduler(Environment environment) {
        sample(Clock.systemUTC().instant());
        int port = environment.getRequiredProperty(DemoSchedulerSettings.PORT, Integer.class);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo scheduler cannot listen on 127.0.0.1:" + port
                    + "; set " + DemoSchedulerSettings.PORT + " to a free port", e);
        }
        server.createContext("/", this::handle);
        server.start();
        LOG.info("BLACKSTART-DEMO-030 demo scheduler with {} held-back mailings on 127.0.0.1:{}", jobs.size(), port);
    }

    private void sample(Instant now) {
        int n = 0;
        for (int i = 0; i < 25; i++) {
            String city = CITIES[i % CITIES.length];
            add(++n, "Weekly offers " + city, CUSTOMERS[i % CUSTOMERS.length], now.minus(Duration.ofMinutes(30 + 45L * i)),
                    "static", "All contacts in " + city, 400 + 37 * i);
        }
        for (int i = 0; i < 10; i++) {
            add(++n, "Follow-up to clickers " + (i + 1), CUSTOMERS[i % CUSTOMERS.length],
                    now.minus(Duration.ofMinutes(40 + 110L * i)), "time-bound", "Clicked a link in the last 2 hours", 20 + 3 * i);
        }
        for (int i = 0; i < 5; i++) {
            add(++n, "Night digest " + CITIES[i], CUSTOMERS[i % CUSTOMERS.length], now.minus(Duration.ofHours(26 + i)),
                    i % 2 == 0 ? "static" : "time-bound", i % 2 == 0 ? "All subscribers of the digest" : "Opened yesterday's digest",
                    900 + i);
        }
    }

    private void add(int n, String name, String customer, Instant due, String kind, String selection, int recipients) {
        String id = String.format("mail-%04d", n);
        jobs.put(id, new Job(id, name, customer, due, kind, selection, recipients));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + DemoSchedulerSettings.TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, new Answer(401, "{\"error\": \"a bearer token is required\"}"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String[] parts = path.split("/");
            if ("GET".equals(method) && "/jobs".equals(path)) {
                send(exchange, list(query(exchange)));
            } else if ("GET".equals(method) && parts.length == 3 && "jobs".equals(parts[1])) {
                send(exchange, one(parts[2]));
            } else if ("POST".equals(method) && parts.length == 4 && "jobs".equals(parts[1])
                    && ("run".equals(parts[3]) || "cancel".equals(parts[3]))) {
                send(exchange, act(parts[2], parts[3], exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            } else if ("POST".equals(method) && "/demo/lose-next-answers".equals(path)) {
                int count = Integer.parseInt(query(exchange).getOrDefault("count", "1"));
                answersToLose.set(Math.max(0, Math.min(count, 100)));
                send(exchange, new Answer(200, "{\"losing\": " + answersToLose.get() + "}"));
            } else {
                send(exchange, new Answer(404, "{\"error\": \"no such endpoint\"}"));
            }
        } catch (RuntimeException e) {
            LOG.warn("BLACKSTART-DEMO-031 demo scheduler could not answer {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private synchronized Answer list(Map<String, String> query) {
        Instant from;
        Instant to;
        try {
            from = Instant.parse(query.getOrDefault("dueFrom", ""));
            to = Instant.parse(query.getOrDefault("dueTo", ""));
        } catch (DateTimeParseException e) {
            return new Answer(400, "{\"error\": \"dueFrom and dueTo must be ISO instants\"}");
        }
        String status = query.getOrDefault("status", "pending");
        ArrayNode list = json.createArrayNode();
        for (Job job : jobs.values()) {
            if (!job.dueAt.isBefore(from) && !job.dueAt.isAfter(to) && status.equals(job.status)) {
                list.addObject().put("id", job.id).put("name", job.name).put("customerId", job.customerId)
                        .put("dueAt", job.dueAt.toString()).put("selectionKind", job.selectionKind)
                        .put("selection", job.selection).put("recipients", job.recipients);
            }
        }
        ObjectNode body = json.createObjectNode();
        body.set("jobs", list);
        return new Answer(200, body.toString());
    }

    private synchronized Answer one(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return new Answer(404, "{\"error\": \"no job " + id.replaceAll("[^A-Za-z0-9-]", "?") + "\"}");
        }
        return new Answer(200, json.createObjectNode().put("id", job.id).put("status", job.status)
                .put("runs", job.runs.get()).put("cancels", job.cancels.get()).put("requests", job.requests.get()).toString());
    }

    private synchronized Answer act(String id, String action, String idempotencyKey) {
        Job job = jobs.get(id);
        if (job != null) {
            job.requests.incrementAndGet();
        }
        if (idempotencyKey != null && answered.containsKey(idempotencyKey)) {
            return answered.get(idempotencyKey);
        }
        if (job == null) {
            return new Answer(404, "{\"error\": \"no job " + id.replaceAll("[^A-Za-z0-9-]", "?") + "\"}");
        }
        if (!"pending".equals(job.status)) {
            return new Answer(409, "{\"error\": \"job " + id + " is " + job.status + "\"}");
        }
        job.status = "run".equals(action) ? "run" : "cancelled";
        (("run".equals(action)) ? job.runs : job.cancels).incrementAndGet();
        LOG.info("BLACKSTART-DEMO-032 demo scheduler, nothing is really mailed: {} {} ({})", action, id, job.name);
        Answer answer = new Answer(200, json.createObjectNode().put("id", id).put("status", job.status)
                .put("reference", action + "-" + id).toString());
        if (idempotencyKey != null) {
            answered.put(idempotencyKey, answer);
        }
        if (answersToLose.get() > 0) {
            answersToLose.decrementAndGet();
            return new Answer(503, "{\"error\": \"the answer was lost on the way\"}");
        }
        return answer;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    /** The ids of the sample jobs, in order. */
    List<String> jobIds() {
        return List.copyOf(jobs.keySet());
    }

    @Override
    public void destroy() {
        server.stop(0);
    }
}
