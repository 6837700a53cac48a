package org.blackstart.plugins.vendormail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DMARC results from Authentication-Results headers as real receiving servers write them. */
class AuthenticationResultsTest {

    @Test
    void gmailsFoldedHeaderWithCommentsPasses() {
        // given: as Gmail writes it, folded over four lines
        String gmail = "mx.google.com;\r\n"
                + "       dkim=pass header.i=@storeco.example header.s=s1 header.b=Xy3k9QwE;\r\n"
                + "       spf=pass (google.com: domain of support@storeco.example designates 192.0.2.10 as permitted sender)"
                + " smtp.mailfrom=support@storeco.example;\r\n"
                + "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=storeco.example";

        // then
        assertThat(AuthenticationResults.dmarc(new String[] {gmail})).isEqualTo("pass");
    }

    @Test
    void microsoftsHeaderWithoutAServerIdFails() {
        // given: Exchange Online writes no authserv-id and no space after some semicolons
        String exchange = "spf=fail (sender IP is 203.0.113.7) smtp.mailfrom=evil.example; dkim=none (message not signed)"
                + " header.d=none;dmarc=fail action=oreject header.from=storeco.example;compauth=fail reason=000";

        // then
        assertThat(AuthenticationResults.dmarc(new String[] {exchange})).isEqualTo("fail");
    }

    @Test
    void openDmarcsHeaderWithAVersionFails() {
        assertThat(AuthenticationResults.dmarc(new String[] {"mail.blackstart.local 1; dmarc=FAIL (p=reject dis=reject) "
                + "header.from=storeco.example"})).isEqualTo("fail");
    }

    @Test
    void onlyTheTopmostHeaderCountsNotOnesTheSenderWroteBelowIt() {
        // given: our server's header on top, a forged "pass" the message came with below it
        String[] headers = {"mx.blackstart.local; spf=softfail smtp.mailfrom=evil.example; dmarc=fail header.from=storeco.example",
                "mx.storeco.example; dmarc=pass header.from=storeco.example"};

        // then
        assertThat(AuthenticationResults.dmarc(headers)).isEqualTo("fail");
        assertThat(AuthenticationResults.dmarc(new String[] {headers[1], headers[0]})).isEqualTo("pass");
    }

    @Test
    void aResultInsideACommentOrAQuotedStringIsNoResult() {
        // given: "dmarc=pass" only inside a (nested) comment and a quoted reason with a semicolon in it
        String header = "mx.blackstart.local; spf=pass (claims (dmarc=pass); really) smtp.mailfrom=storeco.example;"
                + " dkim=fail reason=\"sig; dmarc=pass\" header.d=storeco.example; dmarc=fail header.from=storeco.example";

        // then
        assertThat(AuthenticationResults.dmarc(new String[] {header})).isEqualTo("fail");
        assertThat(AuthenticationResults.dmarc(new String[] {"mx.blackstart.local; spf=pass (dmarc=fail) smtp.mailfrom=a.example"}))
                .as("a comment is no result").isNull();
    }

    @Test
    void aFailureAmongSeveralDmarcResultsWins() {
        assertThat(AuthenticationResults.dmarc(new String[] {"mx.blackstart.local; dmarc=pass header.from=a.example;"
                + " dmarc=fail header.from=storeco.example"})).isEqualTo("fail");
    }

    @Test
    void noHeaderNoResultAndANoneHeaderAreNoResult() {
        assertThat(AuthenticationResults.dmarc(null)).isNull();
        assertThat(AuthenticationResults.dmarc(new String[0])).isNull();
        assertThat(AuthenticationResults.dmarc(new String[] {"mx.blackstart.local; none"})).isNull();
        assertThat(AuthenticationResults.dmarc(new String[] {"mx.blackstart.local; dmarc=none header.from=storeco.example"}))
                .isEqualTo("none");
        assertThat(AuthenticationResults.dmarc(new String[] {"mx.blackstart.local; dmarc/1 = temperror"})).isEqualTo("temperror");
    }
}
