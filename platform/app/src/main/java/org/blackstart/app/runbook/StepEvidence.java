package org.blackstart.app.runbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The files people attach to runbook steps, in {@code bs_runbook_evidence}. */
@Repository
class StepEvidence {

    private static final String INFO = "id, incident_key, process_instance_id, task_id, step_name, file_name, content_type, "
            + "file_size, created_at, created_by";

    private final JdbcTemplate jdbc;

    StepEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored file without its bytes; {@code run} is the runbook's process instance. */
    record FileInfo(long id, String incidentKey, String run, String taskId, String step, String name, String contentType,
                    long size, Instant addedAt, String addedBy) {
    }

    /** A stored file with its bytes, for download. */
    record File(FileInfo info, byte[] content) {
    }

    FileInfo add(String incidentKey, String run, String taskId, String step, String name, String contentType, byte[] content,
                 String user, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO bs_runbook_evidence (incident_key, process_instance_id, "
                    + "task_id, step_name, file_name, content_type, file_size, content, created_at, created_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, incidentKey);
            insert.setString(2, run);
            insert.setString(3, taskId);
            insert.setString(4, truncate(step, 500));
            insert.setString(5, truncate(name, 255));
            insert.setString(6, truncate(contentType, 255));
            insert.setLong(7, content.length);
            insert.setBytes(8, content);
            insert.setTimestamp(9, Timestamp.from(at));
            insert.setString(10, user);
            return insert;
        }, keys);
        long id = keys.getKeyAs(Number.class).longValue();
        return jdbc.queryForObject("SELECT " + INFO + " FROM bs_runbook_evidence WHERE id = ?", StepEvidence::info, id);
    }

    List<FileInfo> ofTask(String taskId) {
        return jdbc.query("SELECT " + INFO + " FROM bs_runbook_evidence WHERE task_id = ? ORDER BY id", StepEvidence::info, taskId);
    }

    List<FileInfo> ofRun(String run) {
        return jdbc.query("SELECT " + INFO + " FROM bs_runbook_evidence WHERE process_instance_id = ? ORDER BY id",
                StepEvidence::info, run);
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_runbook_evidence", Long.class);
        return count == null ? 0 : count;
    }

    Optional<File> find(long id) {
        return jdbc.query("SELECT " + INFO + ", content FROM bs_runbook_evidence WHERE id = ?",
                (rs, row) -> new File(info(rs, row), rs.getBytes("content")), id).stream().findFirst();
    }

    private static FileInfo info(ResultSet rs, int row) throws SQLException {
        return new FileInfo(rs.getLong("id"), rs.getString("incident_key"), rs.getString("process_instance_id"),
                rs.getString("task_id"), rs.getString("step_name"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("file_size"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static String truncate(String text, int max) {
        String value = text == null || text.isBlank() ? "file" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
