package org.blackstart.spi.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLimitsTest {

    @Test
    void aPlainEnglishTextOf160CharactersIsOneGsm7Sms() {
        SmsText sms = SmsText.of("a".repeat(160));
        assertThat(sms.encoding()).isEqualTo(SmsText.Encoding.GSM7);
        assertThat(sms.segments()).isEqualTo(1);
        assertThat(SmsText.of("a".repeat(161)).segments()).as("153 per joined segment").isEqualTo(2);
        assertThat(SmsText.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwoAndOtherAlphabetsFallBackToUcs2() {
        assertThat(SmsText.of("€".repeat(80)).units()).isEqualTo(160);
        assertThat(SmsText.of("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsText.of("Störung: Mail verzögert").encoding()).as("ö and ü are in GSM-7").isEqualTo(SmsText.Encoding.GSM7);
        SmsText french = SmsText.of("Panne résolue, ça marche à nouveau ê");
        assertThat(french.encoding()).as("ê is not in GSM-7").isEqualTo(SmsText.Encoding.UCS2);
        assertThat(SmsText.of("ê".repeat(71)).segments()).isEqualTo(2);
        assertThat(french.describe()).startsWith("1 SMS (UCS-2");
    }

    @Test
    void xCountsEveryUrlAs23AndWideCharactersAsTwo() {
        String url = "https://status.example.com/incidents/INC-2026-0001-with-a-very-long-path";
        assertThat(PostLength.x("Mail delayed " + url)).isEqualTo(13 + 23);
        assertThat(PostLength.x("障害")).isEqualTo(4);
        assertThat(PostLength.mastodon("障害")).isEqualTo(2);
    }

    @Test
    void fittingAnXPostKeepsTheLink() {
        String url = "https://status.example.com/i/INC-2026-0001";
        String long_ = "Our mail platform is down in Amsterdam after a power failure in rack A3. ".repeat(6) + url;

        String fitted = PostLength.fitX(long_, PostLength.X_LIMIT);

        assertThat(PostLength.x(fitted)).isLessThanOrEqualTo(280);
        assertThat(fitted).endsWith("… " + url).startsWith("Our mail platform is down");
        assertThat(PostLength.fitX("short " + url, 280)).isEqualTo("short " + url);
    }
}
