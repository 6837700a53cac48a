package org.blackstart.app.demo;

import org.blackstart.app.notice.Subscribers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Three demo customers, so that a first incident's notice has someone to go to. */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo", name = "enabled", havingValue = "true")
class DemoSubscribers {

    private final Subscribers subscribers;

    DemoSubscribers(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        if (subscribers.count() == 0) {
            subscribers.save("ann@customer.example", "Ann (Rotterdam Flowers)", "en", "mail,webmail");
            subscribers.save("bob@customer.example", "Bob (Bakery Utrecht)", "en", "mail");
            subscribers.save("carol@customer.example", "Carol (App Builders Inc.)", "en", "*");
        }
    }
}
