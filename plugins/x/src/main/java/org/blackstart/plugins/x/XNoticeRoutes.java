package org.blackstart.plugins.x;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.Topics;

/**
 * {@code notice.x}: one post per notice. Rate limiting waits for X's reset without using up a
 * retry; an X that stays unreachable ends the task with {@code CHANNEL_UNAVAILABLE}; anything else
 * fails the task, which the bridge retries and then shows in Cockpit.
 */
public class XNoticeRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "notice-x";

    private final XPosts posts;

    public XNoticeRoutes(XPosts posts) {
        this.posts = posts;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.NOTICE_X).routeId(ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(posts.post(
                        exchange.getIn().getMandatoryBody(CustomerNotice.class),
                        exchange.getIn().getHeader(BlackstartHeaders.TASK, TaskContext.class))));
    }
}
