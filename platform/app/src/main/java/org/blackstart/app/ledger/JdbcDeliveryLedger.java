package org.blackstart.app.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * key before the send; every statement commits on its own (a batch in one transaction), so a claim
 * is visible to every node at once and survives a crash of the node that made it.
 *
 * <p>States: {@code CLAIMED} (a worker holds a lease), {@code SENT}, {@code RELEASED} (a failed
 * send gave the claim back) and {@code REFUSED} (the remote side refused this one recipient for
 * good; never retried).
 *
 * <p>Only pages write a timeline line per delivery. A notice to ten thousand customers would bury
 * the incident's story under ten thousand lines; the process writes one summary per channel, and
 * {@link #of(String)} still answers "was my mail sent?" per recipient.
 */
@Component
public class JdbcDeliveryLedger implements DeliveryLedger {

    /** Rows per statement of the batch variants; both databases take this many parameters easily. */
    private static final int CHUNK = 1000;
    /** Pages are steps of the paging process ({@code L1-R1-A1}: level, round, call attempt), not notices. */
    private static final Pattern PAGE_STEP = Pattern.compile("L\\d+-R\\d+-A\\d+");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
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
        List<Row> rows = jdbc.query("SELECT delivery_id, state, attempts, claimed_until FROM bs_delivery WHERE delivery_id = ?",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4)), key.id());
        if (rows.isEmpty()) {
            return Claim.IN_PROGRESS;
        }
        Row row = rows.get(0);
        Claim decided = row.decide(now);
        if (decided != null) {
            return decided;
        }
        // Conditional on what we read: of two workers taking over an expired claim, one wins.
        int taken = jdbc.update("UPDATE bs_delivery SET state = 'CLAIMED', claimed_until = ?, attempts = attempts + 1 "
                + "WHERE delivery_id = ? AND state = ? AND attempts = ?", until, key.id(), row.state(), row.attempts());
        return taken == 1 ? Claim.SEND : Claim.IN_PROGRESS;
    }

    /**
     * A page of a fan-out in a few statements: one query for the rows that exist, one batch insert
     * for the new ones, one batch of conditional updates for expired or released claims. Should
     * another worker insert one of the new rows in between, the batch is rolled back as a whole and
     * those keys take the single-row path, which settles every race the same way {@link #claim} does.
     */
    @Override
    public Map<DeliveryKey, Claim> claimAll(List<DeliveryKey> keys, Duration lease) {
        Map<DeliveryKey, Claim> claims = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            claimChunk(keys.subList(from, Math.min(keys.size(), from + CHUNK)), lease, claims);
        }
        Map<DeliveryKey, Claim> inOrder = new LinkedHashMap<>();
        keys.forEach(key -> inOrder.put(key, claims.get(key)));
        return inOrder;
    }

    private void claimChunk(List<DeliveryKey> chunk, Duration lease, Map<DeliveryKey, Claim> claims) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(lease));
        Map<String, DeliveryKey> byId = new LinkedHashMap<>();
        chunk.forEach(key -> byId.putIfAbsent(key.id(), key));
        Map<String, Row> existing = existingRows(byId.keySet());

        List<DeliveryKey> fresh = new ArrayList<>();
        List<Row> expired = new ArrayList<>();
        byId.forEach((id, key) -> {
            Row row = existing.get(id);
            if (row == null) {
                fresh.add(key);
            } else {
                Claim decided = row.decide(now);
                if (decided != null) {
                    claims.put(key, decided);
                } else {
                    expired.add(row);
                }
            }
        });

        if (!fresh.isEmpty()) {
            try {
                transactions.executeWithoutResult(tx -> jdbc.batchUpdate(
                        "INSERT INTO bs_delivery (delivery_id, incident_key, step, channel, recipient, state, attempts, "
                                + "claimed_until) VALUES (?, ?, ?, ?, ?, 'CLAIMED', 1, ?)",
                        fresh.stream().map(k -> new Object[] {k.id(), k.incidentKey(), k.step(), k.channel(),
                                k.recipient(), until}).toList()));
                fresh.forEach(key -> claims.put(key, Claim.SEND));
            } catch (DuplicateKeyException raced) {
                fresh.forEach(key -> claims.put(key, claim(key, lease)));
            }
        }

        if (!expired.isEmpty()) {
            int[][] taken = transactions.execute(tx -> jdbc.batchUpdate(
                    "UPDATE bs_delivery SET state = 'CLAIMED', claimed_until = ?, attempts = attempts + 1 "
                            + "WHERE delivery_id = ? AND state = ? AND attempts = ?",
                    expired, expired.size(), (ps, row) -> {
                        ps.setTimestamp(1, until);
                        ps.setString(2, row.id());
                        ps.setString(3, row.state());
                        ps.setInt(4, row.attempts());
                    }));
            for (int i = 0; i < expired.size(); i++) {
                // Anything but one row taken (0, or a driver's SUCCESS_NO_INFO) counts as lost: the
                // cautious answer, since the lease expires and a later attempt takes the row.
                claims.put(byId.get(expired.get(i).id()), taken[0][i] == 1 ? Claim.SEND : Claim.IN_PROGRESS);
            }
        }
    }

    private Map<String, Row> existingRows(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, Row> rows = new HashMap<>();
        jdbc.query("SELECT delivery_id, state, attempts, claimed_until FROM bs_delivery WHERE delivery_id IN (" + marks + ")",
                rs -> {
                    Row row = new Row(rs.getString(1).strip(), rs.getString(2), rs.getInt(3), rs.getTimestamp(4));
                    rows.put(row.id(), row);
                }, ids.toArray());
        return rows;
    }

    @Override
    public java.util.Optional<String> sentReference(DeliveryKey key) {
        List<String> references = jdbc.queryForList(
                "SELECT remote_reference FROM bs_delivery WHERE delivery_id = ? AND state = 'SENT'", String.class, key.id());
        return references.isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(references.get(0));
    }

    @Override
    public void markSent(DeliveryKey key, String remoteReference) {
        markAllSent(Map.of(key, remoteReference == null ? "" : remoteReference));
    }

    /** One batch update in one transaction; pages also get their timeline lines in it. */
    @Override
    public void markAllSent(Map<DeliveryKey, String> remoteReferences) {
        if (remoteReferences.isEmpty()) {
            return;
        }
        Timestamp sentAt = Timestamp.from(clock.instant());
        List<Map.Entry<DeliveryKey, String>> entries = new ArrayList<>(remoteReferences.entrySet());
        transactions.executeWithoutResult(tx -> {
            jdbc.batchUpdate("UPDATE bs_delivery SET state = 'SENT', sent_at = ?, claimed_until = NULL, remote_reference = ? "
                    + "WHERE delivery_id = ?", entries, CHUNK, (ps, entry) -> {
                        ps.setTimestamp(1, sentAt);
                        ps.setString(2, blankToNull(entry.getValue()));
                        ps.setString(3, entry.getKey().id());
                    });
            for (Map.Entry<DeliveryKey, String> entry : entries) {
                DeliveryKey key = entry.getKey();
                if (PAGE_STEP.matcher(key.step()).matches()) {
                    String reference = blankToNull(entry.getValue());
                    timeline.record(key.incidentKey(), TimelineKind.PAGING, key.step(), "page " + key.step(), key.channel(),
                            "page " + key.step() + " delivered by " + key.channel() + " to " + key.recipient()
                                    + (reference == null ? "" : " (" + reference + ")"));
                }
            }
        });
    }

    @Override
    public void release(DeliveryKey key, String reason) {
        jdbc.update("UPDATE bs_delivery SET state = 'RELEASED', claimed_until = NULL, last_error = ? "
                + "WHERE delivery_id = ? AND state = 'CLAIMED'", limit(reason), key.id());
    }

    @Override
    public void markRefused(DeliveryKey key, String reason) {
        jdbc.update("UPDATE bs_delivery SET state = 'REFUSED', claimed_until = NULL, last_error = ? "
                + "WHERE delivery_id = ? AND state = 'CLAIMED'", limit(reason), key.id());
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

    /** A row as read, before deciding whether this worker may take it. */
    private record Row(String id, String state, int attempts, Timestamp claimedUntil) {

        /** The outcome when the row alone decides it, or {@code null} when the claim may be taken over. */
        Claim decide(Instant now) {
            if ("SENT".equals(state) || "REFUSED".equals(state)) {
                return Claim.ALREADY_SENT;
            }
            if ("CLAIMED".equals(state) && claimedUntil != null && claimedUntil.toInstant().isAfter(now)) {
                return Claim.IN_PROGRESS;
            }
            return null;
        }
    }

    private static String limit(String reason) {
        return reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000));
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
