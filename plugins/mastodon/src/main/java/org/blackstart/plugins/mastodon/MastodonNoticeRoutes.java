package org.blackstart.plugins.mastodon;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.Topics;

/**
 * {@code notice.mastodon}: one status per notice. A 422 ends the task with {@code NOTICE_REFUSED};
 * a 429 waits for the reset; an instance that stays down ends it with {@code CHANNEL_UNAVAILABLE};
 * a refused token fails the task, which becomes a Cockpit incident.
 */
public class MastodonNoticeRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "notice-mastodon";

    private final MastodonPosts posts;

    public MastodonNoticeRoutes(MastodonPosts posts) {
        this.posts = posts;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.NOTICE_MASTODON).routeId(ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(posts.post(
                        exchange.getIn().getMandatoryBody(CustomerNotice.class),
                        exchange.getIn().getHeader(BlackstartHeaders.TASK, TaskContext.class))));
    }
}
