package org.blackstart.plugins.vendormail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.blackstart.spi.vendor.VendorCase;
import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    private final CaseNumbers numbers = new CaseNumbers("Case");

    @Test
    void ourCaseNumberIsTheIncidentAndTheVendorInCapitals() {
        VendorCase open = new VendorCase("INC-2026-0001", "storeco", "StoreCo", "email", null, "open", null, null, 2,
                "SEV2", "subject", "text");

        assertThat(CaseNumbers.of(open)).isEqualTo("INC-2026-0001-STORECO");
        assertThat(numbers.subjectTag("INC-2026-0001-STORECO")).isEqualTo("[Case INC-2026-0001-STORECO]");
    }

    @Test
    void theNumberIsFoundWhereverVendorsPutIt() {
        assertThat(numbers.find("Re: [Case INC-2026-0001-STORECO] P2 Array A")).isEqualTo("INC-2026-0001-STORECO");
        assertThat(numbers.find("AW: WG: [case: inc-2026-0001-storeco]")).isEqualTo("INC-2026-0001-STORECO");
        assertThat(numbers.find("Update on case INC-2026-0001-STORECO")).isEqualTo("INC-2026-0001-STORECO");
        assertThat(numbers.find("Ticket #INC-2026-0001-STORECO assigned")).isEqualTo("INC-2026-0001-STORECO");
        // The bracketed tag wins over anything else that looks like a number.
        assertThat(numbers.find("#4711 Re: [Case INC-2026-0001-HOSTLY]")).isEqualTo("INC-2026-0001-HOSTLY");
    }

    @Test
    void wordsAfterCaseAreNoNumber() {
        assertThat(numbers.find("Case closed")).isNull();
        assertThat(numbers.find("Your case has been updated")).isNull();
        assertThat(numbers.find("Showcase INC-1")).isNull();
        assertThat(numbers.find("")).isNull();
        assertThat(numbers.find(null)).isNull();
    }

    @Test
    void anotherTagIsUsedWhenConfigured() {
        CaseNumbers ticket = new CaseNumbers("Ticket");

        assertThat(ticket.subjectTag("INC-2026-0001-STORECO")).isEqualTo("[Ticket INC-2026-0001-STORECO]");
        assertThat(ticket.find("Re: [Ticket INC-2026-0001-STORECO]")).isEqualTo("INC-2026-0001-STORECO");
    }

    @Test
    void aReplyWithoutTheTagFindsTheCaseByTheMessageItAnswers() {
        String opening = "<" + "a".repeat(64) + ".INC-2026-0001-STORECO@blackstart.local>";
        String answer = "<" + "b".repeat(64) + ".INC-2026-0001-HOSTLY@blackstart.local>";

        assertThat(CaseNumbers.inThread(Arrays.asList(opening, null), "blackstart.local")).isEqualTo("INC-2026-0001-STORECO");
        // In-Reply-To names the message answered; References the whole thread, newest last.
        assertThat(CaseNumbers.inThread(Arrays.asList(null, opening + "\r\n " + answer), "BLACKSTART.local"))
                .isEqualTo("INC-2026-0001-HOSTLY");
        assertThat(CaseNumbers.inThread(Arrays.asList("<CAF1234@mail.storeco.example>", opening), "blackstart.local"))
                .isEqualTo("INC-2026-0001-STORECO");
    }

    @Test
    void messageIdsOfOtherDomainsOrShapesAreNotOurs() {
        assertThat(CaseNumbers.inThread(Arrays.asList("<" + "a".repeat(64) + ".INC-2026-0001-STORECO@storeco.example>",
                "<INC-2026-0001-STORECO@blackstart.local>"), "blackstart.local")).isNull();
        assertThat(CaseNumbers.inThread(Arrays.asList(null, null), "blackstart.local")).isNull();
    }
}
