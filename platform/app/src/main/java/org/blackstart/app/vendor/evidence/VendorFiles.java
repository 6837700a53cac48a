package org.blackstart.app.vendor.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.blackstart.spi.vendor.VendorAttachment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The files commanders add for a vendor, in {@code bs_vendor_file}. A file goes with one step of the
 * escalation ({@code open}, {@code answer-<id>}); a file counts as sent once a ticketing plugin took it
 * for that step, and a retried step takes the same files again, so a case never lacks one.
 */
@Repository
public class VendorFiles {

    /** The step of a new case: its files are those added before the case was opened. */
    public static final String OPEN = "open";

    private static final String INFO = "id, incident_key, vendor, step, file_name, content_type, file_size, created_at, "
            + "created_by, sent_step, sent_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public VendorFiles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A stored file, without its bytes.
     *
     * @param sentStep the step a plugin took it for, {@code null} while not sent
     */
    public record FileInfo(long id, String incidentKey, String vendor, String step, String name, String contentType,
                           long size, Instant addedAt, String addedBy, String sentStep, Instant sentAt) {
        public boolean sent() {
            return sentStep != null;
        }
    }

    public FileInfo add(String incidentKey, String vendor, String step, VendorAttachment file, String user) {
        KeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO bs_vendor_file (incident_key, vendor, step, file_name, "
                    + "content_type, file_size, content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            insert.setString(1, incidentKey);
            insert.setString(2, vendor);
            insert.setString(3, step);
            insert.setString(4, truncate(file.fileName(), 255));
            insert.setString(5, truncate(file.contentType(), 255));
            insert.setLong(6, file.size());
            insert.setBytes(7, file.content());
            insert.setTimestamp(8, now);
            insert.setString(9, user);
            return insert;
        }, keys);
        long id = keys.getKeyAs(Number.class).longValue();
        return jdbc.queryForObject("SELECT " + INFO + " FROM bs_vendor_file WHERE id = ?", VendorFiles::info, id);
    }

    /** The files of an incident for a vendor, in the order they were added. */
    public List<FileInfo> list(String incidentKey, String vendor) {
        return jdbc.query("SELECT " + INFO + " FROM bs_vendor_file WHERE incident_key = ? AND vendor = ? ORDER BY id",
                VendorFiles::info, incidentKey, vendor);
    }

    /**
     * Marks the step's files as sent with it and returns them with their bytes: the files added for
     * the step that were not sent yet, and those a previous attempt of the same step took.
     */
    List<VendorAttachment> takeForStep(String incidentKey, String vendor, String step) {
        jdbc.update("UPDATE bs_vendor_file SET sent_step = ?, sent_at = ? WHERE incident_key = ? AND vendor = ? "
                + "AND step = ? AND sent_step IS NULL", step, Timestamp.from(clock.instant()), incidentKey, vendor, step);
        return jdbc.query("SELECT file_name, content_type, content FROM bs_vendor_file WHERE incident_key = ? AND vendor = ? "
                        + "AND sent_step = ? ORDER BY id",
                (rs, row) -> new VendorAttachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")), incidentKey, vendor, step);
    }

    private static FileInfo info(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new FileInfo(rs.getLong("id"), rs.getString("incident_key"), rs.getString("vendor"), rs.getString("step"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("file_size"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("sent_step"),
                sentAt == null ? null : sentAt.toInstant());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
