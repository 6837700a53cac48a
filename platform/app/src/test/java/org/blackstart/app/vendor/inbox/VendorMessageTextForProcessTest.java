package org.blackstart.app.vendor.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A vendor's text as a process variable fits the engine's 4000-character column and says where the rest is. */
class VendorMessageTextForProcessTest {

    @Test
    void aTextThatFitsIsKeptWhole() {
        assertThat(VendorMessageDelivery.forProcess("Please send the logs.", 7)).isEqualTo("Please send the logs.");
        assertThat(VendorMessageDelivery.forProcess("x".repeat(4000), 7)).hasSize(4000);
        assertThat(VendorMessageDelivery.forProcess(null, 7)).isNull();
    }

    @Test
    void aLongerTextIsCutToTheColumnAndPointsToTheWholeMessage() {
        // when
        String variable = VendorMessageDelivery.forProcess("<".repeat(100_000), 42);

        // then
        assertThat(variable).hasSize(4000).startsWith("<<<<").endsWith("… (cut; the whole message: GET /api/vendor-messages/42)");
    }
}
