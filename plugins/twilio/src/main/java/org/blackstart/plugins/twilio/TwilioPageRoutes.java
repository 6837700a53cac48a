package org.blackstart.plugins.twilio;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.Topics;

/**
 * {@code page.phone} and {@code page.sms}: one call or one text per task, claimed in the delivery
 * ledger first. A number Twilio calls invalid ends the task with the BPMN error
 * {@code PAGE_UNDELIVERABLE}; rate limiting, server errors and unreachable API fail the task, which
 * the bridge retries with backoff.
 */
public class TwilioPageRoutes extends RouteBuilder {

    public static final String PHONE_ROUTE_ID = "page-phone-twilio";
    public static final String SMS_ROUTE_ID = "page-sms-twilio";

    private final PageDeliveries deliveries;

    public TwilioPageRoutes(PageDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.PAGE_PHONE).routeId(PHONE_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        deliveries.call(exchange.getIn().getMandatoryBody(PageRequest.class))));

        from("blackstart:task:" + Topics.PAGE_SMS).routeId(SMS_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        deliveries.text(exchange.getIn().getMandatoryBody(PageRequest.class))));
    }
}
