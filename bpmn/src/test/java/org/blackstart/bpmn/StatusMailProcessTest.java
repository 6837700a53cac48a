package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/status-mail.bpmn")
class StatusMailProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    /** Stands in for the platform's {@code statusMailWait}: keeps trying while {@code tries} lasts. */
    public static class FakeWait {
        int tries;

        public boolean keepTrying(DelegateExecution execution) {
            return tries-- > 0;
        }

        public String next(DelegateExecution execution) {
            return "PT1M";
        }
    }

    private final FakeWait wait = new FakeWait();

    @BeforeEach
    void fakes() {
        Mocks.register("statusMailWait", wait);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aMailThatMeetsMailDownWaitsAndIsTriedAgainUntilItGoesOut() {
        // given
        wait.tries = 2;
        ProcessInstance mail = runtimeService().startProcessInstanceByKey("status-mail", "SUB-0123456789abcdef",
                Map.of("noticeStep", "confirm", "notice_en_subject", "Confirm your subscription"));

        // when the e-mail channel answers twice that mail is unavailable
        for (int i = 0; i < 2; i++) {
            unavailable();
            assertThat(mail).isWaitingAt("WaitForMail");
            execute(job(mail));
            assertThat(mail).isWaitingAt("SendMail");
        }

        // then the third try sends it
        complete(externalTask(mail));
        assertThat(mail).isEnded().hasPassed("MailSent").hasNotPassed("MailGivenUp");
    }

    @Test
    void aMailIsGivenUpOnlyAfterWaitingAsLongAsItMay() {
        // given
        wait.tries = 1;
        ProcessInstance mail = runtimeService().startProcessInstanceByKey("status-mail", "SUB-0123456789abcdee",
                Map.of("noticeStep", "confirm"));

        // when
        unavailable();
        execute(job(mail));
        unavailable();

        // then
        assertThat(mail).isEnded().hasPassed("MailGivenUp").hasNotPassed("MailSent");
    }

    private void unavailable() {
        List<LockedExternalTask> locked = engine.getProcessEngine().getExternalTaskService().fetchAndLock(1, "test")
                .topic("notice.email", 10_000).execute();
        org.assertj.core.api.Assertions.assertThat(locked).hasSize(1);
        engine.getProcessEngine().getExternalTaskService().handleBpmnError(locked.get(0).getId(), "test",
                "CHANNEL_UNAVAILABLE", "SMTP server refused the connection");
    }

    @Test
    void oneMailGoesOutThroughTheEmailChannel() {
        ProcessInstance mail = runtimeService().startProcessInstanceByKey("status-mail", "SUB-0123456789abcdef",
                Map.of("noticeStep", "confirm", "notice_en_subject", "Confirm your subscription"));

        assertThat(mail).isWaitingAt("SendMail");
        assertThat(externalTask(mail)).hasTopicName("notice.email");
        complete(externalTask(mail));
        assertThat(mail).isEnded().hasPassed("MailSent");
    }
}
