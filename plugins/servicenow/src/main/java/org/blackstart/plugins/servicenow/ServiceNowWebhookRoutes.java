package org.blackstart.plugins.servicenow;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The webhook endpoint {@value ServiceNowWebhook#PATH}{@code /{account}}. Spring Security lets
 * {@code /api/vendor-webhooks/**} through without HTTP Basic; {@link ServiceNowWebhook} checks the
 * account's own secret.
 */
public class ServiceNowWebhookRoutes extends RouteBuilder {

    private final ServiceNowWebhook webhook;

    ServiceNowWebhookRoutes(ServiceNowWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public void configure() {
        from("platform-http:" + ServiceNowWebhook.PATH + "/{account}?httpMethodRestrict=POST&muteException=true")
                .routeId("servicenow-webhook")
                .process(exchange -> {
                    String account = exchange.getIn().getHeader("account", String.class);
                    String secret = exchange.getIn().getHeader(ServiceNowWebhook.SECRET_HEADER, String.class);
                    String body = exchange.getIn().getBody(String.class);
                    ServiceNowWebhook.Answer answer = webhook.receive(account, secret, body);
                    // Nothing the caller sent goes back or further: only our answer.
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, answer.contentType());
                    exchange.getMessage().setBody(answer.body());
                });
    }
}
