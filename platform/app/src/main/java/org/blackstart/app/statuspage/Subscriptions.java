package org.blackstart.app.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.blackstart.app.notice.JdbcNoticeAudience;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Double opt-in: a request stores a pending subscription and mails a confirmation link through the
 * {@code notice.email} channel (process {@code status-mail}); only the link confirms it.
 */
@Component
class Subscriptions {

    /** Thrown for input the subscriber must fix; the message names the field. */
    static final class InvalidSubscription extends RuntimeException {
        final String field;

        InvalidSubscription(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }
    }

    // Deliberately simple: one @, no spaces, a dot in the domain. The confirmation mail is the real test.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:.]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");

    private final SubscriptionStore store;
    private final StatusSubscribers subscribers;
    private final JdbcNoticeAudience audience;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final StatusPageProperties properties;
    private final SubscribeLimits limits;
    private final Clock clock;

    Subscriptions(SubscriptionStore store, StatusSubscribers subscribers, JdbcNoticeAudience audience,
                  RuntimeService runtime, TransactionTemplate transactions, StatusPageProperties properties,
                  SubscribeLimits limits, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.subscribers = subscribers;
        this.audience = audience;
        this.runtime = runtime;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Validates, stores the request and starts the confirmation mail, all or nothing. While the address
     * has a confirmation pending, nothing is stored or sent: the caller answers the same either way, so
     * the form neither mails anyone twice nor tells who is subscribed.
     *
     * @throws SubscribeLimits.LimitReached when the address was asked for too often
     */
    void request(String email, List<String> components, String language) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            throw new InvalidSubscription("email", "enter your e-mail address");
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new InvalidSubscription("email", "'" + email.strip() + "' is not an e-mail address");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String component : components == null ? List.<String>of() : components) {
            if (component == null || component.isBlank()) {
                continue;
            }
            if (!properties.knows(component.strip())) {
                throw new InvalidSubscription("components", "unknown component '" + component.strip() + "'");
            }
            chosen.add(component.strip());
        }
        if (language != null && !language.isBlank() && !LANGUAGE.matcher(language.strip()).matches()) {
            throw new InvalidSubscription("language", "'" + language.strip() + "' is not a language tag such as en or nl");
        }
        String lang = language == null || language.isBlank() ? null : language.strip();
        limits.email(address).ifPresent(retryAfter -> {
            throw new SubscribeLimits.LimitReached(retryAfter);
        });
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> store.request(address, chosen, lang, now,
                        now.minus(SubscriptionTokens.Purpose.CONFIRM.lifetime()))
                .ifPresent(subscription -> mailConfirmation(subscription, chosen)));
    }

    private void mailConfirmation(SubscriptionStore.Subscription subscription, Set<String> chosen) {
        String key = "SUB-" + subscription.id();
        int n = subscription.confirmationsSent();
        String step = n <= 1 ? "confirm" : "confirm-" + n;
        String following = chosen.isEmpty() ? "all components" : chosen.stream()
                .map(id -> properties.component(id).orElseThrow().name()).collect(Collectors.joining(", "));
        audience.fix(key, step, List.of(new JdbcNoticeAudience.Entry("email", new NoticeRecipient(subscription.email(),
                subscription.language(), null, null, subscribers.unsubscribeUrl(subscription.id())))));
        Map<String, Object> variables = new HashMap<>();
        variables.put(CustomerNotice.Variables.STEP, step);
        variables.put(CustomerNotice.Variables.PHASE, "subscription");
        variables.put(CustomerNotice.Variables.LANGUAGE, "en");
        variables.put("title", "Confirm your subscription");
        variables.put(CustomerNotice.Variables.text("en", CustomerNotice.TextPart.SUBJECT),
                "Confirm your subscription to " + properties.title());
        variables.put(CustomerNotice.Variables.text("en", CustomerNotice.TextPart.TEXT),
                "Someone, hopefully you, asked for e-mail updates from " + properties.title() + " about " + following + ".\n\n"
                        + "To confirm, open this link within 48 hours:\n" + subscribers.confirmUrl(subscription.id()) + "\n\n"
                        + "If you did not ask for this, ignore this message: nothing more will be sent to you.");
        runtime.startProcessInstanceByKey("status-mail", key, variables);
    }

    boolean confirm(String subscriptionId) {
        return store.confirm(subscriptionId, clock.instant());
    }

    boolean unsubscribe(String subscriptionId) {
        return store.remove(subscriptionId);
    }
}
