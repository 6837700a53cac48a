package org.blackstart.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.NoticeAudience;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.TaskResult;
import org.blackstart.spi.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The demo's telephone: serves {@code page.phone}, {@code page.sms} and {@code notice.sms} when the
 * embedded default runs without a telephony plugin, so a trial shows the whole paging path and SMS
 * notices in every customer's language. It rings and texts nobody; it keeps what it would have sent
 * for {@code GET /api/demo/pages} and logs it, and goes through the delivery ledger like a real
 * channel, so a retried task is not recorded twice. Acknowledge in Tasklist or
 * with {@code POST /api/incidents/{key}/acknowledge}.
 */
@Component
@ConditionalOnExpression("${blackstart.demo.enabled:false} and ${blackstart.demo.pager.enabled:true} and !${blackstart.plugins.twilio.enabled:false}")
class DemoPager extends RouteBuilder implements BlackstartPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPager.class);
    private static final int KEPT = 500;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final DeliveryLedger ledger;
    private final NoticeAudience audience;
    private final Deque<DemoPage> pages = new ArrayDeque<>();

    DemoPager(DeliveryLedger ledger, NoticeAudience audience) {
        this.ledger = ledger;
        this.audience = audience;
    }

    /** One page as the demo pager received it. */
    record DemoPage(Instant at, String channel, String incident, String step, String recipient, String name,
                    String phone, String text) {
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.PAGE_PHONE).routeId("page-phone-demo")
                .process(exchange -> exchange.getMessage().setBody(page("phone", exchange.getIn().getBody(PageRequest.class))));
        from("blackstart:task:" + Topics.PAGE_SMS).routeId("page-sms-demo")
                .process(exchange -> exchange.getMessage().setBody(page("sms", exchange.getIn().getBody(PageRequest.class))));
        from("blackstart:task:" + Topics.NOTICE_SMS).routeId("notice-sms-demo")
                .process(exchange -> exchange.getMessage().setBody(noticeSms(exchange.getIn().getBody(CustomerNotice.class))));
    }

    private TaskResult noticeSms(CustomerNotice notice) {
        int sent = 0;
        int before = 0;
        String after = null;
        List<NoticeRecipient> page;
        do {
            page = audience.page(notice.incidentKey(), notice.step(), "sms", after, 1000);
            for (NoticeRecipient recipient : page) {
                DeliveryKey key = new DeliveryKey(notice.incidentKey(), notice.step(), "sms", recipient.address());
                if (ledger.claim(key, LEASE) != DeliveryLedger.Claim.SEND) {
                    before++;
                    continue;
                }
                String text = notice.text(recipient.language()).sms();
                LOG.info("BLACKSTART-DEMO-021 demo SMS, nobody is really texted: {} ({}) for {}: {}", recipient.name(),
                        recipient.address(), notice.incidentKey(), text);
                keep(new DemoPage(Instant.now(), "notice-sms", notice.incidentKey(), notice.step(), recipient.address(),
                        recipient.name(), recipient.address(), text));
                ledger.markSent(key, "demo");
                sent++;
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).address();
        } while (page.size() == 1000);
        return TaskResult.of(CustomerNotice.Results.SENT, sent).and(CustomerNotice.Results.ALREADY_SENT, before);
    }

    private void keep(DemoPage page) {
        synchronized (pages) {
            pages.addFirst(page);
            while (pages.size() > KEPT) {
                pages.removeLast();
            }
        }
    }

    private TaskResult page(String channel, PageRequest page) {
        DeliveryKey key = new DeliveryKey(page.incidentKey(), page.step(), channel, page.recipient());
        if (ledger.claim(key, LEASE) != DeliveryLedger.Claim.SEND) {
            return TaskResult.of("pageDelivery", "already-sent");
        }
        String text = page.headline() + (page.ackCode() == null ? "" : ". Reply ACK " + page.ackCode() + " to acknowledge.");
        LOG.info("BLACKSTART-DEMO-020 demo pager, nobody is really called: {} {} ({}) for {}: {}", channel, page.name(),
                page.phone(), page.incidentKey(), text);
        keep(new DemoPage(Instant.now(), channel, page.incidentKey(), page.step(), page.recipient(), page.name(),
                page.phone(), text));
        ledger.markSent(key, "demo");
        return TaskResult.of("pageDelivery", "sent");
    }

    /** The pages received, newest first. */
    List<DemoPage> received() {
        synchronized (pages) {
            return new ArrayList<>(pages);
        }
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("demo-pager", "Demo pager", "built-in",
                "Demo only: records pages and SMS notices instead of phoning or texting anyone; see GET /api/demo/pages.",
                Set.of(Topics.PAGE_PHONE, Topics.PAGE_SMS, Topics.NOTICE_SMS), List.of("/api/demo/pages"), List.of());
    }

    @Override
    public PluginHealth health() {
        return PluginHealth.up();
    }
}
