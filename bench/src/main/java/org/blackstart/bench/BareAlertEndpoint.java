package org.blackstart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The baseline of AlertBenchmark: the least a server can do for the same observable result. A JDK
 * HTTP server on 127.0.0.1 that takes the same Alertmanager webhook, checks the same bearer token,
 * parses the same JSON into the same fields and stores the same rows as the platform's intake (the
 * raw body in bs_alert_batch, one bs_alert_inbox row per alert, one JDBC batch, one transaction) in
 * an H2 file with WRITE_DELAY=0, with the platform's own migrations creating the tables. It answers
 * 202 with the platform's reply shape.
 *
 * <p>It has none of the platform's layers (Spring MVC, Camel, servlet filters, connection pool
 * management beyond H2's own, dedup, grouping, incidents). For pages it does the shortest possible
 * thing: when an alert of the paged datacenter names a rack it has not seen before, it places the
 * Twilio call right after its commit, before answering.
 */
final class BareAlertEndpoint implements AutoCloseable {

    static final String PATH = "/api/alerts/alertmanager";
    static final String SOURCE = "alertmanager";
    /** The platform's limit for alert payloads (blackstart.api.max-alert-payload-size). */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final JdbcConnectionPool pool;
    private final byte[] expectedAuthorization;
    private final Pager pager;
    private final String pagedDatacenter;
    private final Set<String> racksSeen = ConcurrentHashMap.newKeySet();

    /** Places a call for a rack; implemented by {@link TwilioSimulation#pager}. */
    @FunctionalInterface
    interface Pager {
        void call(String headline) throws IOException, InterruptedException;
    }

    private BareAlertEndpoint(HttpServer server, ExecutorService executor, JdbcConnectionPool pool, String token,
                              Pager pager, String pagedDatacenter) {
        this.server = server;
        this.executor = executor;
        this.pool = pool;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.pager = pager;
        this.pagedDatacenter = pagedDatacenter;
    }

    /** Creates the tables on the empty database behind {@code jdbcUrl}. */
    @FunctionalInterface
    interface Schema {
        void create(String jdbcUrl) throws Exception;
    }

    /** The platform jar's own migrations (see {@link PlatformSchema}), copied to {@code scratch}. */
    static Schema platformSchema(Path jar, Path scratch) {
        return jdbcUrl -> PlatformSchema.migrate(jar, scratch, jdbcUrl);
    }

    /**
     * @param schema          creates the platform's tables on the empty database
     * @param threads         HTTP worker threads (and at most as many database connections)
     * @param pager           where pages go, or null for none
     * @param pagedDatacenter alerts of this datacenter page on a new rack (the platform's paging rule)
     */
    static BareAlertEndpoint start(Path directory, Schema schema, String token, int threads, Pager pager,
                                   String pagedDatacenter) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("alerts").toAbsolutePath() + ";WRITE_DELAY=0";
        schema.create(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(threads);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bare-alerts");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        BareAlertEndpoint endpoint = new BareAlertEndpoint(server, executor, pool, token, pager, pagedDatacenter);
        server.createContext(PATH, endpoint::handle);
        server.start();
        return endpoint;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "{\"title\":\"Method Not Allowed\",\"status\":405}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8))) {
                reply(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            byte[] raw = readBounded(exchange.getRequestBody());
            if (raw == null) {
                reply(exchange, 413, "{\"title\":\"Payload Too Large\",\"status\":413}");
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            List<ParsedAlert> alerts;
            try {
                alerts = parse(body);
            } catch (IllegalArgumentException e) {
                reply(exchange, 400, JSON.createObjectNode().put("title", "Bad Request").put("status", 400)
                        .put("detail", e.getMessage()).toString());
                return;
            }
            long batchId = store(body, alerts);
            page(alerts);
            reply(exchange, 202, JSON.createObjectNode().put("status", "accepted").put("batchId", batchId)
                    .put("alerts", alerts.size()).toString());
        } catch (SQLException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 500, JSON.createObjectNode().put("title", "Internal Server Error").put("status", 500)
                    .put("detail", e.getClass().getSimpleName() + ": " + e.getMessage()).toString());
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }

    /** One alert in the platform's terms (org.blackstart.spi.AlertEvent's fields, as stored). */
    record ParsedAlert(String dedupKey, String status, String summary, String severity, Instant startsAt,
                       Instant endsAt, String labelsJson, String annotationsJson, String link, String datacenter,
                       String rack) {
    }

    /** Alertmanager webhook version 4, read the way the platform's parser reads it. */
    static List<ParsedAlert> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage());
        }
        JsonNode alerts = root == null ? null : root.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new IllegalArgumentException("alerts must be an array");
        }
        List<ParsedAlert> parsed = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            parsed.add(parseAlert(alerts.get(i), "alerts[" + i + "]"));
        }
        return parsed;
    }

    private static ParsedAlert parseAlert(JsonNode alert, String path) {
        String status = alert.path("status").asText("");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new IllegalArgumentException(path + ".status must be firing or resolved");
        }
        String fingerprint = alert.path("fingerprint").asText("");
        if (fingerprint.isBlank()) {
            throw new IllegalArgumentException(path + ".fingerprint is required");
        }
        Map<String, String> labels = strings(alert.get("labels"), path + ".labels");
        Map<String, String> annotations = strings(alert.get("annotations"), path + ".annotations");
        String summary = firstNonBlank(annotations.get("summary"), annotations.get("description"), labels.get("alertname"));
        try {
            return new ParsedAlert(fingerprint, status.toUpperCase(java.util.Locale.ROOT), summary, labels.get("severity"),
                    instant(alert.path("startsAt").asText(null), path + ".startsAt"),
                    instant(alert.path("endsAt").asText(null), path + ".endsAt"),
                    JSON.writeValueAsString(labels), JSON.writeValueAsString(annotations),
                    alert.path("generatorURL").asText(null), labels.get("datacenter"), labels.get("rack"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> strings(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    /** RFC 3339; Alertmanager's zero time (year 1) means "none". */
    private static Instant instant(String text, String path) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + " must be an RFC 3339 time");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    /** The raw body and every alert, one transaction: what the platform's intake commits before its 202. */
    private long store(String body, List<ParsedAlert> alerts) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long batchId;
                try (PreparedStatement batch = connection.prepareStatement(
                        "INSERT INTO bs_alert_batch (source, received_at, alert_count, raw_payload) VALUES (?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    batch.setString(1, SOURCE);
                    batch.setObject(2, now);
                    batch.setInt(3, alerts.size());
                    batch.setString(4, body);
                    batch.executeUpdate();
                    try (ResultSet keys = batch.getGeneratedKeys()) {
                        keys.next();
                        batchId = keys.getLong(1);
                    }
                }
                try (PreparedStatement inbox = connection.prepareStatement("INSERT INTO bs_alert_inbox (batch_id, source, "
                        + "dedup_key, status, summary, severity, starts_at, ends_at, labels, annotations, link, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (ParsedAlert alert : alerts) {
                        inbox.setLong(1, batchId);
                        inbox.setString(2, SOURCE);
                        inbox.setString(3, alert.dedupKey());
                        inbox.setString(4, alert.status());
                        inbox.setString(5, alert.summary());
                        inbox.setString(6, alert.severity());
                        setInstant(inbox, 7, alert.startsAt());
                        setInstant(inbox, 8, alert.endsAt());
                        inbox.setString(9, alert.labelsJson());
                        inbox.setString(10, alert.annotationsJson());
                        inbox.setString(11, alert.link());
                        inbox.setObject(12, now);
                        inbox.addBatch();
                    }
                    inbox.executeBatch();
                }
                connection.commit();
                return batchId;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    /** After the commit: the first alert of a paged rack places the call, as the platform's rule would page. */
    private void page(List<ParsedAlert> alerts) throws IOException, InterruptedException {
        if (pager == null) {
            return;
        }
        for (ParsedAlert alert : alerts) {
            if (pagedDatacenter.equals(alert.datacenter()) && alert.status().equals("FIRING")
                    && racksSeen.add(alert.datacenter() + "/" + alert.rack())) {
                pager.call("bench page " + alert.rack());
            }
        }
    }

    /** Rows stored, for tests and for checking a run: {batches, inbox rows}. */
    long[] rowCounts() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT (SELECT COUNT(*) FROM bs_alert_batch), (SELECT COUNT(*) FROM bs_alert_inbox)")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        pool.dispose();
    }
}
