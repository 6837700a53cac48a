package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How major-incident starts, feeds and stops paging, and tells the commander when alerts resolve. */
@Deployment(resources = {"bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn", "bpmn/customer-call.bpmn", "bpmn/paging.bpmn"})
class IncidentPagingProcessTest {

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

    private ProcessInstance declare(String key, String escalationPolicy) {
        Map<String, Object> variables = new HashMap<>(Map.of("title", "Rack A3 down", "severity", "SEV1"));
        if (escalationPolicy != null) {
            variables.put("escalationPolicy", escalationPolicy);
        }
        return runtimeService().startProcessInstanceByKey("major-incident", key, variables);
    }

    @Test
    void anIncidentWithAnEscalationPolicyPagesWhileTriageRuns() {
        ProcessInstance incident = declare("INC-2026-0201", "primary");

        assertThat(incident).isWaitingAt("Triage", "Paging");
        ProcessInstance paging = calledProcessInstance("paging", incident);
        assertThat(paging).hasBusinessKey("INC-2026-0201").isWaitingAt("PagePhone", "PageSms");
        assertThat(paging).variables().containsEntry("title", "Rack A3 down").containsEntry("severity", "SEV1")
                .containsEntry("escalationPolicy", "primary");
    }

    @Test
    void anIncidentWithoutAnEscalationPolicyPagesNobody() {
        ProcessInstance incident = declare("INC-2026-0202", null);

        assertThat(incident).isWaitingAt("Triage").hasPassed("NotPaged").hasNotPassed("Paging");
        assertThat(processInstanceQuery().processDefinitionKey("paging").count()).isZero();
    }

    @Test
    void theAcknowledgementComesBackToTheIncident() {
        ProcessInstance incident = declare("INC-2026-0203", "primary");

        runtimeService().createMessageCorrelation("PageAcknowledged").processInstanceBusinessKey("INC-2026-0203")
                .setVariables(Map.of("acknowledgedBy", "commander", "acknowledgedVia", "api")).correlateAll();

        assertThat(processInstanceQuery().processDefinitionKey("paging").processInstanceBusinessKey("INC-2026-0203").count())
                .as("paging ended").isZero();
        assertThat(incident).isWaitingAt("Triage").hasPassed("Paging", "PagingDone");
        assertThat(incident).variables().containsEntry("acknowledgedBy", "commander").containsEntry("acknowledgedVia", "api");
    }

    @Test
    void whenAllAlertsResolveTheCommanderDecides() {
        ProcessInstance incident = declare("INC-2026-0204", null);

        runtimeService().createMessageCorrelation("AlertsResolved").processInstanceBusinessKey("INC-2026-0204").correlateAll();

        assertThat(incident).isWaitingAt("Triage", "DecideOnResolving");
        assertThat(task("DecideOnResolving", incident)).hasName("All alerts resolved for INC-2026-0204: decide whether to resolve")
                .hasCandidateGroup("incident-commanders");
        complete(task("DecideOnResolving", incident), withVariables("alertsResolvedNote", "Customers confirm mail flows"));
        assertThat(incident).isWaitingAt("Triage").hasPassed("AlertsResolvedSeen");
    }

    @Test
    void closingTheIncidentStopsPagingAndTheIncidentStillEndsAsClosed() {
        ProcessInstance incident = declare("INC-2026-0205", "primary");
        ProcessInstance paging = calledProcessInstance("paging", incident);

        // the commander runs the incident to the end without anyone acknowledging the page
        runtimeService().createProcessInstanceModification(incident.getId())
                .cancelAllForActivity("Triage").startBeforeActivity("IncidentClosed").execute();

        assertThat(incident).isEnded().hasPassed("IncidentClosed");
        assertThat(paging).isEnded();
        HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(incident.getId()).singleResult();
        assertThat(history.getState()).as("closed, not cancelled").isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(engine.getExternalTaskService().createExternalTaskQuery().count()).as("no page left to send").isZero();
    }
}
