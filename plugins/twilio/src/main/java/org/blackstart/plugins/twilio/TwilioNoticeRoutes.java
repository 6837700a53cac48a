package org.blackstart.plugins.twilio;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.Topics;

/**
 * {@code notice.sms}: the customer notice texted to its SMS audience. Refused numbers are recorded
 * and skipped; an API that stays down ends the task with {@code CHANNEL_UNAVAILABLE}.
 */
public class TwilioNoticeRoutes extends RouteBuilder {

    public static final String SMS_ROUTE_ID = "notice-sms-twilio";

    private final SmsNotices notices;

    public TwilioNoticeRoutes(SmsNotices notices) {
        this.notices = notices;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.NOTICE_SMS).routeId(SMS_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(notices.send(
                        exchange.getIn().getMandatoryBody(CustomerNotice.class),
                        exchange.getIn().getHeader(BlackstartHeaders.TASK, TaskContext.class))));
    }
}
