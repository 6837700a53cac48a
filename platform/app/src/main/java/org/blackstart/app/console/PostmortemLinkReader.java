package org.blackstart.app.console;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The incident's postmortem as the details name it: its status and its page, or {@code null} when there is none. */
@Component
class PostmortemLinkReader {

    private final JdbcTemplate jdbc;

    PostmortemLinkReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    IncidentDetails.Postmortem read(String key) {
        return jdbc.query("SELECT status FROM bs_postmortem WHERE incident_key = ?",
                (rs, n) -> new IncidentDetails.Postmortem(rs.getString("status"), "/incidents/" + key + "/postmortem"), key)
                .stream().findFirst().orElse(null);
    }
}
