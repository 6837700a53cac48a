package org.blackstart.plugins.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against the worked example of X's "Creating a signature" (OAuth 1.0a, HMAC-SHA1): the
 * same parameters must give the published signature base string and signature, tnnArxj06cWHq44gCs1OSKk/jLY=.
 * That published value was computed for the example's original URL, {@code https://api.twitter.com/1/statuses/update.json}.
 */
class OAuth1SignerTest {

    private static final URI EXAMPLE_URL = URI.create("https://api.twitter.com/1/statuses/update.json?include_entities=true");
    private static final Map<String, String> BODY = Map.of("status", "Hello Ladies + Gentlemen, a signed OAuth request!");
    private static final String NONCE = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg";
    private static final String TIMESTAMP = "1318622958";

    private final OAuth1Signer signer = new OAuth1Signer("xvz1evFS4wEEPTGEFPHBog",
            "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
            "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE", Clock.systemUTC());

    @Test
    void buildsTheDocumentedSignatureBaseString() {
        String base = OAuth1Signer.baseString("POST", EXAMPLE_URL, BODY, signer.oauthParameters(NONCE, TIMESTAMP));

        assertThat(base).isEqualTo("POST&https%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue"
                + "%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958"
                + "%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0"
                + "%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521");
    }

    @Test
    void signsItWithTheDocumentedSignature() {
        String signature = signer.signature("POST", EXAMPLE_URL, BODY, signer.oauthParameters(NONCE, TIMESTAMP));

        assertThat(signature).isEqualTo("tnnArxj06cWHq44gCs1OSKk/jLY=");
    }

    @Test
    void theHeaderCarriesTheSevenParametersPercentEncodedAndSorted() {
        String header = signer.authorization("POST", EXAMPLE_URL, BODY, NONCE, TIMESTAMP);

        assertThat(header).isEqualTo("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", "
                + "oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", "
                + "oauth_signature=\"tnnArxj06cWHq44gCs1OSKk%2FjLY%3D\", oauth_signature_method=\"HMAC-SHA1\", "
                + "oauth_timestamp=\"1318622958\", oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", "
                + "oauth_version=\"1.0\"");
    }

    @Test
    void theBaseUrlDropsTheDefaultPortAndKeepsAnOtherOne() {
        assertThat(OAuth1Signer.baseUrl(URI.create("HTTPS://API.X.com:443/2/tweets"))).isEqualTo("https://api.x.com/2/tweets");
        assertThat(OAuth1Signer.baseUrl(URI.create("http://127.0.0.1:8089/2/tweets?x=1"))).isEqualTo("http://127.0.0.1:8089/2/tweets");
    }

    @Test
    void freshSignaturesDifferByNonceAndNeverShowTheSecrets() {
        Map<String, String> none = new LinkedHashMap<>();
        String one = signer.authorization("POST", URI.create("https://api.x.com/2/tweets"), none);
        String two = signer.authorization("POST", URI.create("https://api.x.com/2/tweets"), none);

        assertThat(one).isNotEqualTo(two);
        assertThat(one + signer).doesNotContain("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw")
                .doesNotContain("LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
    }
}
