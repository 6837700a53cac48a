package org.blackstart.app.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeferredCallCheckTest {

    @Test
    void aCustomerReachedInPersonOrByPhoneDecidesRunOrCancel() {
        assertThat(DeferredCallCheck.problem("reached-in-person", "run")).isEmpty();
        assertThat(DeferredCallCheck.problem("reached", "cancel")).isEmpty();
    }

    @Test
    void aCallThatReachedTheCustomerCannotEndWithoutTheirDecision() {
        assertThat(DeferredCallCheck.problem("reached-in-person", null)).get()
                .extracting(DeferredCallCheck.Problem::field).isEqualTo("callDecision");
        assertThat(DeferredCallCheck.problem("reached", " ")).isPresent();
        assertThat(DeferredCallCheck.problem("reached", "later")).get()
                .extracting(DeferredCallCheck.Problem::text).asString().contains("run or cancel");
    }

    @Test
    void aCallThatDidNotReachThemCarriesNoDecisionOfTheirs() {
        assertThat(DeferredCallCheck.problem("no-answer", null)).isEmpty();
        assertThat(DeferredCallCheck.problem("voicemail", "run")).get()
                .extracting(DeferredCallCheck.Problem::field).isEqualTo("callDecision");
    }

    @Test
    void anOutcomeOutsideTheFormsChoicesIsRefused() {
        assertThat(DeferredCallCheck.problem("emailed", null)).get()
                .extracting(DeferredCallCheck.Problem::field).isEqualTo("callOutcome");
        assertThat(DeferredCallCheck.problem(null, "run")).isPresent();
    }
}
