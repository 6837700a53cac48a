package org.blackstart.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerNoticeTest {

    @Test
    void readsRecipientsWrittenByHandInAForm() {
        // given an agent who typed recipients one per line, with a stray comma and a duplicate
        var task = new TaskContext("t1", Topics.NOTICE_EMAIL, "INC-2026-0001", "pi", "SendNotice", 1, Map.of(
                CustomerNotice.Variables.STEP, "initial",
                CustomerNotice.Variables.SUBJECT, "Mail delayed",
                CustomerNotice.Variables.TEXT, "We are on it.",
                CustomerNotice.Variables.RECIPIENTS, "a@example.com,\n b@example.com ;\r\na@example.com\n"));

        // when
        CustomerNotice notice = CustomerNotice.from(task);

        // then
        assertThat(notice.recipients()).containsExactly("a@example.com", "b@example.com");
        assertThat(notice.step()).isEqualTo("initial");
        assertThat(notice.language()).isEqualTo("en");
        assertThat(notice.incidentKey()).isEqualTo("INC-2026-0001");
    }

    @Test
    void fallsBackToTheActivityAsStepWhenTheProcessNamesNone() {
        var task = new TaskContext("t1", Topics.NOTICE_EMAIL, "INC-2026-0001", "pi", "SendNotice", 1,
                Map.of(CustomerNotice.Variables.RECIPIENTS, List.of("x@example.com")));

        assertThat(CustomerNotice.from(task).step()).isEqualTo("SendNotice");
        assertThat(CustomerNotice.from(task).recipients()).containsExactly("x@example.com");
    }
}
