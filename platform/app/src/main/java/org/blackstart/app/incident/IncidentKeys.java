package org.blackstart.app.incident;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out {@code INC-<year>-<seq>} keys from a counter row per year. Runs inside the
 * transaction that starts the incident, so a rolled-back start gives its number back and the row
 * lock orders concurrent declarations on every node.
 */
@Component
public class IncidentKeys {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    public IncidentKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    public String next() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (increment(year) == 0 && !openYear(year)) {
            increment(year);
        }
        Long seq = jdbc.queryForObject("SELECT last_seq FROM bs_incident_counter WHERE counter_year = ?", Long.class, year);
        return format(year, seq);
    }

    private int increment(int year) {
        return jdbc.update("UPDATE bs_incident_counter SET last_seq = last_seq + 1 WHERE counter_year = ?", year);
    }

    /**
     * The year's first key, unless another node opened the year first. PostgreSQL aborts the whole
     * transaction on a failed statement, so the insert that may lose the race runs in a savepoint:
     * losing it then costs only that insert, and the incident's start goes on (on H2 as well).
     */
    private boolean openYear(int year) {
        try {
            savepoint.executeWithoutResult(tx ->
                    jdbc.update("INSERT INTO bs_incident_counter (counter_year, last_seq) VALUES (?, 1)", year));
            return true;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    static String format(int year, long seq) {
        return String.format("INC-%d-%04d", year, seq);
    }

    public static boolean looksLikeKey(String text) {
        return text != null && text.matches("INC-\\d{4}-\\d{4,}");
    }
}
