package org.blackstart.plugins.email;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.Topics;

/**
 * {@code team.mail}: mails people of our own team (a review meeting's invitation, a reminder), one
 * message per recipient, effectively once (see {@link TeamMailSender}).
 */
public class TeamMailRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "team-mail";

    private final TeamMailSender sender;

    public TeamMailRoutes(TeamMailSender sender) {
        this.sender = sender;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.TEAM_MAIL).routeId(ROUTE_ID)
            .bean(sender, "deliver");
    }
}
