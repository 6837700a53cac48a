package org.blackstart.plugins.vendormail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.blackstart.spi.vendor.VendorMessage.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default keywords against vendors' mails as they write them, in English, German, Dutch and French. */
class ReplyKindsTest {

    private static VendorMailProperties.Account account(List<String> request, List<String> dispute, List<String> resolved) {
        return new VendorMailProperties.Account("support@storeco.example", null, "incidents@blackstart.local", "Blackstart",
                null, null, Duration.ofMinutes(1), "Case", request, dispute, resolved);
    }

    private final ReplyKinds defaults = new ReplyKinds(account(null, null, null));

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "en | DISPUTE  | This is not a fault of our array. The problem is in your configuration.",
            "en | DISPUTE  | After analysis this is not a defect in the firmware.",
            "en | DISPUTE  | The outage was caused by your network settings, not by the array.",
            "en | REQUEST  | Could you please send the controller logs of the last 24 hours?",
            "en | RESOLVED | The issue is fixed in firmware 8.2.2.",
            "en | REPLY    | Thank you, we are looking into it.",
            "de | DISPUTE  | Das ist nicht unser Fehler, das Problem liegt in Ihrer Konfiguration.",
            "de | DISPUTE  | Nach Analyse handelt es sich um keinen Produktfehler, sondern um eine Fehlkonfiguration.",
            "de | REQUEST  | Bitte senden Sie uns die Protokolle beider Controller.",
            "de | REQUEST  | Können Sie die Firmware-Version der Controller bestätigen?",
            "de | RESOLVED | Der Fehler wurde mit Firmware 8.2.2 behoben.",
            "de | REPLY    | Vielen Dank, wir schauen uns das an.",
            "nl | DISPUTE  | Dit is niet onze fout: het probleem ligt aan uw configuratie.",
            "nl | DISPUTE  | Er is sprake van een verkeerde configuratie van de switch.",
            "nl | REQUEST  | Kunt u ons de logbestanden van beide controllers sturen?",
            "nl | REQUEST  | Gelieve de firmwareversie door te geven.",
            "nl | RESOLVED | Het probleem is opgelost met firmware 8.2.2.",
            "nl | REPLY    | Bedankt, we kijken ernaar.",
            "fr | DISPUTE  | Ce n'est pas de notre faute, le problème provient de votre configuration.",
            "fr | DISPUTE  | Il s'agit d'une erreur de configuration du commutateur.",
            "fr | REQUEST  | Veuillez nous envoyer les journaux des deux contrôleurs.",
            "fr | REQUEST  | Pourriez-vous confirmer la version du firmware ?",
            "fr | RESOLVED | Le problème est résolu avec le firmware 8.2.2.",
            "fr | REPLY    | Merci, nous regardons cela."})
    void theDefaultKeywordsReadEachLanguage(String language, Kind expected, String text) {
        assertThat(defaults.of(text)).as(language).isEqualTo(expected);
    }

    @Test
    void askingForOurConfigurationIsARequestNotADispute() {
        assertThat(defaults.of("Bitte senden Sie uns Ihre Konfiguration.")).isEqualTo(Kind.REQUEST);
        assertThat(defaults.of("Veuillez nous envoyer votre configuration.")).isEqualTo(Kind.REQUEST);
        assertThat(defaults.of("Kunt u uw configuratie sturen?")).isEqualTo(Kind.REQUEST);
    }

    @Test
    void anAccountsOwnKeywordsReplaceTheDefaults() {
        ReplyKinds own = new ReplyKinds(account(List.of("urgent action"), List.of(""), List.of("done")));

        assertThat(own.of("Ce n'est pas de notre faute.")).isEqualTo(Kind.REPLY);
        assertThat(own.of("Urgent action: reseat the cable")).isEqualTo(Kind.REQUEST);
        assertThat(own.of("All done")).isEqualTo(Kind.RESOLVED);
    }
}
