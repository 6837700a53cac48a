package org.blackstart.app.bridge;

import java.util.List;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.bridge.EngineTeamDirectory;
import org.blackstart.bridge.TeamDirectory;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TeamMail;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's users (Keycloak's, when it is configured) for {@code team.mail}; who has no e-mail
 * address is written on the incident's timeline, once per mail, so the commander knows who was not
 * invited instead of the task failing for everyone.
 */
@Component
class TimelineTeamDirectory implements TeamDirectory {

    private final EngineTeamDirectory engine;
    private final Timeline timeline;
    private final JdbcTemplate jdbc;

    TimelineTeamDirectory(IdentityService identity, Timeline timeline, JdbcTemplate jdbc) {
        this.engine = new EngineTeamDirectory(identity);
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    @Override
    public Lookup lookUp(TaskContext task, List<String> userIds) {
        Lookup found = engine.lookUp(task, userIds);
        String incidentKey = task.incidentKey();
        if (incidentKey == null) {
            return found;
        }
        String step = TeamMail.stepOf(task);
        for (String userId : found.unreachable()) {
            String detail = "Team mail \"" + TeamMail.oneLine(task.string(TeamMail.Variables.SUBJECT)) + "\" not sent to "
                    + userId + ": no e-mail address";
            // A retried task looks the same people up again; the timeline says it once.
            Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM bs_timeline WHERE incident_key = ? AND kind = ? "
                    + "AND step = ? AND detail = ?", Integer.class, incidentKey, TimelineKind.TEAM_MAIL.name(), step, detail);
            if (seen == null || seen == 0) {
                timeline.record(incidentKey, TimelineKind.TEAM_MAIL, step, null, "system", detail);
            }
        }
        return found;
    }
}
