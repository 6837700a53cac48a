package org.blackstart.app.notice;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * {@code bs_notice_text}: each customer notice as the commander approved it for sending, one row per language, kept
 * after the process and its variables are gone, and found by search. Written in the approval's transaction.
 */
@Repository
public class NoticeTexts {

    private final JdbcTemplate jdbc;
    private final SearchOutbox outbox;

    NoticeTexts(JdbcTemplate jdbc, SearchOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** One language of an approved notice; {@code subject} may be empty (a notice without an e-mail). */
    record Text(String language, String subject, String body) {
    }

    /**
     * The notice {@code notice} (its delivery ledger step) of the incident, as approved now. A notice approved again
     * after it was returned replaces its earlier rows, so the table holds what was approved last.
     */
    void approved(String incidentKey, String notice, String phase, List<Text> texts, String channels, String approvedBy,
                  Instant at) {
        List<String> earlier = jdbc.queryForList("SELECT CAST(id AS VARCHAR(64)) FROM bs_notice_text "
                + "WHERE incident_key = ? AND notice = ?", String.class, incidentKey, notice);
        jdbc.update("DELETE FROM bs_notice_text WHERE incident_key = ? AND notice = ?", incidentKey, notice);
        outbox.changed(DocType.NOTICE, earlier);
        for (Text text : texts) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("INSERT INTO bs_notice_text (incident_key, notice, "
                        + "phase, language, subject, body, channels, approved_by, approved_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
                insert.setString(1, incidentKey);
                insert.setString(2, cut(notice, 128));
                insert.setString(3, cut(phase, 32));
                insert.setString(4, text.language());
                insert.setString(5, cut(text.subject(), 1000));
                insert.setString(6, cut(text.body(), 20000));
                insert.setString(7, cut(channels, 255));
                insert.setString(8, cut(approvedBy, 128));
                insert.setTimestamp(9, Timestamp.from(at));
                return insert;
            }, keys);
            outbox.changed(DocType.NOTICE, String.valueOf(keys.getKeyAs(Number.class).longValue()));
        }
    }

    /** What was approved of one notice, by language; for tests and the incident record. */
    List<Text> of(String incidentKey, String notice) {
        return jdbc.query("SELECT language, subject, body FROM bs_notice_text WHERE incident_key = ? AND notice = ? "
                + "ORDER BY language", (rs, n) -> new Text(rs.getString("language"), rs.getString("subject"),
                rs.getString("body")), incidentKey, notice);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
