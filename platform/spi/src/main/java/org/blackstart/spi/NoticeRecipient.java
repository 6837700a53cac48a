package org.blackstart.spi;

import java.util.Objects;

/**
 * One addressee of a notice on one channel, as the audience was fixed when the notice was drafted.
 *
 * @param address        in the channel's own form: an e-mail address, an E.164 number
 * @param language       the language the recipient reads, BCP 47
 * @param name           for a salutation, or {@code null}
 * @param customerId     the directory's id, or {@code null} for a status page subscriber
 * @param unsubscribeUrl one-click unsubscribe link for status page subscribers, else {@code null}
 */
public record NoticeRecipient(String address, String language, String name, String customerId, String unsubscribeUrl) {

    public NoticeRecipient {
        Objects.requireNonNull(address, "address");
        language = language == null || language.isBlank() ? "en" : language;
    }

    public static NoticeRecipient of(String address) {
        return new NoticeRecipient(address, null, null, null, null);
    }
}
