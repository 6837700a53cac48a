package org.blackstart.app.postmortem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code bs_postmortem} and {@code bs_postmortem_review}: one postmortem per incident, every review round kept. */
@Component
class PostmortemStore {

    static final String DRAFT = "draft";
    static final String IN_REVIEW = "in-review";
    static final String APPROVED = "approved";
    static final String PUBLISHED = "published";

    private static final String COLUMNS = "incident_key, status, author, reviewer, facts, summary, trigger_text, "
            + "contributing_factors, went_well, went_wrong, got_lucky, customer_summary, customer_changes, meeting_at, "
            + "created_at, updated_at, approved_at, published_at";

    private final JdbcTemplate jdbc;
    private final SearchOutbox outbox;

    PostmortemStore(JdbcTemplate jdbc, SearchOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * The row that makes a postmortem exist, in the caller's transaction: the primary key lets only one through,
     * however often a close is replayed or the API is asked.
     *
     * @return false when the incident already has one
     */
    boolean create(String incidentKey, Instant now) {
        // Asked first: on PostgreSQL a refused insert would abort the caller's transaction, the incident's close with it.
        if (find(incidentKey).isPresent()) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO bs_postmortem (incident_key, status, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    incidentKey, DRAFT, Timestamp.from(now), Timestamp.from(now));
            outbox.changed(DocType.POSTMORTEM, incidentKey);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    Optional<PostmortemRecord> find(String incidentKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_postmortem WHERE incident_key = ?", PostmortemStore::record,
                incidentKey).stream().findFirst();
    }

    void saveFacts(String incidentKey, String facts, Instant now) {
        jdbc.update("UPDATE bs_postmortem SET facts = ?, updated_at = ? WHERE incident_key = ?", facts,
                Timestamp.from(now), incidentKey);
        outbox.changed(DocType.POSTMORTEM, incidentKey);
    }

    void written(String incidentKey, String author, String reviewer, PostmortemRecord.Sections sections,
                 Instant meetingAt, Instant now) {
        jdbc.update("UPDATE bs_postmortem SET status = ?, author = ?, reviewer = ?, summary = ?, trigger_text = ?, "
                        + "contributing_factors = ?, went_well = ?, went_wrong = ?, got_lucky = ?, customer_summary = ?, "
                        + "customer_changes = ?, meeting_at = ?, updated_at = ? WHERE incident_key = ?",
                IN_REVIEW, author, reviewer, sections.summary(), sections.trigger(), sections.contributingFactors(),
                sections.wentWell(), sections.wentWrong(), sections.gotLucky(), sections.customerSummary(),
                sections.customerChanges(), meetingAt == null ? null : Timestamp.from(meetingAt), Timestamp.from(now),
                incidentKey);
        outbox.changed(DocType.POSTMORTEM, incidentKey);
    }

    void reviewed(String incidentKey, String reviewer, String verdict, String comments, Instant now) {
        jdbc.update("INSERT INTO bs_postmortem_review (incident_key, reviewer, verdict, comments, reviewed_at) "
                + "VALUES (?, ?, ?, ?, ?)", incidentKey, reviewer, verdict, comments, Timestamp.from(now));
        boolean approved = "approve".equals(verdict);
        jdbc.update("UPDATE bs_postmortem SET status = ?, approved_at = ?, updated_at = ? WHERE incident_key = ?",
                approved ? APPROVED : DRAFT, approved ? Timestamp.from(now) : null, Timestamp.from(now), incidentKey);
        outbox.changed(DocType.POSTMORTEM, incidentKey);
    }

    void published(String incidentKey, Instant now) {
        jdbc.update("UPDATE bs_postmortem SET status = ?, published_at = ?, updated_at = ? WHERE incident_key = ?",
                PUBLISHED, Timestamp.from(now), Timestamp.from(now), incidentKey);
        outbox.changed(DocType.POSTMORTEM, incidentKey);
    }

    List<PostmortemRecord.Review> reviews(String incidentKey) {
        return jdbc.query("SELECT id, reviewer, verdict, comments, reviewed_at FROM bs_postmortem_review "
                        + "WHERE incident_key = ? ORDER BY id", (rs, n) -> new PostmortemRecord.Review(rs.getLong("id"),
                        rs.getString("reviewer"), rs.getString("verdict"), rs.getString("comments"),
                        instant(rs.getTimestamp("reviewed_at"))), incidentKey);
    }

    private static PostmortemRecord record(ResultSet rs, int n) throws SQLException {
        return new PostmortemRecord(rs.getString("incident_key"), rs.getString("status"), rs.getString("author"),
                rs.getString("reviewer"), rs.getString("facts"), new PostmortemRecord.Sections(rs.getString("summary"),
                rs.getString("trigger_text"), rs.getString("contributing_factors"), rs.getString("went_well"),
                rs.getString("went_wrong"), rs.getString("got_lucky"), rs.getString("customer_summary"),
                rs.getString("customer_changes")), instant(rs.getTimestamp("meeting_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("approved_at")), instant(rs.getTimestamp("published_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
