package org.blackstart.plugins.email;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.Topics;

/**
 * {@code notice.email}: sends the notice to every recipient of its e-mail audience, one message
 * each, effectively once (see {@link EmailFanOut}). The route hands the whole fan-out to JavaMail
 * directly rather than to Camel's mail producer, which opens a connection per message: with ten
 * thousand recipients the handshakes would cost more than the messages.
 */
public class EmailNoticeRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "notice-email";

    private final EmailFanOut fanOut;

    public EmailNoticeRoutes(EmailFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.NOTICE_EMAIL).routeId(ROUTE_ID)
            .bean(fanOut, "deliver");
    }
}
