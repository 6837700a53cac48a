package org.blackstart.plugins.vendormail;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blackstart.spi.vendor.VendorCase;

/**
 * Case numbers of e-mail cases. An e-mail-only vendor has no ticket system to number the case, so
 * the number is ours: {@code <incident>-<VENDOR>}, e.g. {@code INC-2026-0001-STORECO}. It travels in
 * the subject as {@code [Case INC-2026-0001-STORECO]}, and vendors keep it when they reply.
 */
final class CaseNumbers {

    /** A number has letters, digits and dashes, and at least one digit ("Case closed" is no number). */
    private static final String NUMBER = "([A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])";

    private final Pattern tagged;
    private final Pattern bare;
    private final Pattern hashed = Pattern.compile("(?<![\\w&])#" + NUMBER);
    private final String tag;

    CaseNumbers(String tag) {
        this.tag = tag;
        String word = Pattern.quote(tag);
        this.tagged = Pattern.compile("\\[\\s*" + word + "\\s*[:#]?\\s*" + NUMBER + "\\s*]", Pattern.CASE_INSENSITIVE);
        this.bare = Pattern.compile("(?<![\\w-])" + word + "\\s*[:#]?\\s*" + NUMBER, Pattern.CASE_INSENSITIVE);
    }

    /** Our Message-IDs, {@code <sha256.CASE-NUMBER@domain>} (see {@code CaseMail#messageId}). */
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<[0-9a-f]{64}\\." + NUMBER + "@([^>\\s]+)>",
            Pattern.CASE_INSENSITIVE);

    static String of(VendorCase step) {
        return (step.incidentKey() + "-" + step.vendor()).toUpperCase(Locale.ROOT);
    }

    /** {@code [Case N]}, the tag every subject of a case starts with. */
    String subjectTag(String caseNumber) {
        return "[" + tag + " " + caseNumber + "]";
    }

    /**
     * The case number in a subject: {@code [Case N]} first, then {@code Case N} or {@code #N}
     * without brackets, in any letter case; {@code null} when there is none. Our numbers are upper
     * case, so a vendor who typed it in lower case still reaches the case.
     */
    String find(String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        for (Pattern pattern : new Pattern[] {tagged, bare, hashed}) {
            Matcher matcher = pattern.matcher(subject);
            while (matcher.find()) {
                String number = matcher.group(1);
                if (number.chars().anyMatch(Character::isDigit)) {
                    return number.toUpperCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /**
     * The case number of the newest of our messages that an In-Reply-To or References header names,
     * or {@code null}. Some vendors' desks rewrite the subject of a reply and drop our tag; their mail
     * client still threads the reply to ours.
     *
     * @param threadHeaders the In-Reply-To value first, then References (oldest first, as RFC 5322 writes it)
     * @param ourDomain     the domain of our Message-IDs: ids from other domains are never ours
     */
    static String inThread(List<String> threadHeaders, String ourDomain) {
        for (String header : threadHeaders) {
            if (header == null) {
                continue;
            }
            String found = null;
            Matcher matcher = OUR_MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                if (matcher.group(2).equalsIgnoreCase(ourDomain)) {
                    found = matcher.group(1).toUpperCase(Locale.ROOT);
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
