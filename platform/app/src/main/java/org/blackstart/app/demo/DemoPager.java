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
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
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
 * The demo's telephone: serves {@code page.phone} and {@code page.sms} when the embedded default
 * runs without a telephony plugin, so a trial shows the whole paging path. It rings nobody; it
 * keeps the pages for {@code GET /api/demo/pages} and logs them, and goes through the delivery
 * ledger like a real channel, so a retried task is not recorded twice. Acknowledge in Tasklist or
 * with {@code POST /api/incidents/{key}/acknowledge}.
 */
@Component
@ConditionalOnExpression("${blackstart.demo.enabled:false} and ${blackstart.demo.pager.enabled:true} and !${blackstart.plugins.twilio.enabled:false}")
class DemoPager extends RouteBuilder implements BlackstartPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPager.class);
    private static final int KEPT = 500;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final DeliveryLedger ledger;
    private final Deque<DemoPage> pages = new ArrayDeque<>();

    DemoPager(DeliveryLedger ledger) {
        this.ledger = ledger;
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
    }

    private TaskResult page(String channel, PageRequest page) {
        DeliveryKey key = new DeliveryKey(page.incidentKey(), page.step(), channel, page.recipient());
        if (ledger.claim(key, LEASE) != DeliveryLedger.Claim.SEND) {
            return TaskResult.of("pageDelivery", "already-sent");
        }
        String text = page.headline() + (page.ackCode() == null ? "" : ". Reply ACK " + page.ackCode() + " to acknowledge.");
        LOG.info("BLACKSTART-DEMO-020 demo pager, nobody is really called: {} {} ({}) for {}: {}", channel, page.name(),
                page.phone(), page.incidentKey(), text);
        synchronized (pages) {
            pages.addFirst(new DemoPage(Instant.now(), channel, page.incidentKey(), page.step(), page.recipient(),
                    page.name(), page.phone(), text));
            while (pages.size() > KEPT) {
                pages.removeLast();
            }
        }
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
                "Demo only: records pages instead of phoning anyone; see GET /api/demo/pages.",
                Set.of(Topics.PAGE_PHONE, Topics.PAGE_SMS), List.of("/api/demo/pages"), List.of());
    }

    @Override
    public PluginHealth health() {
        return PluginHealth.up();
    }
}
