package org.blackstart.app.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery ledger in {@code bs_delivery}. A claim is a row written under the delivery's unique
 * key before the send; every statement commits on its own, so a claim is visible to every node at
 * once and survives a crash of the node that made it.
 */
@Component
public class JdbcDeliveryLedger implements DeliveryLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** Pages are steps of the paging process ({@code L1-R1-A1}: level, round, call attempt), not notices. */
    private static final Pattern PAGE_STEP = Pattern.compile("L\\d+-R\\d+-A\\d+");

    private final Timeline timeline;
    private final Clock clock;

    public JdbcDeliveryLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Timeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public Claim claim(DeliveryKey key, Duration lease) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(lease));
        try {
            jdbc.update("INSERT INTO bs_delivery (delivery_id, incident_key, step, channel, recipient, state, attempts, "
                            + "claimed_until) VALUES (?, ?, ?, ?, ?, 'CLAIMED', 1, ?)",
                    key.id(), key.incidentKey(), key.step(), key.channel(), key.recipient(), until);
            return Claim.SEND;
        } catch (DuplicateKeyException seenBefore) {
            return reclaim(key, now, until);
        }
    }

    private Claim reclaim(DeliveryKey key, Instant now, Timestamp until) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT state, attempts, claimed_until FROM bs_delivery WHERE delivery_id = ?", key.id());
        if (rows.isEmpty()) {
            return Claim.IN_PROGRESS;
        }
        Map<String, Object> row = rows.get(0);
        String state = (String) row.get("state");
        if ("SENT".equals(state)) {
            return Claim.ALREADY_SENT;
        }
        Timestamp claimedUntil = toTimestamp(row.get("claimed_until"));
        if ("CLAIMED".equals(state) && claimedUntil != null && claimedUntil.toInstant().isAfter(now)) {
            return Claim.IN_PROGRESS;
        }
        int attempts = ((Number) row.get("attempts")).intValue();
        // Conditional on what we read: of two workers taking over an expired claim, one wins.
        int taken = jdbc.update("UPDATE bs_delivery SET state = 'CLAIMED', claimed_until = ?, attempts = attempts + 1 "
                + "WHERE delivery_id = ? AND state = ? AND attempts = ?", until, key.id(), state, attempts);
        return taken == 1 ? Claim.SEND : Claim.IN_PROGRESS;
    }

    @Override
    public void markSent(DeliveryKey key, String remoteReference) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("UPDATE bs_delivery SET state = 'SENT', sent_at = ?, claimed_until = NULL, remote_reference = ? "
                    + "WHERE delivery_id = ?", Timestamp.from(clock.instant()), remoteReference, key.id());
            if (PAGE_STEP.matcher(key.step()).matches()) {
                timeline.record(key.incidentKey(), TimelineKind.PAGING, key.step(), "page " + key.step(), key.channel(),
                        "page " + key.step() + " delivered by " + key.channel() + " to " + key.recipient()
                                + (remoteReference == null ? "" : " (" + remoteReference + ")"));
            } else {
                timeline.record(key.incidentKey(), TimelineKind.NOTICE_DELIVERED, key.step(), key.step() + " notice",
                        key.channel(), key.step() + " notice delivered by " + key.channel() + " to " + key.recipient());
            }
        });
    }

    @Override
    public void release(DeliveryKey key, String reason) {
        jdbc.update("UPDATE bs_delivery SET state = 'RELEASED', claimed_until = NULL, last_error = ? "
                + "WHERE delivery_id = ? AND state = 'CLAIMED'", reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000)), key.id());
    }

    /** Deliveries of one incident, for its page. */
    public List<Delivery> of(String incidentKey) {
        return jdbc.query("SELECT step, channel, recipient, state, attempts, sent_at FROM bs_delivery WHERE incident_key = ? "
                        + "ORDER BY step, channel, recipient",
                (rs, n) -> new Delivery(rs.getString("step"), rs.getString("channel"), rs.getString("recipient"),
                        rs.getString("state"), rs.getInt("attempts"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()),
                incidentKey);
    }

    public record Delivery(String step, String channel, String recipient, String state, int attempts, Instant sentAt) {
    }

    private static Timestamp toTimestamp(Object value) {
        if (value instanceof Timestamp ts) {
            return ts;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return Timestamp.from(odt.toInstant());
        }
        return value == null ? null : Timestamp.valueOf(value.toString());
    }
}
