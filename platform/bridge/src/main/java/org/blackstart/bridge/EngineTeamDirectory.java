package org.blackstart.bridge;

import java.util.ArrayList;
import java.util.List;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TeamMail;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Looks people up in the engine's identity service: its own users, or Keycloak's through the
 * identity provider plugin. A user without an e-mail address, and an unknown id, is unreachable.
 */
public class EngineTeamDirectory implements TeamDirectory {

    private final IdentityService identity;

    public EngineTeamDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Lookup lookUp(TaskContext task, List<String> userIds) {
        List<TeamMail.Recipient> recipients = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (String userId : userIds) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                unreachable.add(userId);
            } else {
                recipients.add(new TeamMail.Recipient(userId, nameOf(user), user.getEmail().strip()));
            }
        }
        return new Lookup(recipients, unreachable);
    }

    private static String nameOf(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? null : name;
    }
}
