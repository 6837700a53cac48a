package org.blackstart.app.incident;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out {@code INC-<year>-<seq>} keys from a counter row per year. Runs inside the
 * transaction that starts the incident, so a rolled-back start gives its number back and the row
 * lock orders concurrent declarations on every node.
 */
@Component
public class IncidentKeys {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IncidentKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String next() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (jdbc.update("UPDATE bs_incident_counter SET last_seq = last_seq + 1 WHERE counter_year = ?", year) == 0) {
            try {
                jdbc.update("INSERT INTO bs_incident_counter (counter_year, last_seq) VALUES (?, 1)", year);
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                jdbc.update("UPDATE bs_incident_counter SET last_seq = last_seq + 1 WHERE counter_year = ?", year);
            }
        }
        Long seq = jdbc.queryForObject("SELECT last_seq FROM bs_incident_counter WHERE counter_year = ?", Long.class, year);
        return format(year, seq);
    }

    static String format(int year, long seq) {
        return String.format("INC-%d-%04d", year, seq);
    }

    public static boolean looksLikeKey(String text) {
        return text != null && text.matches("INC-\\d{4}-\\d{4,}");
    }
}
