package org.blackstart.app.vendor.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code bs_vendor_message} and {@code bs_vendor_message_file}. */
@Repository
public class VendorMessageStore {

    private static final String COLUMNS = "m.id, m.system, m.account, m.message_id, m.case_number, m.incident_key, m.vendor, "
            + "m.kind, m.author, m.subject, m.text, m.status, m.received_at, m.stored_at, m.state, m.resolved_by, "
            + "m.resolved_at, m.resolved_note, m.parked_reason, m.classified_from, m.classified_by, m.classified_at, (SELECT COUNT(*) FROM bs_vendor_message_file f WHERE f.message_id = m.id) AS files";
    /** Large enough for any e-mail people read; the rest of a longer text is cut, never the row refused. */
    private static final int MAX_TEXT = 100_000;

    private final JdbcTemplate jdbc;
    private final SearchOutbox outbox;

    public VendorMessageStore(JdbcTemplate jdbc) {
        this(jdbc, SearchOutbox.none());
    }

    @Autowired
    public VendorMessageStore(JdbcTemplate jdbc, SearchOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * Stores a message in {@code state}; throws {@link org.springframework.dao.DuplicateKeyException}
     * when the system's message id was stored before.
     */
    long insert(VendorMessage message, String state, String caseNumber, String incidentKey, String vendor, Instant now) {
        return insert(message, state, caseNumber, incidentKey, vendor, null, now);
    }

    /** As {@link #insert(VendorMessage, String, String, String, String, Instant)}, parked for {@code parkedReason}. */
    long insert(VendorMessage message, String state, String caseNumber, String incidentKey, String vendor,
                String parkedReason, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO bs_vendor_message (system, account, message_id, "
                    + "case_number, incident_key, vendor, kind, author, subject, text, status, received_at, stored_at, state, "
                    + "parked_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, message.system());
            insert.setString(2, cut(message.account(), 64));
            insert.setString(3, cut(message.messageId(), 512));
            insert.setString(4, cut(caseNumber, 128));
            insert.setString(5, incidentKey);
            insert.setString(6, vendor);
            insert.setString(7, message.kind().name());
            insert.setString(8, cut(message.author(), 255));
            insert.setString(9, cut(message.subject(), 1000));
            insert.setString(10, cutText(message.text()));
            insert.setString(11, cut(message.status(), 128));
            insert.setTimestamp(12, Timestamp.from(message.receivedAt()));
            insert.setTimestamp(13, Timestamp.from(now));
            insert.setString(14, state);
            insert.setString(15, cut(parkedReason, 1000));
            return insert;
        }, keys);
        long id = keys.getKeyAs(Number.class).longValue();
        outbox.changed(DocType.VENDOR_MESSAGE, String.valueOf(id));
        for (VendorAttachment file : message.attachments()) {
            jdbc.update("INSERT INTO bs_vendor_message_file (message_id, file_name, content_type, size, content) "
                    + "VALUES (?, ?, ?, ?, ?)", id, cut(file.fileName(), 255), cut(file.contentType(), 255), file.size(),
                    file.content());
        }
        return id;
    }

    public Optional<VendorMessageRecord> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_message m WHERE m.id = ?", VendorMessageStore::row, id)
                .stream().findFirst();
    }

    /** Messages in {@code state} (all when {@code null}), newest first, at most {@code limit}. */
    public List<VendorMessageRecord> inState(String state, int limit) {
        return state == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_message m ORDER BY m.id DESC FETCH FIRST " + limit
                        + " ROWS ONLY", VendorMessageStore::row)
                : jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_message m WHERE m.state = ? ORDER BY m.id DESC FETCH FIRST "
                        + limit + " ROWS ONLY", VendorMessageStore::row, state);
    }

    /** The messages of one case, oldest first. */
    public List<VendorMessageRecord> ofCase(String system, String caseNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_vendor_message m WHERE m.system = ? AND UPPER(m.case_number) = UPPER(?) "
                + "AND m.state IN ('RECEIVED', 'DELIVERED', 'FILED') ORDER BY m.received_at, m.id", VendorMessageStore::row,
                system, caseNumber);
    }

    /** Ids of messages stored but not delivered since before {@code before}: their node stopped in between. */
    List<Long> undeliveredSince(Instant before) {
        return jdbc.queryForList("SELECT id FROM bs_vendor_message WHERE state = 'RECEIVED' AND stored_at < ? ORDER BY id",
                Long.class, Timestamp.from(before));
    }

    /**
     * Moves a message from one state to the next. Conditional, so of two nodes delivering the same
     * message one moves it (and holds its row until it commits) and the other finds nothing to do.
     */
    boolean move(long id, String from, String to) {
        outbox.changed(DocType.VENDOR_MESSAGE, String.valueOf(id));
        return jdbc.update("UPDATE bs_vendor_message SET state = ? WHERE id = ? AND state = ?", to, id, from) == 1;
    }

    /** A person's decision on a parked message: filed under a case, or dismissed. */
    boolean resolve(long id, String to, String caseNumber, String incidentKey, String vendor, String by, String note,
                    Instant at) {
        outbox.changed(DocType.VENDOR_MESSAGE, String.valueOf(id));
        return jdbc.update("UPDATE bs_vendor_message SET state = ?, case_number = COALESCE(?, case_number), "
                        + "incident_key = COALESCE(?, incident_key), vendor = COALESCE(?, vendor), resolved_by = ?, "
                        + "resolved_at = ?, resolved_note = ? WHERE id = ? AND state = 'PARKED'",
                to, caseNumber, incidentKey, vendor, cut(by, 128), Timestamp.from(at), cut(note, 1000), id) == 1;
    }

    /**
     * A commander's new class for a delivered message, once: conditional on the class it had, so of two
     * commanders at once one changes it and the other finds it changed.
     */
    boolean reclassify(long id, String from, String to, String by, Instant at) {
        outbox.changed(DocType.VENDOR_MESSAGE, String.valueOf(id));
        return jdbc.update("UPDATE bs_vendor_message SET kind = ?, classified_from = ?, classified_by = ?, classified_at = ? "
                        + "WHERE id = ? AND kind = ? AND classified_from IS NULL AND state IN ('DELIVERED', 'FILED')",
                to, from, cut(by, 128), Timestamp.from(at), id, from) == 1;
    }

    public List<VendorMessageFile> files(long messageId) {
        return jdbc.query("SELECT id, file_name, content_type, size FROM bs_vendor_message_file WHERE message_id = ? ORDER BY id",
                (rs, n) -> new VendorMessageFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), messageId);
    }

    public Optional<VendorAttachment> content(long messageId, long fileId) {
        return jdbc.query("SELECT file_name, content_type, content FROM bs_vendor_message_file WHERE message_id = ? AND id = ?",
                (rs, n) -> new VendorAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), messageId, fileId)
                .stream().findFirst();
    }

    private static VendorMessageRecord row(ResultSet rs, int n) throws SQLException {
        return new VendorMessageRecord(rs.getLong("id"), rs.getString("system"), rs.getString("account"),
                rs.getString("message_id"), rs.getString("case_number"), rs.getString("incident_key"), rs.getString("vendor"),
                rs.getString("kind"), rs.getString("author"), rs.getString("subject"), rs.getString("text"),
                rs.getString("status"), instant(rs, "received_at"), instant(rs, "stored_at"), rs.getString("state"),
                rs.getString("resolved_by"), instant(rs, "resolved_at"), rs.getString("resolved_note"),
                rs.getString("parked_reason"), rs.getInt("files"), rs.getString("classified_from"),
                rs.getString("classified_by"), instant(rs, "classified_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** The text, or as much as fits with a line saying the rest was cut: a reader must not think it complete. */
    static String cutText(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        String note = "\n\n(Cut here: the message is longer than " + MAX_TEXT + " characters.)";
        return text.substring(0, MAX_TEXT - note.length()) + note;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
