package org.blackstart.app.notice.template;

import org.blackstart.spi.text.PostLength;
import org.blackstart.spi.text.SmsText;

/**
 * A notice rendered for every channel, in one language.
 *
 * @param phase      the phase rendered
 * @param language   the language of the set that was used (after fallback), e.g. {@code en} for a {@code es} reader
 *                   when no Spanish set exists
 * @param smsInfo    what the {@code sms} text costs: encoding and segments
 */
public record RenderedNotice(String phase, String language, String subject, String text, String html, String sms,
                             String phone, String x, String mastodon, String statuspage, SmsText smsInfo) {

    /** The length of {@link #x()} as X counts it. */
    public int xLength() {
        return PostLength.x(x);
    }

    /** The length of {@link #mastodon()} as Mastodon counts it. */
    public int mastodonLength() {
        return PostLength.mastodon(mastodon);
    }

    public String part(TemplatePart part) {
        return switch (part) {
            case SUBJECT -> subject;
            case TEXT -> text;
            case HTML -> html;
            case SMS -> sms;
            case PHONE -> phone;
            case X -> x;
            case MASTODON -> mastodon;
            case STATUSPAGE -> statuspage;
        };
    }
}
