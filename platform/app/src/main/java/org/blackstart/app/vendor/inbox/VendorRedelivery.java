package org.blackstart.app.vendor.inbox;

import java.time.Clock;
import org.blackstart.app.periodic.Repeating;
import org.blackstart.spi.SingleNodeLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers vendor messages whose node stopped between storing and delivering them. One node of the
 * cluster sweeps at a time (lease {@value #LEASE}); delivery itself is guarded by the message's
 * state, so even an overlap would deliver each message once.
 */
@Component
public class VendorRedelivery implements SmartLifecycle {

    static final String LEASE = "vendor-inbox-redelivery";

    private static final Logger log = LoggerFactory.getLogger(VendorRedelivery.class);

    private final VendorMessageStore messages;
    private final JdbcVendorInbox inbox;
    private final SingleNodeLease lease;
    private final VendorInboxProperties properties;
    private final Clock clock;
    private final Repeating repeating = new Repeating("vendor-redelivery");

    VendorRedelivery(VendorMessageStore messages, JdbcVendorInbox inbox, SingleNodeLease lease,
                     VendorInboxProperties properties, Clock clock) {
        this.messages = messages;
        this.inbox = inbox;
        this.lease = lease;
        this.properties = properties;
        this.clock = clock;
    }

    /** One sweep; returns how many messages it delivered. */
    public int sweep() {
        if (!lease.tryHold(LEASE, properties.redeliveryInterval().multipliedBy(3))) {
            return 0;
        }
        int delivered = 0;
        for (Long id : messages.undeliveredSince(clock.instant().minus(properties.redeliverAfter()))) {
            try {
                if (inbox.deliver(id)) {
                    delivered++;
                    log.info("vendor message {} delivered by the redelivery sweep", id);
                }
            } catch (RuntimeException failed) {
                log.warn("vendor message {} still not delivered: {}", id, failed.toString());
            }
        }
        return delivered;
    }

    @Override
    public synchronized void start() {
        repeating.start(properties.redeliveryInterval(), this::sweep,
                e -> log.warn("vendor message redelivery sweep failed: {}", e.toString()));
    }

    @Override
    public void stop() {
        repeating.stop();
    }

    @Override
    public boolean isRunning() {
        return repeating.running();
    }
}
