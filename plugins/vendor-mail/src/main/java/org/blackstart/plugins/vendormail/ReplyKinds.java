package org.blackstart.plugins.vendormail;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.blackstart.spi.vendor.VendorMessage.Kind;

/**
 * What a vendor's e-mail is, read from the words of what they wrote (not the quoted mail below it):
 * a dispute beats a request ("not a defect; please send the config"), a request beats a resolution
 * ("fixed in 4.2.2, please apply"), and anything else is a reply. Keywords match whole words, so
 * "unresolved" is not "resolved".
 */
final class ReplyKinds {

    private final List<Pattern> dispute;
    private final List<Pattern> request;
    private final List<Pattern> resolved;

    ReplyKinds(VendorMailProperties.Account account) {
        this.dispute = patterns(account.disputeKeywords());
        this.request = patterns(account.requestKeywords());
        this.resolved = patterns(account.resolvedKeywords());
    }

    Kind of(String newText) {
        String text = newText == null ? "" : newText.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (matches(dispute, text)) {
            return Kind.DISPUTE;
        }
        if (matches(request, text)) {
            return Kind.REQUEST;
        }
        if (matches(resolved, text)) {
            return Kind.RESOLVED;
        }
        return Kind.REPLY;
    }

    private static boolean matches(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static List<Pattern> patterns(List<String> keywords) {
        return keywords.stream()
                .map(k -> k.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " "))
                .map(k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}])"))
                .toList();
    }
}
