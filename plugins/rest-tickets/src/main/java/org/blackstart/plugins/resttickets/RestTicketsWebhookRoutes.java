package org.blackstart.plugins.resttickets;

import org.apache.camel.builder.RouteBuilder;

/** The webhook every configured portal reports to: {@code POST /api/vendor-webhooks/rest-tickets/<account>}. */
public class RestTicketsWebhookRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "vendor-webhook-rest-tickets";

    private final PortalWebhookReceiver receiver;

    RestTicketsWebhookRoutes(PortalWebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void configure() {
        from("platform-http:" + PortalWebhookReceiver.PATH + "/{account}?httpMethodRestrict=POST&muteException=true")
                .routeId(ROUTE_ID)
                .process(receiver);
    }
}
