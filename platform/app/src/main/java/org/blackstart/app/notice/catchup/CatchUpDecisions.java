package org.blackstart.app.notice.catchup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code bs_notice_catchup}: each catch-up an agent decided, approve or hold, by whom and why. */
@Repository
class CatchUpDecisions {

    static final String APPROVE = "approve";
    static final String HOLD = "hold";

    private final JdbcTemplate jdbc;

    CatchUpDecisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String incidentKey, String notice, String decision, int recipients, String decidedBy, String reason,
                Instant at) {
        jdbc.update("INSERT INTO bs_notice_catchup (incident_key, notice, decision, recipients, decided_by, reason, "
                        + "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)", incidentKey, notice, decision, recipients,
                cut(decidedBy, 128), cut(reason, 1000), Timestamp.from(at));
    }

    /** True when an agent held the incident's catch-up after its latest skip: it waits for a new reason to ask. */
    boolean heldSinceLastSkip(String incidentKey) {
        Optional<Instant> held = jdbc.queryForList("SELECT MAX(decided_at) FROM bs_notice_catchup WHERE incident_key = ? "
                + "AND decision = 'hold'", Timestamp.class, incidentKey).stream().filter(t -> t != null)
                .map(Timestamp::toInstant).findFirst();
        if (held.isEmpty()) {
            return false;
        }
        Timestamp skipped = jdbc.queryForObject("SELECT MAX(skipped_at) FROM bs_notice_skipped WHERE incident_key = ?",
                Timestamp.class, incidentKey);
        return skipped == null || !skipped.toInstant().isAfter(held.get());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
