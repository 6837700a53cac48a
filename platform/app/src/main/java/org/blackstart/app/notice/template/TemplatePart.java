package org.blackstart.app.notice.template;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a template set, one per channel text. Only {@code html} is HTML-escaped; the others are
 * plain text, where an escaped {@code &amp;} would reach the customer as five characters.
 */
public enum TemplatePart {
    SUBJECT(false, true),
    TEXT(false, true),
    HTML(true, false),
    SMS(false, false),
    PHONE(false, true),
    X(false, false),
    MASTODON(false, false),
    STATUSPAGE(false, false);

    private final boolean html;
    private final boolean personal;

    TemplatePart(boolean html, boolean personal) {
        this.html = html;
        this.personal = personal;
    }

    /** The name in files, JSON and error reports: {@code subject}, {@code x}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the part rendered with HTML escaping. */
    public boolean html() {
        return html;
    }

    /**
     * True for the parts addressed to one customer ({@code subject}, {@code text}, {@code phone}): only they
     * can greet the customer by name. Public posts, the SMS (one text per language) and the HTML layout
     * (which wraps the text) cannot.
     */
    public boolean personal() {
        return personal;
    }

    public static Optional<TemplatePart> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
