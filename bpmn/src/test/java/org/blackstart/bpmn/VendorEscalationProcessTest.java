package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/vendor-escalation.bpmn")
class VendorEscalationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("blackstart-bpmn-test.cfg.xml").build();

    private FakeVendorServices vendors;

    @BeforeEach
    void fakes() {
        vendors = FakeVendorServices.register();
        TimelineRecordingParseListener.LINES.clear();
    }

    /** The incident's timeline lines from its vendor escalations, as the platform would record them. */
    private static List<String> timeline(String key) {
        return TimelineRecordingParseListener.LINES.stream().filter(line -> line.startsWith(key + " "))
                .map(line -> line.substring(key.length() + 1)).toList();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** An escalation of the incident to StoreCo, as the platform's vendorEscalationStart starts it. */
    private ProcessInstance escalate(String key, String dutyManagerPhone) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentKey", key);
        variables.put("title", "Storage array offline");
        variables.put("severity", "SEV1");
        variables.put("vendor", "storeco");
        variables.put("vendorName", "StoreCo");
        variables.put("vendorKind", "storage");
        variables.put("vendorSystem", "email");
        variables.put("vendorAccount", "storeco");
        variables.put("vendorPriority", 1);
        variables.put("vendorSubject", key + ": Storage array offline");
        variables.put("vendorText", "Controller B of array A3 dropped offline at 00:12.");
        variables.put("ackSla", "PT30M");
        variables.put("dutyManagerName", "Dana Duty");
        variables.put("dutyManagerPhone", dutyManagerPhone);
        variables.put("escalatedBy", "carol");
        return runtimeService().startProcessInstanceByKey("vendor-escalation", key, variables);
    }

    /** The one open external task of the incident on the topic, locked as a plugin's worker would. */
    private LockedExternalTask fetch(String key, String topic) {
        List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(10, "test")
                .topic(topic, 60_000).businessKey(key).execute();
        assertThat(locked).as("open %s tasks of %s", topic, key).hasSize(1);
        return locked.get(0);
    }

    private List<LockedExternalTask> fetchAll(String key, String topic) {
        return engine.getExternalTaskService().fetchAndLock(10, "test").topic(topic, 60_000).businessKey(key).execute();
    }

    private void completeTask(LockedExternalTask task, Map<String, Object> variables) {
        engine.getExternalTaskService().complete(task.getId(), "test", variables);
    }

    private ProcessInstance opened(String key, String caseNumber, String dutyManagerPhone) {
        ProcessInstance escalation = escalate(key, dutyManagerPhone);
        LockedExternalTask open = fetch(key, "vendor.case.open");
        assertThat(open.getVariables()).containsEntry("vendorCaseStep", "open").containsEntry("vendorSystem", "email")
                .containsEntry("vendorPriority", 1);
        completeTask(open, Map.of("vendorCaseNumber", caseNumber, "vendorCaseId", "id-" + caseNumber,
                "vendorCaseUrl", "https://support.storeco.example/cases/" + caseNumber));
        return escalation;
    }

    /** A vendor message as the platform delivers it: by incident and case number, its variables local. */
    private int vendorSays(String message, String key, String caseNumber, long messageId, String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("vendorMessageId", messageId);
        variables.put("vendorMessageKind", message.substring("Vendor".length()).toUpperCase());
        variables.put("vendorMessageAuthor", "Sam Support");
        variables.put("vendorMessageSubject", "Re: " + key);
        variables.put("vendorMessageText", text);
        variables.put("vendorMessageFiles", "");
        List<MessageCorrelationResult> results = runtimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(key).processInstanceVariableEquals("vendorCaseNumber", caseNumber)
                .setVariablesLocal(variables).correlateAllWithResult();
        return results.size();
    }

    private void acknowledged(String key, String caseNumber) {
        assertThat(runtimeService().createMessageCorrelation("VendorAcknowledged").processInstanceBusinessKey(key)
                .processInstanceVariableEquals("vendorCaseNumber", caseNumber).correlateAllWithResult()).hasSize(1);
    }

    private void incidentClosed(String key) {
        runtimeService().createMessageCorrelation("IncidentClosed").processInstanceBusinessKey(key).correlateAllWithResult();
    }

    /** The commander's answer to "keep the case open after the incident closes?". */
    private void decideKeep(ProcessInstance escalation, String keep, String reason) {
        complete(task("KeepVendorCase", escalation), withVariables("keepVendorCase", keep, "keepVendorCaseReason", reason));
    }

    /** What the platform sends when a commander (or the vendor) closes a kept case. */
    private void caseClosed(ProcessInstance escalation) {
        runtimeService().createMessageCorrelation("CloseVendorCase").processInstanceId(escalation.getId()).correlateWithResult();
    }

    private List<Task> tasks(ProcessInstance escalation, String activity) {
        return engine.getTaskService().createTaskQuery().processInstanceId(escalation.getId())
                .taskDefinitionKey(activity).list();
    }

    @Test
    void aCaseAcknowledgedInTimeIsWorkedWithoutEscalation() {
        ProcessInstance escalation = opened("INC-2026-0001", "CS0001", "+31201110000");

        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitAck");
        assertThat(vendors.lines).containsExactly("opened storeco CS0001");

        acknowledged("INC-2026-0001", "CS0001");

        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose").hasNotPassed("SlaBreached");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(escalation.getId()).count())
                .as("no SLA timer left once acknowledged").isZero();
        assertThat(vendors.lines).containsExactly("opened storeco CS0001");
        assertThat(timeline("INC-2026-0001")).as("opening and acknowledging are told by the platform's vendorCases and inbox")
                .isEmpty();
    }

    @Test
    void aMissedAcknowledgementRaisesTheCaseToP1PhonesTheDutyManagerAndTellsTheCommander() {
        ProcessInstance escalation = opened("INC-2026-0002", "CS0002", "+31201110000");

        var sla = job("AckSlaExpired", escalation);
        assertThat(sla.getDuedate()).isCloseTo(new Date(System.currentTimeMillis() + Duration.ofMinutes(30).toMillis()), 60_000);
        execute(sla);

        assertThat(vendors.lines).containsExactly("opened storeco CS0002", "sla breached storeco CS0002");
        LockedExternalTask raise = fetch("INC-2026-0002", "vendor.case.update");
        assertThat(raise.getVariables()).containsEntry("vendorCaseStep", "priority-1").containsEntry("vendorPriority", 1)
                .containsEntry("vendorCaseNumber", "CS0002")
                .containsEntry("vendorText", "No acknowledgement within PT30M; priority raised to P1");
        LockedExternalTask phone = fetch("INC-2026-0002", "page.phone");
        assertThat(phone.getVariables()).containsEntry("pageStep", "vendor-duty-storeco")
                .containsEntry("pageRecipient", "Dana Duty").containsEntry("pagePhone", "+31201110000")
                .doesNotContainKey("ackCode");
        BpmnAwareTests.assertThat(task("VendorSlaBreached", escalation)).hasCandidateGroup("incident-commanders")
                .hasName("StoreCo missed its response time on INC-2026-0002");

        completeTask(raise, Map.of("vendorAlreadySent", false));
        completeTask(phone, Map.of());
        complete(task("VendorSlaBreached", escalation));

        assertThat(job("AckSlaExpired", escalation)).as("no second SLA timer").isNull();
        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitAck");

        acknowledged("INC-2026-0002", "CS0002");

        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose");
        assertThat(runtimeService().getVariable(escalation.getId(), "vendorPriority"))
                .as("later updates keep the case at P1").isEqualTo(1);
        assertThat(timeline("INC-2026-0002")).containsExactly("VENDORS Raised case CS0002 with StoreCo to P1",
                "VENDORS Phoned StoreCo's duty manager Dana Duty (+31201110000)");
    }

    @Test
    void aLateAcknowledgementIsTakenWhileTheBreachIsStillBeingHandled() {
        ProcessInstance escalation = opened("INC-2026-0003", "CS0003", "+31201110000");
        execute(job("AckSlaExpired", escalation));

        acknowledged("INC-2026-0003", "CS0003");

        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose", "RaisePriority", "CallDutyManager", "VendorSlaBreached");
    }

    @Test
    void withoutADutyManagersPhoneNobodyIsCalled() {
        ProcessInstance escalation = opened("INC-2026-0004", "CS0004", null);

        execute(job("AckSlaExpired", escalation));

        assertThat(fetchAll("INC-2026-0004", "page.phone")).isEmpty();
        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitAck", "RaisePriority", "VendorSlaBreached")
                .isNotWaitingAt("CallDutyManager");
    }

    @Test
    void aDutyManagerWhoCannotBePhonedStillLeavesTheCommanderInformed() {
        ProcessInstance escalation = opened("INC-2026-0005", "CS0005", "+31201110000");
        execute(job("AckSlaExpired", escalation));

        engine.getExternalTaskService().handleBpmnError(fetch("INC-2026-0005", "page.phone").getId(), "test",
                "PAGE_UNDELIVERABLE", "number not reachable");

        BpmnAwareTests.assertThat(escalation).hasPassed("DutyManagerNotCalled").isWaitingAt("AwaitAck", "RaisePriority", "VendorSlaBreached");
        assertThat(timeline("INC-2026-0005")).contains("VENDORS Could not phone StoreCo's duty manager: number not reachable");
    }

    @Test
    void theVendorsRequestIsAnsweredOnTheCase() {
        ProcessInstance escalation = opened("INC-2026-0006", "CS0006", "+31201110000");
        acknowledged("INC-2026-0006", "CS0006");

        assertThat(vendorSays("VendorRequested", "INC-2026-0006", "CS0006", 41L,
                "Please send the controller logs\nof array A3 from the last 24 hours, and the firmware version of both controllers."))
                .isEqualTo(1);

        Task ask = task("AnswerVendorRequest", escalation);
        BpmnAwareTests.assertThat(ask).hasCandidateGroup("incident-commanders").hasCandidateGroup("on-call")
                .as("the first 80 characters of the request, on one line")
                .hasName("StoreCo asks on INC-2026-0006: "
                        + "Please send the controller logs of array A3 from the last 24 hours, and the firm…");
        assertThat(engine.getTaskService().getVariable(ask.getId(), "vendorMessageText"))
                .isEqualTo("Please send the controller logs\nof array A3 from the last 24 hours, and the firmware version of both controllers.");
        complete(ask, withVariables("vendorAnswer", "Logs attached; firmware 8.2.1 on both."));

        LockedExternalTask answer = fetch("INC-2026-0006", "vendor.case.update");
        assertThat(answer.getVariables()).containsEntry("vendorCaseStep", "answer-41")
                .containsEntry("vendorText", "Logs attached; firmware 8.2.1 on both.").containsEntry("vendorCaseNumber", "CS0006");
        completeTask(answer, Map.of());

        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose").hasPassed("RequestAnswered");
        assertThat(timeline("INC-2026-0006")).endsWith("VENDORS Answered StoreCo on case CS0006: Logs attached; firmware 8.2.1 on both.");
        assertThat(runtimeService().getVariables(escalation.getId())).as("the answer stays with its request")
                .doesNotContainKeys("vendorAnswer", "vendorMessageText", "vendorMessageId");
    }

    @Test
    void aRequestWithoutTextIsNamedByItsSubject() {
        ProcessInstance escalation = opened("INC-2026-0019", "CS0019", null);

        vendorSays("VendorRequested", "INC-2026-0019", "CS0019", 111L, "");

        BpmnAwareTests.assertThat(task("AnswerVendorRequest", escalation)).hasName("StoreCo asks on INC-2026-0019: Re: INC-2026-0019");
    }

    @Test
    void twoRequestsAtOnceEachKeepTheirOwnText() {
        ProcessInstance escalation = opened("INC-2026-0007", "CS0007", "+31201110000");

        vendorSays("VendorRequested", "INC-2026-0007", "CS0007", 51L, "Send the logs");
        vendorSays("VendorRequested", "INC-2026-0007", "CS0007", 52L, "Reseat controller B");

        List<Task> asks = tasks(escalation, "AnswerVendorRequest");
        assertThat(asks).extracting(Task::getName).containsExactlyInAnyOrder(
                "StoreCo asks on INC-2026-0007: Send the logs", "StoreCo asks on INC-2026-0007: Reseat controller B");
        Task reseat = asks.stream().filter(t -> t.getName().endsWith("Reseat controller B")).findFirst().orElseThrow();
        Task logs = asks.stream().filter(t -> t.getName().endsWith("Send the logs")).findFirst().orElseThrow();
        assertThat(engine.getTaskService().getVariable(reseat.getId(), "vendorMessageText")).isEqualTo("Reseat controller B");
        assertThat(engine.getTaskService().getVariable(logs.getId(), "vendorMessageText")).isEqualTo("Send the logs");

        complete(reseat, withVariables("vendorAnswer", "Reseated at 01:40, no change."));
        assertThat(engine.getTaskService().getVariable(logs.getId(), "vendorAnswer"))
                .as("the other request's form starts empty").isNull();
        complete(logs, withVariables("vendorAnswer", "Logs attached."));

        assertThat(fetchAll("INC-2026-0007", "vendor.case.update"))
                .extracting(t -> t.getVariables().get("vendorCaseStep") + ": " + t.getVariables().get("vendorText"))
                .containsExactlyInAnyOrder("answer-52: Reseated at 01:40, no change.", "answer-51: Logs attached.");
    }

    @Test
    void aDisputeIsAnsweredWithEvidenceAndSettledByTheCommander() {
        ProcessInstance escalation = opened("INC-2026-0008", "CS0008", "+31201110000");
        acknowledged("INC-2026-0008", "CS0008");

        vendorSays("VendorDisputed", "INC-2026-0008", "CS0008", 61L, "Not a product defect: the cable was unplugged.");

        BpmnAwareTests.assertThat(task("GatherDisputeEvidence", escalation)).hasCandidateGroup("incident-commanders");
        complete(task("GatherDisputeEvidence", escalation),
                withVariables("vendorRebuttal", "Both cables were seated; the controller log shows a firmware panic."));
        LockedExternalTask rebuttal = fetch("INC-2026-0008", "vendor.case.update");
        assertThat(rebuttal.getVariables()).containsEntry("vendorCaseStep", "dispute-61")
                .containsEntry("vendorText", "Both cables were seated; the controller log shows a firmware panic.");
        completeTask(rebuttal, Map.of());

        BpmnAwareTests.assertThat(task("SettleDispute", escalation)).hasCandidateGroup("incident-commanders")
                .hasName("Settle the dispute with StoreCo on INC-2026-0008");
        complete(task("SettleDispute", escalation), withVariables("disputeOutcome", "vendor-fault",
                "disputeNote", "StoreCo accepted the panic as a known bug"));

        assertThat(vendors.lines).contains("dispute settled CS0008 vendor-fault: StoreCo accepted the panic as a known bug");
        assertThat(timeline("INC-2026-0008")).containsExactly("VENDORS Sent StoreCo our evidence on case CS0008");
        BpmnAwareTests.assertThat(escalation).hasPassed("DisputeDone").isWaitingAt("AwaitClose");
    }

    @Test
    void aFixTheCommanderCannotConfirmReopensTheCase() {
        ProcessInstance escalation = opened("INC-2026-0009", "CS0009", "+31201110000");
        acknowledged("INC-2026-0009", "CS0009");

        vendorSays("VendorResolved", "INC-2026-0009", "CS0009", 71L, "Firmware 8.2.2 fixes it.");
        complete(task("ConfirmVendorFix", escalation), withVariables("vendorFixConfirmed", false,
                "vendorFixNote", "Still failing over after 8.2.2."));

        LockedExternalTask reopen = fetch("INC-2026-0009", "vendor.case.update");
        assertThat(reopen.getVariables()).containsEntry("vendorCaseStep", "reopen-71")
                .containsEntry("vendorText", "Still failing over after 8.2.2.");
        completeTask(reopen, Map.of());
        BpmnAwareTests.assertThat(escalation).hasPassed("FixRejected").isWaitingAt("AwaitClose");
        assertThat(timeline("INC-2026-0009")).endsWith("VENDORS Told StoreCo the fault is still there; asked to reopen case CS0009");
    }

    @Test
    void aConfirmedFixSendsNothing() {
        ProcessInstance escalation = opened("INC-2026-0010", "CS0010", "+31201110000");
        acknowledged("INC-2026-0010", "CS0010");

        vendorSays("VendorResolved", "INC-2026-0010", "CS0010", 81L, "Fixed.");
        complete(task("ConfirmVendorFix", escalation), withVariables("vendorFixConfirmed", true, "vendorFixNote", ""));

        assertThat(fetchAll("INC-2026-0010", "vendor.case.update")).isEmpty();
        BpmnAwareTests.assertThat(escalation).hasPassed("FixAccepted").isWaitingAt("AwaitClose");
    }

    @Test
    void aCaseTheVendorRefusesGoesToTheCommander() {
        ProcessInstance escalation = escalate("INC-2026-0011", "+31201110000");

        engine.getExternalTaskService().handleBpmnError(fetch("INC-2026-0011", "vendor.case.open").getId(), "test",
                "VENDOR_CASE_REFUSED", "account storeco is not configured");

        Task refused = task("CaseRefused", escalation);
        BpmnAwareTests.assertThat(refused).hasCandidateGroup("incident-commanders")
                .hasName("StoreCo refused the case for INC-2026-0011");
        assertThat(engine.getTaskService().getVariable(refused.getId(), "vendorCaseError"))
                .isEqualTo("account storeco is not configured");
        assertThat(vendors.lines).as("no case to register").isEmpty();
        assertThat(timeline("INC-2026-0011")).containsExactly("VENDORS StoreCo refused the case: account storeco is not configured");
        complete(refused);
        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("RefusalSeen");
    }

    @Test
    void closingTheIncidentClosesTheCaseAndEndsWhateverIsStillOpen() {
        ProcessInstance escalation = opened("INC-2026-0012", "CS0012", "+31201110000");
        execute(job("AckSlaExpired", escalation));
        vendorSays("VendorRequested", "INC-2026-0012", "CS0012", 91L, "Send the logs");
        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitAck", "AnswerVendorRequest", "VendorSlaBreached");

        incidentClosed("INC-2026-0012");
        decideKeep(escalation, "close", null);

        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(escalation.getId()).list())
                .as("open user tasks end with the incident").isEmpty();
        assertThat(fetchAll("INC-2026-0012", "vendor.case.update")).as("the raise to P1 is withdrawn").isEmpty();
        assertThat(fetchAll("INC-2026-0012", "page.phone")).isEmpty();
        LockedExternalTask close = fetch("INC-2026-0012", "vendor.case.close");
        assertThat(close.getVariables()).containsEntry("vendorCaseStep", "close").containsEntry("vendorCaseNumber", "CS0012");
        completeTask(close, Map.of());

        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("CaseClosed");
        assertThat(vendors.lines).endsWith("closed storeco CS0012");
        assertThat(timeline("INC-2026-0012")).as("the withdrawn raise and call leave no line").isEmpty();
    }

    @Test
    void closingTheIncidentAfterTheAcknowledgementClosesTheCase() {
        ProcessInstance escalation = opened("INC-2026-0013", "CS0013", "+31201110000");
        acknowledged("INC-2026-0013", "CS0013");

        incidentClosed("INC-2026-0013");
        BpmnAwareTests.assertThat(task("KeepVendorCase", escalation)).hasCandidateGroup("incident-commanders")
                .hasName("Keep StoreCo's case CS0013 open after INC-2026-0013 closes?");
        assertThat(fetchAll("INC-2026-0013", "vendor.case.close")).as("nothing closed before the commander decides").isEmpty();
        decideKeep(escalation, "close", "");

        completeTask(fetch("INC-2026-0013", "vendor.case.close"), Map.of());
        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("KeepVendorCase", "CaseClosed").hasNotPassed("CaseKept");
        assertThat(vendors.lines).containsExactly("opened storeco CS0013", "close storeco CS0013", "closed storeco CS0013");
        assertThat(timeline("INC-2026-0013")).as("closing is told by the platform's vendorCases").isEmpty();
    }

    @Test
    void anIncidentClosedBeforeTheCaseIsOpenClosesNothing() {
        ProcessInstance escalation = escalate("INC-2026-0014", "+31201110000");

        incidentClosed("INC-2026-0014");

        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("NotOpened").hasNotPassed("CloseCase");
        assertThat(fetchAll("INC-2026-0014", "vendor.case.open")).isEmpty();
        assertThat(vendors.lines).isEmpty();
        assertThat(timeline("INC-2026-0014")).containsExactly("VENDORS Incident closed before the case with StoreCo was opened");
    }

    @Test
    void anIncidentClosedWhileTheCommanderReadsTheRefusalEndsTheEscalation() {
        ProcessInstance escalation = escalate("INC-2026-0015", "+31201110000");
        engine.getExternalTaskService().handleBpmnError(fetch("INC-2026-0015", "vendor.case.open").getId(), "test",
                "VENDOR_CASE_REFUSED", "case closed by vendor");

        incidentClosed("INC-2026-0015");

        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("RefusalMoot").hasNotPassed("CloseCase");
    }

    @Test
    void messagesReachOnlyTheEscalationOfTheirCase() {
        ProcessInstance storeco = opened("INC-2026-0016", "CS0016", "+31201110000");
        ProcessInstance other = opened("INC-2026-0016", "HX-77", null);

        assertThat(vendorSays("VendorRequested", "INC-2026-0016", "HX-77", 101L, "Which rack?")).isEqualTo(1);

        assertThat(tasks(storeco, "AnswerVendorRequest")).isEmpty();
        assertThat(tasks(other, "AnswerVendorRequest")).hasSize(1);
    }

    /** Closing the major incident reaches every vendor escalation of the incident, through vendorEscalations. */
    @Test
    @Deployment(resources = {"bpmn/vendor-escalation.bpmn", "bpmn/major-incident.bpmn", "bpmn/customer-notice.bpmn",
            "bpmn/customer-call.bpmn"})
    void closingTheMajorIncidentClosesEveryVendorCaseOfIt() {
        FakeNoticeServices.register();
        ProcessInstance incident = runtimeService().startProcessInstanceByKey("major-incident", "INC-2026-0017",
                Map.of("title", "Storage array offline", "summary", "Array A3 down"));
        complete(task("Triage", incident), withVariables("severity", "SEV2", "affectedServices", "storage",
                "customerImpact", "Volumes on A3 are unavailable."));
        ProcessInstance storeco = opened("INC-2026-0017", "CS0017", "+31201110000");
        acknowledged("INC-2026-0017", "CS0017");
        ProcessInstance hostly = opened("INC-2026-0017", "HX-17", null);
        ProcessInstance otherIncident = opened("INC-2026-0018", "CS0018", null);

        withholdNotice(incident);
        complete(task("Mitigate", incident), withVariables("mitigationSummary", "Failed over to A4"));
        complete(task("Resolve", incident), withVariables("resolutionSummary", "Controller replaced", "rootCause", "hardware"));
        withholdNotice(incident);
        BpmnAwareTests.execute(BpmnAwareTests.job("MonitoringPeriodOver", incident));

        BpmnAwareTests.assertThat(incident).isEnded().hasPassed("IncidentClosed");
        BpmnAwareTests.assertThat(storeco).as("each case is the commander's call").isWaitingAt("KeepVendorCase");
        BpmnAwareTests.assertThat(hostly).isWaitingAt("KeepVendorCase");
        decideKeep(storeco, "close", null);
        decideKeep(hostly, "close", null);
        assertThat(fetchAll("INC-2026-0017", "vendor.case.close"))
                .extracting(t -> t.getVariables().get("vendorCaseNumber"))
                .containsExactlyInAnyOrder("CS0017", "HX-17");
        BpmnAwareTests.assertThat(storeco).isWaitingAt("CloseCase");
        BpmnAwareTests.assertThat(hostly).isWaitingAt("CloseCase");
        BpmnAwareTests.assertThat(otherIncident).as("another incident's case stays open").isWaitingAt("AwaitAck");
    }

    @Test
    void anAnswerTheVendorRefusesGoesToTheCommander() {
        ProcessInstance escalation = opened("INC-2026-0020", "CS0020", null);
        acknowledged("INC-2026-0020", "CS0020");
        vendorSays("VendorRequested", "INC-2026-0020", "CS0020", 121L, "Send the logs");
        complete(task("AnswerVendorRequest", escalation), withVariables("vendorAnswer", "Logs attached."));

        engine.getExternalTaskService().handleBpmnError(fetch("INC-2026-0020", "vendor.case.update").getId(), "test",
                "VENDOR_CASE_REFUSED", "case CS0020 is closed");

        Task refused = task("AnswerNotTaken", escalation);
        BpmnAwareTests.assertThat(refused).hasCandidateGroup("incident-commanders")
                .hasName("StoreCo would not take our answer on INC-2026-0020");
        assertThat(engine.getTaskService().getVariable(refused.getId(), "vendorCaseError")).isEqualTo("case CS0020 is closed");
        assertThat(timeline("INC-2026-0020")).containsExactly(
                "VENDORS StoreCo would not take our answer on case CS0020: case CS0020 is closed");
        complete(refused);
        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose");
    }

    @Test
    void aRefusedRaiseOrEvidenceOrReopenLeavesTheCaseWorked() {
        ProcessInstance escalation = opened("INC-2026-0021", "CS0021", null);
        execute(job("AckSlaExpired", escalation));
        engine.getExternalTaskService().handleBpmnError(fetch("INC-2026-0021", "vendor.case.update").getId(), "test",
                "VENDOR_CASE_REFUSED", "priority is set by the vendor");
        BpmnAwareTests.assertThat(escalation).hasPassed("PriorityNotRaised").isWaitingAt("AwaitAck", "VendorSlaBreached");
        acknowledged("INC-2026-0021", "CS0021");

        vendorSays("VendorDisputed", "INC-2026-0021", "CS0021", 131L, "Not ours");
        complete(task("GatherDisputeEvidence", escalation), withVariables("vendorRebuttal", "It is."));
        engine.getExternalTaskService().handleBpmnError(fetch("INC-2026-0021", "vendor.case.update").getId(), "test",
                "VENDOR_CASE_REFUSED", "case closed");
        BpmnAwareTests.assertThat(task("DisputeEvidenceNotTaken", escalation)).hasCandidateGroup("incident-commanders");

        vendorSays("VendorResolved", "INC-2026-0021", "CS0021", 141L, "Fixed");
        complete(task("ConfirmVendorFix", escalation), withVariables("vendorFixConfirmed", false));
        LockedExternalTask reopen = fetch("INC-2026-0021", "vendor.case.update");
        assertThat(reopen.getVariables()).containsEntry("vendorText", "The fault is still there after your fix; please reopen the case.");
        engine.getExternalTaskService().handleBpmnError(reopen.getId(), "test", "VENDOR_CASE_REFUSED", "case closed");
        BpmnAwareTests.assertThat(task("ReopenNotTaken", escalation)).hasName("StoreCo would not reopen its case for INC-2026-0021");
        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose", "VendorSlaBreached", "DisputeEvidenceNotTaken", "ReopenNotTaken");
    }

    @Test
    void aCaseTheVendorWillNotCloseIsClosedOnOurSideAllTheSame() {
        ProcessInstance escalation = opened("INC-2026-0022", "CS0022", null);
        acknowledged("INC-2026-0022", "CS0022");
        incidentClosed("INC-2026-0022");
        decideKeep(escalation, "close", null);

        engine.getExternalTaskService().handleBpmnError(fetch("INC-2026-0022", "vendor.case.close").getId(), "test",
                "VENDOR_CASE_REFUSED", "case CS0022 was closed by the vendor");

        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("CaseGoneAtVendor");
        assertThat(vendors.lines).endsWith("closed storeco CS0022");
        assertThat(timeline("INC-2026-0022")).containsExactly(
                "VENDORS StoreCo would not close case CS0022: case CS0022 was closed by the vendor");
    }

    private void withholdNotice(ProcessInstance incident) {
        ProcessInstance notice = runtimeService().createProcessInstanceQuery().superProcessInstanceId(incident.getId())
                .active().singleResult();
        complete(BpmnAwareTests.externalTask(notice), withVariables("notice_en_subject", "s", "notice_en_text", "t"));
        complete(task(notice), withVariables("noticeDecision", "withhold"));
    }

    @Test
    void aCaseKeptAfterTheIncidentClosesStillTakesDisputesAndBreachesItsSlaUntilItIsClosed() {
        ProcessInstance escalation = opened("INC-2026-0030", "CS0030", "+31201110000");

        // when the incident closes before StoreCo answered, and the commander keeps the case
        incidentClosed("INC-2026-0030");
        decideKeep(escalation, "keep", "StoreCo still blames our configuration");

        // then nothing is closed, and the case is worked as before
        assertThat(fetchAll("INC-2026-0030", "vendor.case.close")).isEmpty();
        assertThat(vendors.lines).containsExactly("opened storeco CS0030", "keep storeco CS0030");
        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitAck", "CloseKeptCase");
        BpmnAwareTests.assertThat(task("CloseKeptCase", escalation)).hasCandidateGroup("incident-commanders")
                .hasName("StoreCo's case CS0030 stays open after INC-2026-0030: close it once settled");

        // and the vendor's dispute opens the dispute path
        assertThat(vendorSays("VendorDisputed", "INC-2026-0030", "CS0030", 301L,
                "This is not a fault of our array. The problem is in your configuration.")).isEqualTo(1);
        BpmnAwareTests.assertThat(task("GatherDisputeEvidence", escalation)).hasCandidateGroup("incident-commanders");

        // and the response time still holds: its breach raises the priority and tells the commander
        execute(job("AckSlaExpired", escalation));
        assertThat(vendors.lines).endsWith("sla breached storeco CS0030");
        assertThat(fetch("INC-2026-0030", "vendor.case.update").getVariables()).containsEntry("vendorCaseStep", "priority-1");
        BpmnAwareTests.assertThat(task("VendorSlaBreached", escalation)).isNotNull();

        // when a commander closes the kept case
        caseClosed(escalation);

        // then what was open ends and the case is closed at the vendor
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(escalation.getId()).list()).isEmpty();
        completeTask(fetch("INC-2026-0030", "vendor.case.close"), Map.of());
        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("CaseClosed");
        assertThat(vendors.lines).endsWith("closed storeco CS0030");
    }

    @Test
    void anAcknowledgedCaseKeptOpenWaitsUntilItIsClosed() {
        ProcessInstance escalation = opened("INC-2026-0031", "CS0031", null);
        acknowledged("INC-2026-0031", "CS0031");
        incidentClosed("INC-2026-0031");
        decideKeep(escalation, "keep", "firmware fix promised for next week");

        assertThat(vendorSays("VendorRequested", "INC-2026-0031", "CS0031", 311L, "Please send the new logs")).isEqualTo(1);
        BpmnAwareTests.assertThat(escalation).isWaitingAt("AwaitClose", "AnswerVendorRequest", "CloseKeptCase");
        assertThat(fetchAll("INC-2026-0031", "vendor.case.close")).isEmpty();

        caseClosed(escalation);

        BpmnAwareTests.assertThat(escalation).isWaitingAt("CloseCase");
    }

    @Test
    void keepingACaseWithoutAReasonOrWithoutAnAnswerIsRefusedAndTheQuestionStays() {
        ProcessInstance escalation = opened("INC-2026-0032", "CS0032", null);
        incidentClosed("INC-2026-0032");
        Task keep = task("KeepVendorCase", escalation);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(keep,
                        withVariables("keepVendorCase", "keep", "keepVendorCaseReason", " ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Say why");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(keep, withVariables("keepVendorCase", "maybe")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Choose");

        assertThat(task("KeepVendorCase", escalation).getId()).isEqualTo(keep.getId());
        assertThat(fetchAll("INC-2026-0032", "vendor.case.close")).isEmpty();
        assertThat(vendors.lines).containsExactly("opened storeco CS0032");
    }

    @Test
    void aPermissionRequestIsAnsweredWithAYesOrANoAndARefusalSaysWhy() {
        ProcessInstance escalation = opened("INC-2026-0033", "CS0033", null);
        acknowledged("INC-2026-0033", "CS0033");
        vendorSays("VendorRequested", "INC-2026-0033", "CS0033", 331L, "May we restart both storage controllers at 02:00?");

        Task ask = task("AnswerVendorRequest", escalation);
        BpmnAwareTests.assertThat(ask).hasName("StoreCo asks permission on INC-2026-0033: May we restart both storage controllers at 02:00?");
        assertThat(engine.getTaskService().getVariable(ask.getId(), "vendorDecisionNeeded")).isEqualTo(true);

        // a plain answer, or a refusal without a reason, is refused and the task stays
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(ask, withVariables("vendorAnswer", "ok")))
                .isInstanceOf(FormFieldValidationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(ask,
                        withVariables("vendorDecision", "refuse", "vendorAnswer", "Not tonight.")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("why");
        assertThat(fetchAll("INC-2026-0033", "vendor.case.update")).isEmpty();

        complete(ask, withVariables("vendorDecision", "refuse", "vendorDecisionReason", "month-end billing runs until 06:00",
                "vendorAnswer", "Please restart at 07:00 instead."));

        LockedExternalTask answer = fetch("INC-2026-0033", "vendor.case.update");
        assertThat(answer.getVariables()).containsEntry("vendorCaseStep", "answer-331")
                .containsEntry("vendorText", "Refused: month-end billing runs until 06:00\n\nPlease restart at 07:00 instead.");
        completeTask(answer, Map.of());
        assertThat(vendors.lines).endsWith("answered CS0033 refuse");
        assertThat(timeline("INC-2026-0033")).endsWith(
                "VENDORS Answered StoreCo on case CS0033: Refused: month-end billing runs until 06:00\n\nPlease restart at 07:00 instead.");
    }

    @Test
    void anApprovalIsSentAsApproved() {
        ProcessInstance escalation = opened("INC-2026-0034", "CS0034", null);
        vendorSays("VendorRequested", "INC-2026-0034", "CS0034", 341L, "We need to restart controller B.");

        complete(task("AnswerVendorRequest", escalation), withVariables("vendorDecision", "approve",
                "vendorAnswer", "Go ahead; traffic is off array A3."));

        assertThat(fetch("INC-2026-0034", "vendor.case.update").getVariables())
                .containsEntry("vendorText", "Approved: Go ahead; traffic is off array A3.");
    }

    /** A commander's reclassification delivers the message again under its new class; each class has its path. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"VendorDisputed, GatherDisputeEvidence", "VendorRequested, AnswerVendorRequest",
            "VendorResolved, ConfirmVendorFix"})
    void aMessageReclassifiedAfterTheIncidentClosedFollowsItsNewPathOnAKeptCase(String message, String task) {
        ProcessInstance escalation = opened("INC-2026-0035", "CS0035", null);
        acknowledged("INC-2026-0035", "CS0035");
        incidentClosed("INC-2026-0035");
        decideKeep(escalation, "keep", "dispute expected");
        String text = "This is not a fault of our array. The problem is in your configuration.";
        assertThat(vendorSays("VendorReplied", "INC-2026-0035", "CS0035", 351L, text)).as("a reply has no path").isZero();

        assertThat(vendorSays(message, "INC-2026-0035", "CS0035", 351L, text)).isEqualTo(1);

        Task opened = task(task, escalation);
        assertThat(engine.getTaskService().getVariable(opened.getId(), "vendorMessageText")).isEqualTo(text);
        assertThat(engine.getTaskService().getVariable(opened.getId(), "vendorMessageId")).isEqualTo(351L);
    }

    @Test
    void aKeptCaseClosedInTasklistEndsWhatIsOpenAndIsClosedAtTheVendor() {
        ProcessInstance escalation = opened("INC-2026-0036", "CS0036", null);
        acknowledged("INC-2026-0036", "CS0036");
        incidentClosed("INC-2026-0036");
        decideKeep(escalation, "keep", "StoreCo blames our configuration");
        vendorSays("VendorDisputed", "INC-2026-0036", "CS0036", 361L, "Not our fault.");

        complete(task("CloseKeptCase", escalation), withVariables("closeKeptCaseReason", "StoreCo accepted the firmware bug"));

        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(escalation.getId()).list()).isEmpty();
        completeTask(fetch("INC-2026-0036", "vendor.case.close"), Map.of());
        BpmnAwareTests.assertThat(escalation).isEnded().hasPassed("KeptCaseSettled", "CaseClosed");
        assertThat(timeline("INC-2026-0036")).containsExactly(
                "VENDORS Closing StoreCo's case CS0036, kept open after the incident: StoreCo accepted the firmware bug");
        assertThat(vendors.lines).endsWith("closed storeco CS0036");
    }
}
