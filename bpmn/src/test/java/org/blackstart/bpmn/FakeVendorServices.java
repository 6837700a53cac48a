package org.blackstart.bpmn;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the platform's vendor beans in process tests ({@code vendorCases},
 * {@code vendorEscalations}, {@code vendorRequests}), keeping what they were asked so tests can check it. Closing an
 * incident correlates {@code IncidentClosed} to every escalation of the incident, as the platform does.
 */
public class FakeVendorServices {

    final List<String> lines = new CopyOnWriteArrayList<>();

    static FakeVendorServices register() {
        FakeVendorServices fake = new FakeVendorServices();
        Mocks.register("vendorCases", fake.new Cases());
        Mocks.register("vendorEscalations", fake.new Escalations());
        Requests requests = fake.new Requests();
        Mocks.register("vendorRequests", requests);
        Mocks.register("vendorRequestAnswered", (JavaDelegate) requests::answered);
        Cases cases = fake.new Cases();
        Mocks.register("vendorCaseKeepDecided", (JavaDelegate) cases::keepDecided);
        return fake;
    }

    public class Cases {
        public void opened(DelegateExecution execution) {
            lines.add("opened " + execution.getVariable("vendor") + " " + execution.getVariable("vendorCaseNumber"));
        }

        public void slaBreached(DelegateExecution execution) {
            lines.add("sla breached " + execution.getVariable("vendor") + " " + execution.getVariable("vendorCaseNumber"));
        }

        public void closed(DelegateExecution execution) {
            lines.add("closed " + execution.getVariable("vendor") + " " + execution.getVariable("vendorCaseNumber"));
        }

        public void keepDecided(DelegateExecution execution) {
            Object keep = execution.getVariable("keepVendorCase");
            Object reason = execution.getVariable("keepVendorCaseReason");
            if (!"keep".equals(keep) && !"close".equals(keep)) {
                throw new FormFieldValidationException("keepVendorCase", "Choose whether to keep the case.");
            }
            if ("keep".equals(keep) && (reason == null || reason.toString().isBlank())) {
                throw new FormFieldValidationException("keepVendorCaseReason", "Say why the case stays open.");
            }
            lines.add(keep + " " + execution.getVariable("vendor") + " " + execution.getVariable("vendorCaseNumber"));
        }

        public void disputeSettled(DelegateExecution execution) {
            lines.add("dispute settled " + execution.getVariable("vendorCaseNumber") + " "
                    + execution.getVariable("disputeOutcome") + ": " + execution.getVariable("disputeNote"));
        }
    }

    /** As the platform's vendorRequests: "restart" asks permission; a refusal needs a reason. */
    public class Requests {
        public boolean asksPermission(String subject, String text) {
            return (subject + " " + text).toLowerCase(Locale.ROOT).contains("restart");
        }

        public void answered(DelegateExecution execution) {
            Object decision = execution.getVariable("vendorDecision");
            String reason = (String) execution.getVariable("vendorDecisionReason");
            String answer = (String) execution.getVariable("vendorAnswer");
            boolean needed = Boolean.TRUE.equals(execution.getVariable("vendorDecisionNeeded"));
            if ((decision == null || "answer".equals(decision)) && needed) {
                throw new FormFieldValidationException("vendorDecision", "approve or refuse the request.");
            }
            if ("refuse".equals(decision) && (reason == null || reason.isBlank())) {
                throw new FormFieldValidationException("vendorDecisionReason", "Say why you refuse.");
            }
            String text = "approve".equals(decision) ? "Approved: " + answer
                    : "refuse".equals(decision) ? "Refused: " + reason + "\n\n" + answer : answer;
            execution.setVariableLocal("vendorAnswerText", text);
            lines.add("answered " + execution.getVariable("vendorCaseNumber") + " " + (decision == null ? "answer" : decision));
        }
    }

    public class Escalations {
        public void incidentClosed(DelegateExecution execution) {
            lines.add("incident closed " + execution.getProcessBusinessKey());
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation("IncidentClosed")
                    .processInstanceBusinessKey(execution.getProcessBusinessKey()).correlateAllWithResult();
        }
    }
}
