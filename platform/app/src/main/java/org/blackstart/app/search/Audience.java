package org.blackstart.app.search;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may read a document, stored in its {@code audience} field; a reader sees the documents of every audience
 * up to their own. The same rule as the API's reads: on-call engineers read incidents, their alerts and
 * timelines; what is written to or about customers and vendors (notices, vendor messages, postmortems) is for
 * support agents and commanders; a commander's private note is for commanders (and platform admins) only.
 */
public enum Audience {
    ON_CALL("on-call"),
    STAFF("staff"),
    COMMANDERS("commanders");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    /** As stored in the documents' {@code audience} field. */
    public String code() {
        return code;
    }

    /** The audiences whose documents this reader may see: their own and those below. */
    public List<String> readable() {
        return java.util.Arrays.stream(values()).filter(a -> a.ordinal() <= ordinal()).map(Audience::code).toList();
    }

    /**
     * The highest audience of the caller's groups ({@code GROUP_incident-commanders}, ...); {@code null} when the
     * caller is in none of Blackstart's groups.
     */
    public static Audience of(Authentication caller) {
        return caller == null ? null : ofAuthorities(caller.getAuthorities());
    }

    static Audience ofAuthorities(Collection<? extends GrantedAuthority> authorities) {
        List<String> names = authorities.stream().map(GrantedAuthority::getAuthority).toList();
        if (names.contains("GROUP_incident-commanders") || names.contains("GROUP_platform-admins")) {
            return COMMANDERS;
        }
        if (names.contains("GROUP_support-agents")) {
            return STAFF;
        }
        if (names.contains("GROUP_on-call")) {
            return ON_CALL;
        }
        return null;
    }
}
