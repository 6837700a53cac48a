package org.blackstart.app.vendor.requests;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a vendor's request asks for our permission (to restart our controllers, fail over, take
 * something down) rather than for information: such a request is answered with a yes or a no. Read
 * from its words in English, German, Dutch and French, whole words only, so "restarted" in a report
 * of what happened is not "restart" (but "may we restart" is). A request the words miss can still be
 * approved or refused on the form; the words only make the yes or no compulsory.
 */
final class PermissionWords {

    static final List<String> WORDS = List.of(
            // English
            "restart", "reboot", "power cycle", "power-cycle", "failover", "fail over", "downtime", "outage window",
            "maintenance window", "permission", "may we", "can we proceed", "shall we", "do you approve",
            "please approve", "your approval", "your consent", "authorise", "authorize",
            // German
            "neu starten", "neustart", "neustarten", "neu booten", "umschalten", "ausfallzeit", "wartungsfenster",
            "erlaubnis", "genehmigung", "freigabe", "dürfen wir", "einverstanden", "zustimmung",
            // Dutch
            "herstarten", "herstart", "opnieuw opstarten", "omschakelen", "onderhoudsvenster", "toestemming",
            "goedkeuring", "mogen wij", "mogen we", "akkoord",
            // French
            "redémarrer", "redémarrage", "basculer", "bascule", "interruption de service", "fenêtre de maintenance",
            "autorisation", "permission", "pouvons-nous", "pouvons nous", "votre accord", "approuver");

    private static final List<Pattern> PATTERNS = WORDS.stream().distinct()
            .map(w -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])"))
            .toList();

    private PermissionWords() {
    }

    static boolean asksPermission(String subject, String text) {
        String words = ((subject == null ? "" : subject) + "\n" + (text == null ? "" : text))
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return PATTERNS.stream().anyMatch(p -> p.matcher(words).find());
    }
}
