package org.blackstart.plugins.email;

import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.NoticeRecipient;

/** One notice to one recipient: the unit the ledger claims and the SMTP server receives. */
record EmailDelivery(DeliveryKey key, CustomerNotice notice, NoticeRecipient recipient) {

    static final String CHANNEL = "email";

    static EmailDelivery of(CustomerNotice notice, NoticeRecipient recipient) {
        return new EmailDelivery(DeliveryKey.of(notice, CHANNEL, recipient.address()), notice, recipient);
    }
}
