package org.blackstart.plugins.jira;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.ActionTicket;
import org.blackstart.spi.Topics;

/** {@code actions.ticket.open} and {@code .close}: action items of postmortems as issues in the team's own Jira. */
public class JiraActionRoutes extends RouteBuilder {

    public static final String OPEN_ROUTE_ID = "actions-ticket-open-jira";
    public static final String CLOSE_ROUTE_ID = "actions-ticket-close-jira";

    private final JiraActionTickets tickets;

    JiraActionRoutes(JiraActionTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.ACTIONS_TICKET_OPEN).routeId(OPEN_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        tickets.open(exchange.getIn().getMandatoryBody(ActionTicket.class))));
        from("blackstart:task:" + Topics.ACTIONS_TICKET_CLOSE).routeId(CLOSE_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        tickets.close(exchange.getIn().getMandatoryBody(ActionTicket.class))));
    }
}
