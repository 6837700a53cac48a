package org.blackstart.app.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

class DeferredWorkReviewTest {

    private static final Set<String> JOBS = Set.of("mail-0001", "mail-0002", "mail-0003");

    @Test
    void changesByLineOrCommaAreReadPerJob() {
        // when
        Map<String, String> changes = DeferredWorkReview.parse(" mail-0001 = CANCEL,\nmail-0002=ask; mail-0003=run\n\n", JOBS);

        // then
        assertThat(changes).containsExactly(Map.entry("mail-0001", "cancel"), Map.entry("mail-0002", "ask"),
                Map.entry("mail-0003", "run"));
    }

    @Test
    void noChangesApproveTheProposalsAsTheyAre() {
        assertThat(DeferredWorkReview.parse(null, JOBS)).isEmpty();
        assertThat(DeferredWorkReview.parse("  \n ", JOBS)).isEmpty();
    }

    @Test
    void anUnknownJobOrDecisionRefusesAllChangesAndNamesEachProblem() {
        // when / then
        assertThatThrownBy(() -> DeferredWorkReview.parse("mail-0001=cancel, mail-9999=run, mail-0002=later, mail-0003", JOBS))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("'mail-9999' is not a job of this review")
                .hasMessageContaining("mail-0002: 'later' is not run, ask or cancel")
                .hasMessageContaining("'mail-0003' is not job=decision");
    }

    @Test
    void aJobNamedTwiceWithDifferentDecisionsIsRefused() {
        assertThatThrownBy(() -> DeferredWorkReview.parse("mail-0001=run, mail-0001=cancel", JOBS))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("mail-0001 is named twice with different decisions");
    }

    @Test
    void whatPeopleTypedIsEchoedWithoutControlCharactersAndShort() {
        assertThatThrownBy(() -> DeferredWorkReview.parse("mail\u001b[31m=run, " + "x".repeat(200) + "=run", JOBS))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageNotContaining("\u001b")
                .hasMessageNotContaining("x".repeat(61));
    }
}
