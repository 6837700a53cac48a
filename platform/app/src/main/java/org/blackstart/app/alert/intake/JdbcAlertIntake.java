package org.blackstart.app.alert.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.blackstart.app.alert.AlertInboxListener;
import org.blackstart.spi.AlertEvent;
import org.blackstart.spi.AlertIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what a source sent, raw and parsed, in one transaction: the batch row with the body
 * exactly as received, then every alert in one JDBC batch. Only after the commit are the inbox
 * listeners told, so that the 202 a source receives always means "stored".
 */
@Component
public class JdbcAlertIntake implements AlertIntake {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAlertIntake.class);
    private static final int MAX_DEDUP_KEY = 255;
    private static final int MAX_SUMMARY = 1024;
    private static final int MAX_SEVERITY = 32;
    private static final int MAX_LINK = 2048;

    private static final String INSERT_ALERT = "INSERT INTO bs_alert_inbox (batch_id, source, dedup_key, status, summary, "
            + "severity, starts_at, ends_at, labels, annotations, link, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObjectProvider<AlertInboxListener> listeners;

    public JdbcAlertIntake(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock,
                           ObjectProvider<AlertInboxListener> listeners) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Override
    public Receipt accept(String source, String rawPayload, List<AlertEvent> alerts) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rawPayload, "rawPayload");
        Objects.requireNonNull(alerts, "alerts");
        Timestamp receivedAt = Timestamp.from(clock.instant());
        // Serialise before the transaction: nothing slow or failing inside it but the database.
        List<Object[]> rows = alerts.stream().map(a -> row(source, a, receivedAt)).toList();
        long batchId = Objects.requireNonNull(transactions.execute(tx -> {
            long id = insertBatch(source, rawPayload, alerts.size(), receivedAt);
            for (Object[] row : rows) {
                row[0] = id;
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(INSERT_ALERT, rows);
            }
            return id;
        }));
        Receipt receipt = new Receipt(batchId, alerts.size());
        tellListeners(source, alerts.size());
        return receipt;
    }

    private long insertBatch(String source, String rawPayload, int count, Timestamp receivedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bs_alert_batch (source, received_at, alert_count, raw_payload) VALUES (?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setString(1, source);
            insert.setTimestamp(2, receivedAt);
            insert.setInt(3, count);
            insert.setString(4, rawPayload);
            return insert;
        }, key);
        return Objects.requireNonNull(key.getKey(), "generated batch id").longValue();
    }

    private Object[] row(String source, AlertEvent alert, Timestamp receivedAt) {
        return new Object[] {null, source, dedupKey(alert.dedupKey()), alert.status().name(),
                truncate(alert.summary(), MAX_SUMMARY), truncate(alert.severity(), MAX_SEVERITY), timestamp(alert.startsAt()),
                timestamp(alert.endsAt()), toJson(alert.labels()), toJson(alert.annotations()), truncate(alert.link(), MAX_LINK),
                receivedAt};
    }

    private void tellListeners(String source, int count) {
        listeners.orderedStream().forEach(listener -> {
            try {
                listener.alertsStored(source, count);
            } catch (RuntimeException e) {
                LOG.warn("BLACKSTART-ALERTS-010 inbox listener {} failed after {} alerts from {} were stored; "
                        + "they stay in the inbox", listener.getClass().getName(), count, source, e);
            }
        });
    }

    private String toJson(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** A key too long for the column is hashed, not cut: two long keys must not become one alert. */
    private static String dedupKey(String key) {
        if (key.length() <= MAX_DEDUP_KEY) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
