package org.blackstart.plugins.vendormail;

import java.util.List;

/**
 * The words that sort a vendor's e-mail when an account names none of its own, in the languages our
 * vendors write: English, German, Dutch and French. Phrases rather than single words where a single
 * word would mislead: "Konfiguration" alone is also in "bitte senden Sie Ihre Konfiguration", a request,
 * and a dispute beats a request, so the dispute words say whose configuration is at fault.
 */
final class DefaultKeywords {

    static final List<String> DISPUTE = List.of(
            // English
            "not a defect", "not our", "not a fault of our", "configuration issue", "customer environment",
            "problem is in your", "fault is in your", "issue is in your", "caused by your", "your configuration is wrong",
            "misconfiguration",
            // German
            "nicht unser fehler", "nicht unsere schuld", "kein fehler unseres", "kein produktfehler", "kein defekt",
            "liegt an ihrer konfiguration", "liegt in ihrer konfiguration", "fehler in ihrer konfiguration",
            "konfigurationsfehler", "fehlkonfiguration", "liegt in ihrer umgebung",
            // Dutch
            "niet onze fout", "niet onze schuld", "geen fout van ons", "geen defect", "geen productfout",
            "ligt aan uw configuratie", "ligt in uw configuratie", "fout in uw configuratie", "configuratiefout",
            "verkeerde configuratie",
            // French
            "pas de notre faute", "pas notre faute", "pas un défaut", "aucun défaut", "provient de votre configuration",
            "vient de votre configuration", "dans votre configuration", "lié à votre configuration",
            "erreur de configuration", "mauvaise configuration");

    static final List<String> REQUEST = List.of(
            // English
            "please send", "please provide", "can you", "could you", "we need", "apply",
            // German
            "bitte senden", "bitte schicken", "bitte übermitteln", "bitte stellen sie", "können sie", "könnten sie",
            "wir benötigen", "wir brauchen", "bitte installieren", "bitte spielen sie", "dürfen wir", "bitte bestätigen",
            // Dutch
            "kunt u", "zou u", "kunnen jullie", "wilt u", "gelieve", "stuur ons", "graag ontvangen wij",
            "graag ontvangen we", "hebben wij nodig", "hebben we nodig", "mogen wij", "mogen we",
            // French
            "veuillez nous envoyer", "veuillez nous transmettre", "veuillez appliquer", "veuillez installer",
            "veuillez confirmer", "pourriez-vous", "pouvez-vous", "merci de nous envoyer", "merci de nous transmettre",
            "nous avons besoin", "pouvons-nous");

    static final List<String> RESOLVED = List.of(
            // English
            "resolved", "fixed", "has been corrected",
            // German
            "behoben", "gelöst", "korrigiert",
            // Dutch
            "opgelost", "verholpen", "gecorrigeerd",
            // French
            "résolu", "corrigé", "rétabli");

    private DefaultKeywords() {
    }
}
