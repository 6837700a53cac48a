package org.blackstart.app.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The channels a notice can go out on. E-mail and SMS address each customer of the audience; X,
 * Mastodon and the status page publish once for everyone.
 */
public enum NoticeChannel {
    EMAIL("e-mail", true), SMS("SMS", true), X("X", false), MASTODON("Mastodon", false), STATUSPAGE("the status page", false);

    private final String label;
    private final boolean perRecipient;

    NoticeChannel(String label, boolean perRecipient) {
        this.label = label;
        this.perRecipient = perRecipient;
    }

    /** As in topics ({@code notice.email}), variables ({@code send_email}) and the audience table. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public boolean perRecipient() {
        return perRecipient;
    }

    public static Optional<NoticeChannel> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    public static List<NoticeChannel> publicChannels() {
        return Arrays.stream(values()).filter(c -> !c.perRecipient).toList();
    }
}
