package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/paging.bpmn")
class PagingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    @BeforeEach
    void planner() {
        Mocks.register("pagingPlanner", new FakePagingPlanner());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    private ProcessInstance page(String key, String policy) {
        return runtimeService().startProcessInstanceByKey("paging", key, Map.of("title", "Rack A3 down",
                "severity", "SEV1", "escalationPolicy", policy));
    }

    /** The page tasks waiting now, as a worker sees them: "topic recipient step". */
    private List<String> pages() {
        return locked().stream()
                .map(t -> t.getTopicName() + " " + t.getVariables().get("pageRecipient") + " " + t.getVariables().get("pageStep"))
                .sorted().toList();
    }

    private List<LockedExternalTask> locked() {
        List<LockedExternalTask> tasks = engine.getExternalTaskService().fetchAndLock(100, "test")
                .topic("page.phone", 60_000).topic("page.sms", 60_000).execute();
        // unlock again: the next look must see them too
        tasks.forEach(t -> engine.getExternalTaskService().unlock(t.getId()));
        return tasks;
    }

    private void levelTimesOut(ProcessInstance paging) {
        assertThat(paging).isWaitingAt("WaitForAnswer");
        execute(job("LevelTimedOut", paging));
    }

    private void correlateByAckCode(String message, Map<String, Object> variables) {
        assertThat(runtimeService().createMessageCorrelation(message)
                .processInstanceVariableEquals("ackCode", FakePagingPlanner.ACK_CODE)
                .setVariables(variables).correlateAllWithResult()).hasSize(1);
    }

    private List<String> candidatesOfTheAcknowledgeTask(ProcessInstance paging) {
        return engine.getTaskService().getIdentityLinksForTask(
                        taskQuery().processInstanceId(paging.getId()).taskDefinitionKey("AcknowledgeInTasklist").singleResult().getId())
                .stream().map(l -> l.getUserId() != null ? l.getUserId() : "group:" + l.getGroupId()).sorted().toList();
    }

    @Test
    void levelOneIsPhonedAndTextedWithEverythingThePageNeeds() {
        ProcessInstance paging = page("INC-2026-0101", "primary");

        assertThat(paging).isActive().hasBusinessKey("INC-2026-0101")
                .isWaitingAt("PagePhone", "PageSms", "WaitForAnswer", "AcknowledgeInTasklist");
        LockedExternalTask phone = locked().stream().filter(t -> t.getTopicName().equals("page.phone")).findFirst().orElseThrow();
        assertThat(phone.getBusinessKey()).isEqualTo("INC-2026-0101");
        assertThat(phone.getVariables()).containsEntry("pageStep", "L1-R1-A1").containsEntry("pageRecipient", "alice")
                .containsEntry("pageName", "Alice").containsEntry("pagePhone", "+31205550101")
                .containsEntry("ackCode", "482913").containsEntry("pagingLevel", 1)
                .containsEntry("title", "Rack A3 down").containsEntry("severity", "SEV1");
        assertThat(pages()).containsExactly("page.phone alice L1-R1-A1", "page.sms alice L1-R1-A1");
        assertThat(job("LevelTimedOut", paging).getDuedate()).isInTheFuture();
    }

    @Test
    void aKeypressAtLevelOneStopsEscalation() {
        ProcessInstance paging = page("INC-2026-0102", "primary");

        correlateByAckCode("PageAcknowledged", Map.of("acknowledgedBy", "+31205550101", "acknowledgedVia", "keypress"));

        assertThat(paging).isEnded().hasPassed("PageAcknowledged", "Acknowledged").hasNotPassed("NobodyAcknowledged");
        assertThat(paging).variables().containsEntry("acknowledgedBy", "+31205550101").containsEntry("acknowledgedVia", "keypress");
        assertThat(pages()).as("no page left to send").isEmpty();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(paging.getId()).count()).isZero();
        assertThat(taskQuery().processInstanceId(paging.getId()).count()).as("no acknowledge task left").isZero();
    }

    @Test
    void anSmsReplyStopsEscalation() {
        ProcessInstance paging = page("INC-2026-0103", "primary");
        levelTimesOut(paging);

        correlateByAckCode("PageAcknowledged", Map.of("acknowledgedBy", "bob", "acknowledgedVia", "sms"));

        assertThat(paging).isEnded().hasPassed("PageAcknowledged");
        assertThat(paging).variables().containsEntry("acknowledgedVia", "sms").containsEntry("acknowledgedBy", "bob");
    }

    @Test
    void theAlertProcessorAcknowledgesByBusinessKey() {
        ProcessInstance paging = page("INC-2026-0104", "primary");

        runtimeService().createMessageCorrelation("PageAcknowledged").processInstanceBusinessKey("INC-2026-0104")
                .setVariables(Map.of("acknowledgedBy", "grafana", "acknowledgedVia", "events")).correlateAll();

        assertThat(paging).isEnded().variables().containsEntry("acknowledgedVia", "events");
    }

    @Test
    void thePagedPersonAcknowledgesInTasklist() {
        ProcessInstance paging = page("INC-2026-0105", "primary");
        assertThat(task("AcknowledgeInTasklist", paging)).hasName("Acknowledge page INC-2026-0105: Rack A3 down")
                .hasCandidateUser("alice").hasCandidateGroup("incident-commanders");

        engine.getIdentityService().setAuthenticatedUserId("alice");
        engine.getTaskService().complete(task("AcknowledgeInTasklist", paging).getId());

        assertThat(paging).isEnded().hasPassed("AcknowledgeInTasklist", "Acknowledged").hasNotPassed("PageAcknowledged");
        assertThat(paging).variables().containsEntry("acknowledgedBy", "alice").containsEntry("acknowledgedVia", "tasklist");
        assertThat(pages()).isEmpty();
    }

    @Test
    void theTasklistFormsNoteIsRecordedButCannotSayWhoAcknowledgedOrHow() {
        ProcessInstance paging = page("INC-2026-0115", "primary");

        engine.getIdentityService().setAuthenticatedUserId("alice");
        engine.getTaskService().complete(task("AcknowledgeInTasklist", paging).getId(), Map.of(
                "acknowledgedNote", "on my way to the datacenter", "acknowledgedBy", "mallory", "acknowledgedVia", "api"));

        assertThat(paging).isEnded().hasPassed("AcknowledgeInTasklist", "Acknowledged");
        assertThat(paging).variables().containsEntry("acknowledgedNote", "on my way to the datacenter")
                .containsEntry("acknowledgedBy", "alice").containsEntry("acknowledgedVia", "tasklist");
    }

    @Test
    void theTasklistAcknowledgementsTimelineLineCarriesTheNoteOnlyWhenOneWasGiven() {
        ProcessInstance paging = page("INC-2026-0116", "primary");
        runtimeService().setVariable(paging.getId(), "acknowledgedBy", "alice");

        assertThat(timelineLine("AcknowledgeInTasklist", paging)).isEqualTo("Acknowledged by alice via tasklist");
        runtimeService().setVariable(paging.getId(), "acknowledgedNote", "");
        assertThat(timelineLine("AcknowledgeInTasklist", paging)).isEqualTo("Acknowledged by alice via tasklist");
        runtimeService().setVariable(paging.getId(), "acknowledgedNote", "on my way");
        assertThat(timelineLine("AcknowledgeInTasklist", paging)).isEqualTo("Acknowledged by alice via tasklist: on my way");
    }

    @Test
    void bothWaysOfAcknowledgingMarkTheIncidentsAcknowledgedKeyTime() {
        // given
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("paging")
                .latestVersion().singleResult().getId();

        // when
        List<String> marked = List.of("AcknowledgeInTasklist", "PageAcknowledged").stream()
                .map(step -> property(definition, step, "blackstart.keyTime")).toList();

        // then: the platform records the first one as the incident's acknowledged time
        assertThat(marked).containsExactly("acknowledged", "acknowledged");
    }

    private String property(String definition, String activityId, String name) {
        return engine.getRepositoryService().getBpmnModelInstance(definition).<FlowElement>getModelElementById(activityId)
                .getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).singleResult()
                .getCamundaProperties().stream().filter(p -> p.getCamundaName().equals(name)).findFirst().orElseThrow()
                .getCamundaValue();
    }

    /** The step's blackstart.timeline expression, evaluated as the platform does when the step ends. */
    private String timelineLine(String activityId, ProcessInstance instance) {
        String expression = engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId())
                .<FlowElement>getModelElementById(activityId).getExtensionElements()
                .getElementsQuery().filterByType(CamundaProperties.class).singleResult().getCamundaProperties().stream()
                .filter(p -> p.getCamundaName().equals("blackstart.timeline")).findFirst().orElseThrow().getCamundaValue();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return (String) configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
                .createExpression(expression).getValue(context.getExecutionManager().findExecutionById(instance.getId())));
    }

    @Test
    void nobodyAnsweringInTimePagesLevelTwoAndOffersThemTheAcknowledgement() {
        ProcessInstance paging = page("INC-2026-0106", "primary");

        levelTimesOut(paging);

        assertThat(paging).isActive().hasPassed("LevelTimedOut");
        assertThat(pages()).containsExactly("page.phone alice L1-R1-A1", "page.phone bob L2-R1-A1", "page.phone carol L2-R1-A1",
                "page.sms alice L1-R1-A1", "page.sms bob L2-R1-A1", "page.sms carol L2-R1-A1");
        assertThat(candidatesOfTheAcknowledgeTask(paging)).containsExactly("alice", "bob", "carol", "group:incident-commanders");
        assertThat(paging).variables().containsEntry("pagingLevel", 2).containsEntry("pagingTimeout", "PT10M");
    }

    @Test
    void anUnansweredCallIsRetriedThenEscalates() {
        ProcessInstance paging = page("INC-2026-0107", "primary");
        completeAllPages();

        correlateByAckCode("PageUnanswered", Map.of("unansweredReason", "no-answer"));

        assertThat(pages()).as("called again, not texted again").containsExactly("page.phone alice L1-R1-A2");
        assertThat(paging).isWaitingAt("PagePhone", "WaitForAnswer", "AcknowledgeInTasklist");
        completeAllPages();

        correlateByAckCode("PageUnanswered", Map.of("unansweredReason", "busy"));

        assertThat(pages()).containsExactly("page.phone bob L2-R1-A1", "page.phone carol L2-R1-A1",
                "page.sms bob L2-R1-A1", "page.sms carol L2-R1-A1");
        assertThat(paging).variables().containsEntry("unansweredReason", "busy");
    }

    @Test
    void afterTheRepeatsTheCommandersAreToldInsteadOfPagingForever() {
        ProcessInstance paging = page("INC-2026-0108", "primary");

        levelTimesOut(paging);
        completeAllPages();
        levelTimesOut(paging);
        assertThat(pages()).as("round two starts at level one").containsExactly("page.phone alice L1-R2-A1", "page.sms alice L1-R2-A1");
        completeAllPages();
        levelTimesOut(paging);
        completeAllPages();
        levelTimesOut(paging);

        assertThat(paging).isWaitingAt("NobodyAcknowledged");
        assertThat(task(paging)).hasName("Nobody acknowledged INC-2026-0108: Rack A3 down").hasCandidateGroup("incident-commanders");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(paging.getId()).count()).isZero();
        assertThat(pages()).isEmpty();
        engine.getTaskService().complete(task(paging).getId());
        assertThat(paging).isEnded().hasPassed("Exhausted").hasNotPassed("Acknowledged");
    }

    @Test
    void anUndeliverablePageIsRecordedAndEscalationGoesOn() {
        ProcessInstance paging = page("INC-2026-0109", "primary");
        LockedExternalTask phone = engine.getExternalTaskService().fetchAndLock(1, "test").topic("page.phone", 60_000).execute().get(0);

        engine.getExternalTaskService().handleBpmnError(phone.getId(), "test", "PAGE_UNDELIVERABLE", "'+3120' is not a phone number");

        assertThat(paging).isActive().hasPassed("PhoneUndeliverable").isWaitingAt("PageSms", "WaitForAnswer");
        levelTimesOut(paging);
        assertThat(pages()).contains("page.phone bob L2-R1-A1", "page.phone carol L2-R1-A1");
    }

    @Test
    void aPolicyNobodyKnowsEndsPagingAtOnce() {
        ProcessInstance paging = page("INC-2026-0110", "no-such-policy");

        assertThat(paging).isEnded().hasPassed("NotPaged").hasNotPassed("Escalation");
        assertThat(paging).variables().containsEntry("pagingSummary", "No policy no-such-policy");
    }

    private void completeAllPages() {
        List<LockedExternalTask> tasks = engine.getExternalTaskService().fetchAndLock(100, "test")
                .topic("page.phone", 60_000).topic("page.sms", 60_000).execute();
        tasks.stream().sorted(Comparator.comparing(LockedExternalTask::getId))
                .forEach(t -> engine.getExternalTaskService().complete(t.getId(), "test"));
    }

}
