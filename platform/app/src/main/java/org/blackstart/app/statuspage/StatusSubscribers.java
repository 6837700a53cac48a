package org.blackstart.app.statuspage;

import java.util.List;
import java.util.Set;
import org.blackstart.spi.NoticeRecipient;
import org.springframework.stereotype.Component;

/** The status page's confirmed e-mail subscribers, as the audience of a notice. */
@Component
public class StatusSubscribers {

    private final SubscriptionStore store;
    private final SubscriptionTokens tokens;
    private final StatusPageProperties properties;

    StatusSubscribers(SubscriptionStore store, SubscriptionTokens tokens, StatusPageProperties properties) {
        this.store = store;
        this.tokens = tokens;
        this.properties = properties;
    }

    /**
     * Confirmed subscribers following any of {@code components} (every subscriber when empty), each
     * with a fresh one-click unsubscribe link.
     *
     * @param language the language of those who did not choose one
     */
    public List<NoticeRecipient> audience(Set<String> components, String language) {
        return store.confirmed().stream().filter(s -> s.follows(components))
                .map(s -> new NoticeRecipient(s.email(), s.language() == null ? language : s.language(), null, null,
                        unsubscribeUrl(s.id())))
                .toList();
    }

    String unsubscribeUrl(String subscriptionId) {
        return properties.url("/status/unsubscribe?token=" + tokens.issue(subscriptionId, SubscriptionTokens.Purpose.UNSUBSCRIBE));
    }

    String confirmUrl(String subscriptionId) {
        return properties.url("/status/confirm?token=" + tokens.issue(subscriptionId, SubscriptionTokens.Purpose.CONFIRM));
    }
}
