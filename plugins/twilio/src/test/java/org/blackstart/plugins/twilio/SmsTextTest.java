package org.blackstart.plugins.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.PageRequest;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    private static PageRequest page(String title) {
        return new PageRequest("INC-2026-0042", "L1-R1-A1", "ann", "Ann", "+31612345678", "482913", title, "SEV1", 1);
    }

    @Test
    void aShortPageFitsAsItIs() {
        assertThat(SmsText.of(page("Rack A3 lost power")))
                .isEqualTo("[SEV1] INC-2026-0042: Rack A3 lost power. Reply ACK 482913 to acknowledge.");
    }

    @Test
    void aLongTitleIsShortenedAndTheKeyAndCodeStay() {
        String title = "Storage cluster in datacenter Amsterdam-2 rejects writes after the vendor's firmware patch "
                + "failed under lunchtime load; session service did not fail over to rack B";

        String text = SmsText.of(page(title));

        assertThat(SmsText.isGsm(text)).isTrue();
        // [ and ] come from the GSM extension table: two septets each.
        assertThat(SmsText.length(text, true)).isLessThanOrEqualTo(160).isGreaterThan(150);
        assertThat(text).startsWith("[SEV1] INC-2026-0042: Storage cluster in datacenter")
                .contains("...").endsWith(". Reply ACK 482913 to acknowledge.");
    }

    @Test
    void accentsTheGsmAlphabetLacksAreSpelledWithoutThem() {
        String text = SmsText.of(page("Störung in Zürich – Ŝerver ċluster"));

        assertThat(text).contains("Störung in Zürich - Server cluster");
        assertThat(SmsText.isGsm(text)).isTrue();
    }

    @Test
    void aTitleInAnotherScriptKeepsItsLettersWithinOneUnicodeSegment() {
        String text = SmsText.of(page("データセンターの電源が落ちました。全サーバーが停止しています。復旧作業中です。"));

        assertThat(SmsText.isGsm(text)).isFalse();
        assertThat(text.length()).isLessThanOrEqualTo(70);
        assertThat(text).startsWith("[SEV1] INC-2026-0042: データ").endsWith(". Reply ACK 482913 to acknowledge.");
    }
}
