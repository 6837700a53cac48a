package org.blackstart.app.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SubscriptionTokensTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static SubscriptionTokens at(Instant now) {
        return new SubscriptionTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenWeIssuedIsValidForItsSubscriptionAndPurpose() {
        String token = at(NOW).issue("0123456789abcdef", SubscriptionTokens.Purpose.UNSUBSCRIBE);

        assertThat(at(NOW.plus(Duration.ofDays(364))).check(token, SubscriptionTokens.Purpose.UNSUBSCRIBE))
                .isEqualTo(new SubscriptionTokens.Valid("0123456789abcdef"));
        assertThat(token).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void aConfirmTokenExpiresAfter48HoursAndAnUnsubscribeTokenAfterAYear() {
        String confirm = at(NOW).issue("s1", SubscriptionTokens.Purpose.CONFIRM);
        String unsubscribe = at(NOW).issue("s1", SubscriptionTokens.Purpose.UNSUBSCRIBE);

        assertThat(at(NOW.plus(Duration.ofHours(47))).check(confirm, SubscriptionTokens.Purpose.CONFIRM))
                .isInstanceOf(SubscriptionTokens.Valid.class);
        assertThat(at(NOW.plus(Duration.ofHours(49))).check(confirm, SubscriptionTokens.Purpose.CONFIRM))
                .isEqualTo(new SubscriptionTokens.Expired("s1"));
        assertThat(at(NOW.plus(Duration.ofDays(366))).check(unsubscribe, SubscriptionTokens.Purpose.UNSUBSCRIBE))
                .isEqualTo(new SubscriptionTokens.Expired("s1"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() {
        String forged = new SubscriptionTokens("someone-elses-secret-of-32-characters!!", Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("s1", SubscriptionTokens.Purpose.UNSUBSCRIBE);

        assertThat(at(NOW).check(forged, SubscriptionTokens.Purpose.UNSUBSCRIBE)).isInstanceOf(SubscriptionTokens.Invalid.class);
    }

    @Test
    void aTamperedSubscriptionIdOrExpiryIsInvalid() {
        String token = at(NOW).issue("s1", SubscriptionTokens.Purpose.UNSUBSCRIBE);
        String signature = token.substring(token.indexOf('.'));
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);

        String otherSubscription = encode(payload.replace("s1:", "s2:")) + signature;
        String longerLife = encode(payload.substring(0, payload.lastIndexOf(':') + 1) + "99999999999") + signature;

        assertThat(at(NOW).check(otherSubscription, SubscriptionTokens.Purpose.UNSUBSCRIBE)).isInstanceOf(SubscriptionTokens.Invalid.class);
        assertThat(at(NOW).check(longerLife, SubscriptionTokens.Purpose.UNSUBSCRIBE)).isInstanceOf(SubscriptionTokens.Invalid.class);
    }

    @Test
    void aTokenForOnePurposeDoesNotServeAnother() {
        String confirm = at(NOW).issue("s1", SubscriptionTokens.Purpose.CONFIRM);

        assertThat(at(NOW).check(confirm, SubscriptionTokens.Purpose.UNSUBSCRIBE)).isInstanceOf(SubscriptionTokens.Invalid.class);
    }

    @Test
    void garbageIsInvalidNotAnError() {
        for (String garbage : new String[] {null, "", ".", "abc", "a.b.c", "%%%.%%%", "x".repeat(600)}) {
            assertThat(at(NOW).check(garbage, SubscriptionTokens.Purpose.CONFIRM)).as(garbage)
                    .isInstanceOf(SubscriptionTokens.Invalid.class);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
