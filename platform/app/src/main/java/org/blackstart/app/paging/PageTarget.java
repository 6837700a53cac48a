package org.blackstart.app.paging;

import java.util.Locale;
import java.util.Optional;

/**
 * Whom a later page is for: one person, whoever a schedule has on call, or an escalation policy. Kept in
 * the paging process as {@code <kind>:<id>} ({@link PagingVariables#TARGET}); a paging without one pages
 * the incident's own escalation policy.
 */
record PageTarget(Kind kind, String id) {

    enum Kind { PERSON, SCHEDULE, POLICY }

    String text() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    static Optional<PageTarget> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PageTarget(Kind.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT)),
                    text.substring(colon + 1)));
        } catch (IllegalArgumentException unknownKind) {
            return Optional.empty();
        }
    }
}
