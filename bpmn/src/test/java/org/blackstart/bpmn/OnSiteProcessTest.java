package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Send someone on site": a check-in task for that person, then their checklist, as a child of the incident. */
@Deployment(resources = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/customer-call.bpmn", "bpmn/paging.bpmn",
        "bpmn/on-site.bpmn"})
class OnSiteProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    /** Stands in for the platform's onSiteSteps: words the lines as the process expects them. */
    public static class FakeOnSiteSteps {
        public void checkedIn(DelegateTask task) {
            task.getExecution().setVariable("onSiteArrivalLine", task.getVariable("onSitePersonName") + " arrived on site");
        }

        public void checklistWorked(DelegateTask task) {
            task.getExecution().setVariable("onSiteChecklistLine", "checklist worked");
        }
    }

    @BeforeEach
    void beans() {
        Mocks.register("pagingPlanner", new FakePagingPlanner());
        Mocks.register("onSiteSteps", new FakeOnSiteSteps());
        FakeNoticeServices.register();
        FakeVendorServices.register();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance sendOnSite(String key) {
        ProcessInstance incident = runtimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Rack A3 down", "severity", "SEV1"));
        runtimeService().createMessageCorrelation("SendOnSite").processInstanceId(incident.getId())
                .setVariable("onSitePersonRequested", Variables.stringValue("oncall-1", true))
                .setVariable("onSitePersonNameRequested", Variables.stringValue("Olivia On-call", true))
                .setVariable("onSiteSiteRequested", Variables.stringValue("DC Amsterdam, hall 2", true))
                .setVariable("onSiteChecklistRequested", Variables.stringValue("- Check the PDU\n- Photograph rack A3", true))
                .setVariable("onSiteRequestedByRequested", Variables.stringValue("commander", true))
                .correlateWithResult();
        return incident;
    }

    @Test
    void thePersonGetsACheckInTaskWithTheChecklistThenTheChecklistItself() {
        // given
        ProcessInstance incident = sendOnSite("INC-2026-0401");

        // then the check-in is theirs, and commanders may do it for them
        ProcessInstance onSite = calledProcessInstance("on-site", incident);
        assertThat(onSite).hasBusinessKey("INC-2026-0401").isWaitingAt("CheckIn");
        assertThat(task("CheckIn", onSite)).hasName("Go on site: DC Amsterdam, hall 2 for INC-2026-0401")
                .isAssignedTo("oncall-1");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task("CheckIn", onSite).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("incident-commanders"));
        assertThat(onSite).variables().containsEntry("onSiteChecklistText", "- Check the PDU\n- Photograph rack A3")
                .containsEntry("incidentKey", "INC-2026-0401").containsEntry("onSiteRequestedBy", "commander");
        assertThat(runtimeService().getVariables(incident.getId())).as("nothing of the request stays in the incident")
                .doesNotContainKeys("onSitePersonRequested", "onSiteSiteRequested", "onSiteChecklistRequested");

        // when they check in
        complete(task("CheckIn", onSite), withVariables("onSiteArrived", true, "onSiteArrivedAt", "02:40"));

        // then the checklist is their next task
        assertThat(onSite).isWaitingAt("WorkChecklist").variables().containsEntry("onSiteArrivalLine", "Olivia On-call arrived on site");
        assertThat(task("WorkChecklist", onSite)).isAssignedTo("oncall-1")
                .hasName("On site: work the checklist (DC Amsterdam, hall 2, INC-2026-0401)");
        complete(task("WorkChecklist", onSite), withVariables("onSiteAllDone", true, "onSiteNote", "PDU B tripped, reset"));
        assertThat(onSite).isEnded().hasPassed("ChecklistWorked");
        assertThat(incident).isWaitingAt("Triage").hasPassed("OnSiteDone");
    }

    @Test
    void closingTheIncidentEndsTheOnSiteWork() {
        // given
        ProcessInstance incident = sendOnSite("INC-2026-0402");
        ProcessInstance onSite = calledProcessInstance("on-site", incident);

        // when
        runtimeService().createProcessInstanceModification(incident.getId())
                .cancelAllForActivity("Triage").startBeforeActivity("IncidentClosed").execute();

        // then
        assertThat(onSite).isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(onSite.getId()).count()).isZero();
    }
}
