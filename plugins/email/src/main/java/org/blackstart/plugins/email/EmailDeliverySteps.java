package org.blackstart.plugins.email;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.mail.MailConstants;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.NoticeAudience;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.TaskResult;

/** The steps of {@link EmailNoticeRoutes}, as methods the route calls by name. */
public class EmailDeliverySteps {

    static final String DELIVERY = "blackstartEmailDelivery";
    /** Result variable: how many recipients the notice went to by e-mail. */
    public static final String RESULT_RECIPIENTS = "emailRecipients";

    private static final int PAGE = 1000;

    private final DeliveryLedger ledger;
    private final NoticeAudience audience;
    private final EmailProperties properties;
    private final NoticeMessageFactory messages;

    public EmailDeliverySteps(DeliveryLedger ledger, NoticeAudience audience, EmailProperties properties) {
        this.ledger = ledger;
        this.audience = audience;
        this.properties = properties;
        this.messages = new NoticeMessageFactory(properties);
    }

    public List<EmailDelivery> perRecipient(CustomerNotice notice) {
        List<EmailDelivery> deliveries = new ArrayList<>();
        String after = null;
        List<NoticeRecipient> page;
        do {
            page = audience.page(notice.incidentKey(), notice.step(), EmailDelivery.CHANNEL, after, PAGE);
            page.forEach(recipient -> deliveries.add(EmailDelivery.of(notice, recipient)));
            after = page.isEmpty() ? after : page.get(page.size() - 1).address();
        } while (page.size() == PAGE);
        return deliveries;
    }

    /** True when this worker must send now; false when it was sent before. */
    public boolean claim(EmailDelivery delivery) {
        return switch (ledger.claim(delivery.key(), properties.claimLease())) {
            case SEND -> true;
            case ALREADY_SENT -> false;
            case IN_PROGRESS -> throw new DeliveryInProgressException(delivery.key().incidentKey(), delivery.key().step());
        };
    }

    public MimeMessage compose(EmailDelivery delivery) throws Exception {
        return messages.compose(delivery);
    }

    public void markSent(@ExchangeProperty(DELIVERY) EmailDelivery delivery,
                         @Header(MailConstants.MAIL_MESSAGE_ID) String messageId) {
        ledger.markSent(delivery.key(), messageId);
    }

    public void release(@ExchangeProperty(DELIVERY) EmailDelivery delivery) {
        ledger.release(delivery.key(), "SMTP send failed");
    }

    public TaskResult result(CustomerNotice notice) {
        return TaskResult.of(RESULT_RECIPIENTS,
                (int) audience.count(notice.incidentKey(), notice.step(), EmailDelivery.CHANNEL));
    }

    /** Another worker holds a live claim on the same delivery; the task is retried after its lease. */
    static final class DeliveryInProgressException extends RuntimeException {
        DeliveryInProgressException(String incident, String step) {
            super("another worker is sending notice '" + step + "' of " + incident + " right now");
        }
    }
}
