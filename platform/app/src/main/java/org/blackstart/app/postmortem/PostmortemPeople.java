package org.blackstart.app.postmortem;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is invited to the review meeting: the author and the reviewer, and everyone who worked the incident as its
 * timeline tells it: whoever triaged, completed a step, reviewed a notice, wrote a note or answered a page (by phone
 * or SMS too, from the paging line "Acknowledged by ..."). Only users of the engine are people; plugins and
 * {@code system} are not.
 */
@Component
class PostmortemPeople {

    private static final Pattern ACKNOWLEDGED = Pattern.compile("Acknowledged by (\\S+) via .*", Pattern.DOTALL);

    private final JdbcTemplate jdbc;
    private final IdentityService identity;

    PostmortemPeople(JdbcTemplate jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    /** User ids, the author and reviewer first, each once. */
    List<String> participants(String incidentKey, String author, String reviewer) {
        Set<String> candidates = new LinkedHashSet<>();
        if (author != null) {
            candidates.add(author);
        }
        if (reviewer != null) {
            candidates.add(reviewer);
        }
        jdbc.query("SELECT actor, kind, detail FROM bs_timeline WHERE incident_key = ? ORDER BY id", rs -> {
            String actor = rs.getString("actor");
            if (actor != null) {
                candidates.add(actor);
            }
            String detail = rs.getString("detail");
            if ("PAGING".equals(rs.getString("kind")) && detail != null) {
                Matcher ack = ACKNOWLEDGED.matcher(detail);
                if (ack.matches()) {
                    candidates.add(ack.group(1));
                }
            }
        }, incidentKey);
        Set<String> known = new LinkedHashSet<>();
        users(candidates).forEach(user -> known.add(user.getId()));
        return candidates.stream().filter(known::contains).toList();
    }

    List<User> users(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list();
    }

    boolean isCommander(String userId) {
        return identity.createUserQuery().userId(userId)
                .memberOfGroup(org.blackstart.app.security.Groups.INCIDENT_COMMANDERS).count() > 0;
    }
}
