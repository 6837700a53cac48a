package org.blackstart.plugins.email;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.Topics;

/**
 * {@code notice.email}: for each recipient, claim the delivery in the ledger, send one message over
 * SMTP, mark it sent. A retry skips what was sent; an SMTP failure gives the claim back and fails
 * the task, which the bridge retries and, after the last retry, shows as a Camunda incident.
 */
public class EmailNoticeRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "notice-email";

    private final EmailProperties properties;
    private final EmailDeliverySteps steps;

    public EmailNoticeRoutes(EmailProperties properties, EmailDeliverySteps steps) {
        this.properties = properties;
        this.steps = steps;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.NOTICE_EMAIL).routeId(ROUTE_ID)
            .split(method(steps, "perRecipient")).stopOnException()
                .filter(method(steps, "claim"))
                    .setProperty(EmailDeliverySteps.DELIVERY, body())
                    .bean(steps, "compose")
                    .doTry()
                        .to(smtpUri())
                    .doCatch(Exception.class)
                        .bean(steps, "release")
                        .process(EmailNoticeRoutes::rethrow)
                    .end()
                    .bean(steps, "markSent")
                .end()
            .end()
            .bean(steps, "result");
    }

    private static void rethrow(Exchange exchange) throws Exception {
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    String smtpUri() {
        String scheme = properties.security() == EmailProperties.Security.SSL ? "smtps" : "smtp";
        StringBuilder uri = new StringBuilder(scheme).append("://").append(properties.host()).append(':')
                .append(properties.port())
                .append("?connectionTimeout=").append(properties.timeout().toMillis());
        if (properties.username() != null && !properties.username().isBlank()) {
            uri.append("&username=RAW(").append(properties.username()).append(')');
        }
        if (properties.password() != null && !properties.password().isBlank()) {
            // RAW() keeps the secret out of URI decoding; Camel masks it wherever it logs the URI.
            uri.append("&password=RAW(").append(properties.password()).append(')');
        }
        if (properties.security() == EmailProperties.Security.STARTTLS) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }
}
