package org.blackstart.app.alert.heartbeat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.blackstart.app.alert.AlertInboxListener;
import org.blackstart.app.alert.rule.AlertRules;
import org.blackstart.spi.AlertStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead man's switches. Every node checks; a conditional update on the heartbeat's row decides which
 * node fires a missed heartbeat, and only that node puts the alert in the inbox, in the same
 * transaction: exactly one alert per silence, however many nodes run.
 */
@Service
public class Heartbeats {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Map<String, HeartbeatProperties.Heartbeat> configured;
    private final JdbcTemplate jdbc;
    private final HeartbeatInbox inbox;
    private final TransactionTemplate transactions;
    private final List<AlertInboxListener> listeners;
    private final Clock clock;

    Heartbeats(HeartbeatProperties properties, JdbcTemplate jdbc, HeartbeatInbox inbox,
               PlatformTransactionManager transactionManager, List<AlertInboxListener> listeners, Clock clock) {
        this.configured = properties.heartbeats();
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.listeners = listeners;
        this.clock = clock;
    }

    public boolean isConfigured(String name) {
        return configured.containsKey(name);
    }

    /**
     * Gives every configured heartbeat its row. A heartbeat that never checks in is counted from the
     * first platform start that knew it; a restart does not reset it.
     */
    public void register() {
        Instant now = clock.instant();
        for (String name : configured.keySet()) {
            try {
                transactions.executeWithoutResult(tx -> {
                    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM bs_heartbeat WHERE name = ?", Integer.class, name);
                    if (known == null || known == 0) {
                        jdbc.update("INSERT INTO bs_heartbeat (name, registered_at) VALUES (?, ?)", name, Timestamp.from(now));
                    }
                });
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                log.debug("heartbeat {} was registered by another node", name);
            }
        }
    }

    /**
     * Records a check-in; if the heartbeat was missed, its alert resolves.
     *
     * @throws IllegalArgumentException for a heartbeat that is not configured
     */
    public void checkIn(String name, Instant at) {
        if (!isConfigured(name)) {
            throw new IllegalArgumentException("no heartbeat named " + name);
        }
        Boolean wasMissed = transactions.execute(tx -> {
            List<Timestamp> missed = jdbc.query("SELECT missed_at FROM bs_heartbeat WHERE name = ? FOR UPDATE",
                    (rs, row) -> rs.getTimestamp("missed_at"), name);
            if (missed.isEmpty()) {
                jdbc.update("INSERT INTO bs_heartbeat (name, registered_at, last_seen_at) VALUES (?, ?, ?)",
                        name, Timestamp.from(at), Timestamp.from(at));
                return false;
            }
            jdbc.update("UPDATE bs_heartbeat SET last_seen_at = ?, missed_at = NULL WHERE name = ?", Timestamp.from(at), name);
            if (missed.get(0) == null) {
                return false;
            }
            inbox.store(name, AlertStatus.RESOLVED, "Heartbeat " + name + " checked in again", at);
            return true;
        });
        if (Boolean.TRUE.equals(wasMissed)) {
            log.info("heartbeat {} checked in again after it was missed", name);
            notifyListeners();
        }
    }

    /**
     * Fires every heartbeat silent for longer than its interval and grace at {@code now} and not
     * fired yet. Safe to run on every node at once.
     *
     * @return the heartbeats this call fired
     */
    public List<String> check(Instant now) {
        List<String> fired = configured.entrySet().stream()
                .filter(entry -> fire(entry.getKey(), entry.getValue(), now))
                .map(Map.Entry::getKey)
                .toList();
        if (!fired.isEmpty()) {
            notifyListeners();
        }
        return fired;
    }

    private boolean fire(String name, HeartbeatProperties.Heartbeat heartbeat, Instant now) {
        Instant deadline = now.minus(heartbeat.deadline());
        Boolean fired = transactions.execute(tx -> {
            int updated = jdbc.update("UPDATE bs_heartbeat SET missed_at = ? WHERE name = ? AND missed_at IS NULL "
                    + "AND COALESCE(last_seen_at, registered_at) < ?", Timestamp.from(now), name, Timestamp.from(deadline));
            if (updated != 1) {
                return false;
            }
            Instant since = jdbc.queryForObject("SELECT COALESCE(last_seen_at, registered_at) FROM bs_heartbeat WHERE name = ?",
                    (rs, row) -> rs.getTimestamp(1).toInstant(), name);
            inbox.store(name, AlertStatus.FIRING, "Heartbeat " + name + " missed: no check-in since " + since
                    + " (expected every " + heartbeat.interval() + ")", now);
            return true;
        });
        if (Boolean.TRUE.equals(fired)) {
            log.warn("heartbeat {} missed: no check-in within {} (interval plus grace)", name, heartbeat.deadline());
        }
        return Boolean.TRUE.equals(fired);
    }

    private void notifyListeners() {
        for (AlertInboxListener listener : listeners) {
            try {
                listener.alertsStored(AlertRules.HEARTBEAT_SOURCE, 1);
            } catch (RuntimeException e) {
                log.warn("alert inbox listener {} failed: {}", listener, e.toString());
            }
        }
    }
}
