package org.blackstart.plugins.jira;

import org.apache.camel.builder.RouteBuilder;

/** The webhook every configured account's Jira reports to: {@code POST /api/vendor-webhooks/jira/<account>}. */
public class JiraWebhookRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "vendor-webhook-jira";

    private final JiraWebhookReceiver receiver;

    JiraWebhookRoutes(JiraWebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void configure() {
        from("platform-http:" + JiraWebhookReceiver.PATH + "/{account}?httpMethodRestrict=POST&muteException=true")
                .routeId(ROUTE_ID)
                .process(receiver);
    }
}
