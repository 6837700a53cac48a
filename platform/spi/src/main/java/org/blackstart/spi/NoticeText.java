package org.blackstart.spi;

/**
 * A notice's words in one language, for the channels that address customers one by one.
 *
 * @param language    BCP 47 tag
 * @param subject     e-mail subject, one line
 * @param text        e-mail plain-text body
 * @param html        e-mail HTML body, or {@code null} when the channel should derive one from the text
 * @param sms         the SMS text; longer than one message only when the support agent accepted it
 * @param phoneScript what an agent says when phoning a customer
 */
public record NoticeText(String language, String subject, String text, String html, String sms, String phoneScript) {

    public NoticeText {
        language = language == null || language.isBlank() ? "en" : language;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        sms = sms == null ? "" : sms;
        phoneScript = phoneScript == null ? "" : phoneScript;
    }
}
