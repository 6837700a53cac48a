package org.blackstart.app.notice;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.Topics;
import org.springframework.stereotype.Component;

/** The platform serves {@code notice.draft} itself: templates and subscribers live here. */
@Component
class NoticeDraftRoutes extends RouteBuilder {

    private final NoticeDrafter drafter;

    NoticeDraftRoutes(NoticeDrafter drafter) {
        this.drafter = drafter;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.NOTICE_DRAFT).routeId("notice-draft")
                .setBody(header(BlackstartHeaders.TASK))
                .bean(drafter, "draft");
    }
}
