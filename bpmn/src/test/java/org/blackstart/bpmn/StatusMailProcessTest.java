package org.blackstart.bpmn;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/status-mail.bpmn")
class StatusMailProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

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
