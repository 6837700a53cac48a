package org.blackstart.app.vendor.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests as vendors write them, in the four languages of our vendors: which ask for a yes or a no. */
class PermissionWordsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | May we restart both storage controllers tonight at 02:00?",
            "en | We need to reboot node 2 to apply the hotfix.",
            "en | Please confirm we can fail over to the standby array.",
            "en | The update requires 20 minutes of downtime. Do you approve?",
            "de | Dürfen wir die Controller heute Nacht neu starten?",
            "de | Für das Update ist ein Neustart des Arrays erforderlich, bitte um Ihre Freigabe.",
            "de | Wir benötigen ein Wartungsfenster von 30 Minuten.",
            "nl | Mogen wij de controllers vannacht herstarten?",
            "nl | Wij hebben uw toestemming nodig om de firmware te updaten.",
            "nl | Voor de patch moeten we de array opnieuw opstarten.",
            "fr | Pouvons-nous redémarrer les contrôleurs cette nuit ?",
            "fr | Le correctif nécessite une interruption de service de 15 minutes.",
            "fr | Merci de nous donner votre accord pour basculer sur le site de secours."})
    void aRequestForPermissionNeedsAYesOrANo(String language, String text) {
        assertThat(PermissionWords.asksPermission("Re: [Case CS-1]", text)).as(language).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | Please send the controller logs of the last 24 hours.",
            "en | The controller restarted by itself at 00:12; please send the logs.",
            "de | Bitte senden Sie uns die Protokolle der Controller.",
            "nl | Kunt u ons de logbestanden van beide controllers sturen?",
            "fr | Veuillez nous envoyer les journaux des deux contrôleurs."})
    void aRequestForInformationIsJustAnswered(String language, String text) {
        assertThat(PermissionWords.asksPermission("Re: [Case CS-1]", text)).as(language).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Permission to reboot array A3 | ", "Reboot window | "})
    void theSubjectCountsToo(String subject, String text) {
        assertThat(PermissionWords.asksPermission(subject, text)).isTrue();
    }
}
