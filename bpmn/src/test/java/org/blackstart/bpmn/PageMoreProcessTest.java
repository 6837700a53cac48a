package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Page more people": the paging process runs again for one person, beside the first paging, as a child of the incident. */
@Deployment(resources = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/customer-call.bpmn", "bpmn/paging.bpmn",
        "bpmn/on-site.bpmn"})
class PageMoreProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    @BeforeEach
    void planner() {
        Mocks.register("pagingPlanner", new FakePagingPlanner());
        FakeNoticeServices.register();
        FakeVendorServices.register();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance declare(String key) {
        return runtimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Rack A3 down", "severity", "SEV1", "escalationPolicy", "primary"));
    }

    /** As the platform's PageMore service sends it: the request's values live only as long as the message. */
    private void pageMore(ProcessInstance incident, String target) {
        runtimeService().createMessageCorrelation("PageMorePeople").processInstanceId(incident.getId())
                .setVariable("pageMoreTarget", Variables.stringValue(target, true))
                .setVariable("pageMoreReason", Variables.stringValue("need a database expert", true))
                .setVariable("pageMoreBy", Variables.stringValue("casey", true))
                .correlateWithResult();
    }

    private ProcessInstance laterPaging(String key) {
        return processInstanceQuery().processDefinitionKey("paging").processInstanceBusinessKey(key)
                .variableValueEquals("pagingTarget", "person:carol").singleResult();
    }

    private List<String> pagesOf(ProcessInstance paging) {
        return engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(paging.getId()).list().stream()
                .map(t -> t.getTopicName() + " " + engine.getRuntimeService().getVariable(t.getExecutionId(), "pageRecipient")
                        + " " + engine.getRuntimeService().getVariable(t.getExecutionId(), "pageStep"))
                .sorted().toList();
    }

    @Test
    void aLaterPageRunsTheSamePagingForThePersonBesideTheFirstOne() {
        // given an incident whose first paging is still running
        ProcessInstance incident = declare("INC-2026-0301");

        // when the commander pages carol
        pageMore(incident, "person:carol");

        // then a second paging, under the incident's key, phones and texts carol with steps of its own
        ProcessInstance later = laterPaging("INC-2026-0301");
        assertThat(later).isNotNull();
        assertThat(later).hasBusinessKey("INC-2026-0301").isWaitingAt("PagePhone", "PageSms", "WaitForAnswer", "AcknowledgeInTasklist");
        assertThat(later).variables().containsEntry("pagingReason", "need a database expert")
                .containsEntry("pagingRequestedBy", "casey").containsEntry("title", "Rack A3 down");
        String prefix = "more-" + later.getId() + "-";
        assertThat(pagesOf(later)).containsExactly("page.phone carol " + prefix + "L1-R1-A1", "page.sms carol " + prefix + "L1-R1-A1");
        assertThat(processInstanceQuery().processDefinitionKey("paging").processInstanceBusinessKey("INC-2026-0301").count())
                .as("the first paging goes on").isEqualTo(2);
        assertThat(incident).isWaitingAt("Triage", "Paging", "PageMore");
        assertThat(runtimeService().getVariables(incident.getId())).as("nothing of the request stays in the incident")
                .doesNotContainKeys("pageMoreTarget", "pageMoreReason", "pageMoreBy");
    }

    @Test
    void whenTheLaterPageIsAcknowledgedItEndsAndTheIncidentGoesOn() {
        // given
        ProcessInstance incident = declare("INC-2026-0302");
        pageMore(incident, "person:carol");
        ProcessInstance later = laterPaging("INC-2026-0302");

        // when carol replies to the SMS with her code
        runtimeService().createMessageCorrelation("PageAcknowledged")
                .processInstanceVariableEquals("ackCode", runtimeService().getVariable(later.getId(), "ackCode"))
                .setVariables(Map.of("acknowledgedBy", "carol", "acknowledgedVia", "sms")).correlateAll();

        // then only her paging ended
        assertThat(later).isEnded().hasPassed("PageAcknowledged", "Acknowledged");
        assertThat(incident).isWaitingAt("Triage", "Paging").hasPassed("MorePaged");
    }

    @Test
    void anUnansweredLaterPageGivesTheCommanderATask() {
        // given
        ProcessInstance incident = declare("INC-2026-0303");
        pageMore(incident, "person:carol");
        ProcessInstance later = laterPaging("INC-2026-0303");

        // when nobody answers within the level's time
        execute(job("LevelTimedOut", later));

        // then the commander is told nobody answered
        assertThat(later).isWaitingAt("NobodyAcknowledged");
        assertThat(task("NobodyAcknowledged", later)).hasCandidateGroup("incident-commanders")
                .hasName("Nobody acknowledged INC-2026-0303: Rack A3 down");
    }

    @Test
    void closingTheIncidentStopsTheLaterPageToo() {
        // given
        ProcessInstance incident = declare("INC-2026-0304");
        pageMore(incident, "person:carol");
        ProcessInstance later = laterPaging("INC-2026-0304");

        // when
        runtimeService().createProcessInstanceModification(incident.getId())
                .cancelAllForActivity("Triage").startBeforeActivity("IncidentClosed").execute();

        // then
        assertThat(incident).isEnded();
        assertThat(later).isEnded();
        assertThat(engine.getExternalTaskService().createExternalTaskQuery().count()).as("no page left to send").isZero();
    }
}
