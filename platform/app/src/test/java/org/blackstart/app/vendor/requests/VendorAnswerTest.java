package org.blackstart.app.vendor.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorAnswerTest {

    @Test
    void aRefusalStartsWithRefusedAndTheReason() {
        // when
        VendorAnswer answer = VendorAnswer.of("refuse", "month-end billing runs until 06:00", "Please restart at 07:00.",
                true, "StoreCo");

        // then
        assertThat(answer.text()).isEqualTo("Refused: month-end billing runs until 06:00\n\nPlease restart at 07:00.");
        assertThat(answer.timelineLine("carol", "StoreCo", "CS-1", "May we restart controller B?"))
                .isEqualTo("carol refused StoreCo's request on case CS-1 (May we restart controller B?): "
                        + "month-end billing runs until 06:00");
    }

    @Test
    void anApprovalStartsWithApproved() {
        assertThat(VendorAnswer.of("approve", null, "Traffic is off A3; go ahead.", true, "StoreCo").text())
                .isEqualTo("Approved.\n\nTraffic is off A3; go ahead.");
        assertThat(VendorAnswer.of("APPROVE", "window agreed with the CTO", null, false, "StoreCo").text())
                .isEqualTo("Approved: window agreed with the CTO");
    }

    @Test
    void aPlainAnswerIsSentAsWritten() {
        assertThat(VendorAnswer.of(null, null, "Logs attached.", false, "StoreCo").text()).isEqualTo("Logs attached.");
        assertThat(VendorAnswer.of("answer", null, "Logs attached.", false, "StoreCo").decision())
                .isEqualTo(VendorAnswer.Decision.ANSWER);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "refuse, -, Not tonight., false, vendorDecisionReason, Say why you refuse",
            "-, -, ok, true, vendorDecision, asks for permission",
            "answer, -, ok, true, vendorDecision, asks for permission",
            "maybe, -, ok, false, vendorDecision, none of them",
            "answer, -, -, false, vendorAnswer, Write your answer"})
    void whatTheFormWouldNotLetThroughIsRefused(String decision, String reason, String text, boolean needed, String field,
                                                String why) {
        assertThatThrownBy(() -> VendorAnswer.of(decision, reason, text, needed, "StoreCo"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(why)
                .extracting(e -> (Object) ((FormFieldValidationException) e).getDetail()).isEqualTo(field);
    }

    @Test
    void anAnswerTooLongForTheVendorsSystemIsRefused() {
        assertThatThrownBy(() -> VendorAnswer.of("refuse", "r".repeat(2000), "a".repeat(7000), false, "StoreCo"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("at most 8000");
    }
}
