package org.blackstart.app.maintenance;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Hands out {@code MNT-<year>-<seq>} keys, as incidents get theirs: a counter row per year. */
@Component
class MaintenanceKeys {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    MaintenanceKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    String next() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (increment(year) == 0 && !openYear(year)) {
            increment(year);
        }
        Long seq = jdbc.queryForObject("SELECT last_seq FROM bs_maintenance_counter WHERE counter_year = ?", Long.class, year);
        return String.format("MNT-%d-%04d", year, seq);
    }

    private int increment(int year) {
        return jdbc.update("UPDATE bs_maintenance_counter SET last_seq = last_seq + 1 WHERE counter_year = ?", year);
    }

    /** In a savepoint: on PostgreSQL a lost race would otherwise abort the whole transaction. */
    private boolean openYear(int year) {
        try {
            savepoint.executeWithoutResult(tx ->
                    jdbc.update("INSERT INTO bs_maintenance_counter (counter_year, last_seq) VALUES (?, 1)", year));
            return true;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }
}
