package org.blackstart.app.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Infrastructure found down by a notice channel during an incident, in {@code bs_notice_outage}. */
@Repository
public class NoticeOutages {

    /** One recorded outage: which infrastructure, found by which channel, when, and why. */
    public record Outage(String infrastructure, String channel, String step, String detail, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public NoticeOutages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String incidentKey, String step, String channel, List<String> infrastructure, String detail) {
        Timestamp now = Timestamp.from(clock.instant());
        String shortDetail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000));
        jdbc.batchUpdate("INSERT INTO bs_notice_outage (incident_key, step, channel, infrastructure, detail, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                infrastructure.stream().map(i -> new Object[] {incidentKey, step, channel, i, shortDetail, now}).toList());
    }

    /**
     * Ends every open outage of {@code infrastructure} recorded up to {@code at}, in every incident: its channel
     * answered again at {@code at}. Returns how many recorded outages that ended.
     */
    public int recovered(List<String> infrastructure, Instant at) {
        if (infrastructure.isEmpty()) {
            return 0;
        }
        String marks = String.join(", ", Collections.nCopies(infrastructure.size(), "?"));
        Object[] args = new Object[infrastructure.size() + 2];
        args[0] = Timestamp.from(at);
        for (int i = 0; i < infrastructure.size(); i++) {
            args[i + 1] = infrastructure.get(i);
        }
        args[args.length - 1] = Timestamp.from(at);
        return jdbc.update("UPDATE bs_notice_outage SET recovered_at = ? WHERE infrastructure IN (" + marks + ") "
                + "AND recovered_at IS NULL AND recorded_at <= ?", args);
    }

    /** The latest outage of this incident on any of {@code infrastructure} since {@code since}, unless it ended. */
    public Optional<Outage> latest(String incidentKey, List<String> infrastructure, Instant since) {
        if (infrastructure.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(", ", Collections.nCopies(infrastructure.size(), "?"));
        Object[] args = new Object[infrastructure.size() + 2];
        args[0] = incidentKey;
        for (int i = 0; i < infrastructure.size(); i++) {
            args[i + 1] = infrastructure.get(i);
        }
        args[args.length - 1] = Timestamp.from(since);
        return jdbc.query("SELECT infrastructure, channel, step, detail, recorded_at FROM bs_notice_outage "
                        + "WHERE incident_key = ? AND infrastructure IN (" + marks + ") AND recorded_at >= ? "
                        + "AND recovered_at IS NULL "
                        + "ORDER BY recorded_at DESC FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> new Outage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), args).stream().findFirst();
    }
}
