package org.blackstart.plugins.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the example of Twilio's security documentation: auth token 12345, a Gather post to myapp.php. */
class TwilioSignatureTest {

    private static final String DOCUMENTED_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String DOCUMENTED_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioSignature signature = new TwilioSignature("12345");

    private static Map<String, List<String>> documentedParameters() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        // Deliberately not in sorted order: the algorithm sorts.
        form.put("To", List.of("+18005551212"));
        form.put("Digits", List.of("1234"));
        form.put("CallSid", List.of("CA1234567890ABCDE"));
        form.put("From", List.of("+14158675309"));
        form.put("Caller", List.of("+14158675309"));
        return form;
    }

    @Test
    void computesTheDocumentedSignature() {
        assertThat(signature.sign(DOCUMENTED_URL, documentedParameters())).isEqualTo(DOCUMENTED_SIGNATURE);
    }

    @Test
    void acceptsTheDocumentedRequest() {
        assertThat(signature.matches(DOCUMENTED_SIGNATURE, DOCUMENTED_URL, documentedParameters())).isTrue();
    }

    @Test
    void acceptsItWhenTheUrlCarriesTheDefaultPortTwilioLeftOut() {
        assertThat(signature.matches(DOCUMENTED_SIGNATURE, "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                documentedParameters())).isTrue();
    }

    @Test
    void acceptsItWhenTwilioSignedTheDefaultPortTheUrlLeavesOut() {
        String signedWithPort = signature.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", documentedParameters());

        assertThat(signedWithPort).isNotEqualTo(DOCUMENTED_SIGNATURE);
        assertThat(signature.matches(signedWithPort, DOCUMENTED_URL, documentedParameters())).isTrue();
    }

    @Test
    void aNonDefaultPortIsPartOfTheSignedUrl() {
        assertThat(signature.matches(DOCUMENTED_SIGNATURE, "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
                documentedParameters())).isFalse();
    }

    @Test
    void refusesAChangedParameter() {
        Map<String, List<String>> changed = documentedParameters();
        changed.put("Digits", List.of("1"));

        assertThat(signature.matches(DOCUMENTED_SIGNATURE, DOCUMENTED_URL, changed)).isFalse();
    }

    @Test
    void refusesAChangedQueryString() {
        assertThat(signature.matches(DOCUMENTED_SIGNATURE, "https://mycompany.com/myapp.php?foo=1&bar=3",
                documentedParameters())).isFalse();
    }

    @Test
    void refusesAnAddedParameter() {
        Map<String, List<String>> added = documentedParameters();
        added.put("AccountSid", List.of("AC0"));

        assertThat(signature.matches(DOCUMENTED_SIGNATURE, DOCUMENTED_URL, added)).isFalse();
    }

    @Test
    void refusesAnotherTokensSignatureAndNone() {
        TwilioSignature other = new TwilioSignature("54321");

        assertThat(other.matches(DOCUMENTED_SIGNATURE, DOCUMENTED_URL, documentedParameters())).isFalse();
        assertThat(signature.matches(null, DOCUMENTED_URL, documentedParameters())).isFalse();
        assertThat(signature.matches("", DOCUMENTED_URL, documentedParameters())).isFalse();
    }

    @Test
    void urlVariantsAddOrRemoveOnlyTheSchemesDefaultPort() {
        assertThat(TwilioSignature.urlVariants("http://example.com/a?b=1"))
                .containsExactly("http://example.com/a?b=1", "http://example.com:80/a?b=1");
        assertThat(TwilioSignature.urlVariants("https://example.com:443/a"))
                .containsExactly("https://example.com:443/a", "https://example.com/a");
        assertThat(TwilioSignature.urlVariants("https://example.com:8443/a")).containsExactly("https://example.com:8443/a");
    }
}
