package org.blackstart.app.runbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The runbooks run for incidents, in {@code bs_runbook_run}: one row per run. */
@Repository
class RunbookRuns {

    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String STOPPED = "stopped";
    static final String CANCELLED = "cancelled";

    private static final String COLUMNS = "process_instance_id, incident_key, runbook_key, runbook_name, runbook_version, "
            + "started_by, started_at, outcome, ended_at";

    private final JdbcTemplate jdbc;

    RunbookRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One run of a runbook for an incident.
     *
     * @param outcome running, completed, stopped (its refusal path ended it) or cancelled
     */
    record Run(String processInstanceId, String incidentKey, String runbook, String name, int version, String startedBy,
               Instant startedAt, String outcome, Instant endedAt) {
    }

    void started(Run run) {
        jdbc.update("INSERT INTO bs_runbook_run (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.processInstanceId(), run.incidentKey(), run.runbook(), run.name(), run.version(), run.startedBy(),
                Timestamp.from(run.startedAt()), RUNNING, null);
    }

    void ended(String processInstanceId, String outcome, Instant at) {
        jdbc.update("UPDATE bs_runbook_run SET outcome = ?, ended_at = ? WHERE process_instance_id = ?",
                outcome, Timestamp.from(at), processInstanceId);
    }

    Optional<Run> find(String processInstanceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_runbook_run WHERE process_instance_id = ?", RunbookRuns::run,
                processInstanceId).stream().findFirst();
    }

    /** The incident's runs, oldest first. */
    List<Run> ofIncident(String incidentKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_runbook_run WHERE incident_key = ? ORDER BY started_at, "
                + "process_instance_id", RunbookRuns::run, incidentKey);
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Run(rs.getString("process_instance_id"), rs.getString("incident_key"), rs.getString("runbook_key"),
                rs.getString("runbook_name"), rs.getInt("runbook_version"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("outcome"), ended == null ? null : ended.toInstant());
    }
}
