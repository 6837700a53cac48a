package org.blackstart.plugins.vendormail;

import java.time.Duration;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.Topics;

/**
 * {@code vendor.case.open}, {@code update} and {@code close} for vendors whose ticketing system is
 * {@code email}, and one timer per mailbox that polls it.
 */
public class VendorMailRoutes extends RouteBuilder {

    public static final String OPEN_ROUTE = "vendor-mail-open";
    public static final String UPDATE_ROUTE = "vendor-mail-update";
    public static final String CLOSE_ROUTE = "vendor-mail-close";
    static final String POLL_ROUTE_PREFIX = "vendor-mail-poll-";

    private final CaseMailer mailer;
    private final List<MailboxPoller> pollers;

    public VendorMailRoutes(CaseMailer mailer, List<MailboxPoller> pollers) {
        this.mailer = mailer;
        this.pollers = List.copyOf(pollers);
    }

    @Override
    public void configure() {
        String system = "?system=" + ReplyReader.SYSTEM;
        from("blackstart:task:" + Topics.VENDOR_CASE_OPEN + system).routeId(OPEN_ROUTE).bean(mailer, "open");
        from("blackstart:task:" + Topics.VENDOR_CASE_UPDATE + system).routeId(UPDATE_ROUTE).bean(mailer, "update");
        from("blackstart:task:" + Topics.VENDOR_CASE_CLOSE + system).routeId(CLOSE_ROUTE).bean(mailer, "close");
        for (MailboxPoller poller : pollers) {
            Duration interval = poller.pollInterval();
            long firstDelay = Math.min(interval.toMillis(), 5000);
            from("timer:" + POLL_ROUTE_PREFIX + poller.accountName() + "?fixedRate=false&period=" + interval.toMillis()
                    + "&delay=" + firstDelay)
                .routeId(POLL_ROUTE_PREFIX + poller.accountName())
                .bean(poller, "poll");
        }
    }
}
