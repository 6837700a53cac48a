package org.blackstart.app.statuspage;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.Topics;
import org.springframework.stereotype.Component;

/** The platform serves {@code notice.statuspage} itself: the status page is part of it. */
@Component
class StatusPageRoutes extends RouteBuilder {

    private final StatusPagePublisher publisher;

    StatusPageRoutes(StatusPagePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.NOTICE_STATUSPAGE).routeId("notice-statuspage")
                .process(exchange -> exchange.getMessage().setBody(publisher.publish(
                        exchange.getMessage().getBody(CustomerNotice.class),
                        exchange.getMessage().getHeader(BlackstartHeaders.TASK, TaskContext.class))));
    }
}
