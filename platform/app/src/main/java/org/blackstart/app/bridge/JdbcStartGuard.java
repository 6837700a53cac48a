package org.blackstart.app.bridge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.blackstart.bridge.StartGuard;
import org.blackstart.spi.StartOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dedup keys in {@code bs_process_start}, written in the same transaction as the process start:
 * either both commit or neither. A second node inserting the same key waits for the first one's
 * commit, fails on the unique key, and returns the instance the first one started.
 */
@Component
public class JdbcStartGuard implements StartGuard {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcStartGuard(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public StartOutcome startOnce(String dedupKey, Supplier<StartOutcome> start) {
        StartOutcome earlier = find(dedupKey);
        if (earlier != null) {
            return earlier;
        }
        try {
            return transactions.execute(tx -> {
                jdbc.update("INSERT INTO bs_process_start (dedup_key, created_at) VALUES (?, ?)", dedupKey,
                        Timestamp.from(clock.instant()));
                StartOutcome outcome = start.get();
                jdbc.update("UPDATE bs_process_start SET process_instance_id = ?, business_key = ? WHERE dedup_key = ?",
                        outcome.processInstanceId(), outcome.businessKey(), dedupKey);
                return outcome;
            });
        } catch (DuplicateKeyException startedConcurrently) {
            StartOutcome other = find(dedupKey);
            if (other == null) {
                throw startedConcurrently;
            }
            return other;
        }
    }

    private StartOutcome find(String dedupKey) {
        List<StartOutcome> rows = jdbc.query(
                "SELECT process_instance_id, business_key FROM bs_process_start WHERE dedup_key = ?",
                (rs, n) -> new StartOutcome(rs.getString(1), rs.getString(2), false), dedupKey);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
