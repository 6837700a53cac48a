package org.blackstart.bpmn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the platform's vendor beans in process tests ({@code vendorCases},
 * {@code vendorEscalations}), keeping what they were asked so tests can check it. Closing an
 * incident correlates {@code IncidentClosed} to every escalation of the incident, as the platform does.
 */
public class FakeVendorServices {

    final List<String> lines = new CopyOnWriteArrayList<>();

    static FakeVendorServices register() {
        FakeVendorServices fake = new FakeVendorServices();
        Mocks.register("vendorCases", fake.new Cases());
        Mocks.register("vendorEscalations", fake.new Escalations());
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

        public void disputeSettled(DelegateExecution execution) {
            lines.add("dispute settled " + execution.getVariable("vendorCaseNumber") + " "
                    + execution.getVariable("disputeOutcome") + ": " + execution.getVariable("disputeNote"));
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
