package org.blackstart.plugins.servicenow;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;

/** The plugin wired against a {@link ServiceNowSimulation}, as its auto-configuration would wire it. */
final class SimulatedServiceNow {

    static final String ACCOUNT = "storeco";

    private SimulatedServiceNow() {
    }

    static ServiceNowProperties.Account account(ServiceNowSimulation sn, ServiceNowProperties.Auth auth, String password) {
        return new ServiceNowProperties.Account(sn.baseUrl(), "incident", auth, ServiceNowSimulation.USERNAME, password,
                auth == ServiceNowProperties.Auth.OAUTH ? ServiceNowSimulation.CLIENT_ID : null,
                auth == ServiceNowProperties.Auth.OAUTH ? ServiceNowSimulation.CLIENT_SECRET : null,
                "blackstart.integration", "StoreCo Storage Support", "Hosting Example B.V.", "hardware", null, 6,
                "Solved (Permanently)", "Closed by Blackstart: the incident is closed.",
                ServiceNowSimulation.WEBHOOK_SECRET, Duration.ofMinutes(1), List.of(), List.of("1"),
                List.of("Not a product defect", "Not Solved (Not Reproducible)"), null);
    }

    static ServiceNowProperties properties(ServiceNowSimulation sn) {
        return properties(account(sn, ServiceNowProperties.Auth.BASIC, ServiceNowSimulation.PASSWORD));
    }

    static ServiceNowProperties properties(ServiceNowProperties.Account account) {
        return new ServiceNowProperties(Map.of(ACCOUNT, account), Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    static ServiceNowAccounts accounts(ServiceNowProperties properties) {
        return new ServiceNowAccounts(properties, Clock.systemUTC());
    }

    static ServiceNowCaseRoutes routes(ServiceNowAccounts accounts, DeliveryLedger ledger, CaseEvidence evidence) {
        return new ServiceNowCaseRoutes(new ServiceNowCases(accounts, ledger, evidence, Duration.ofMinutes(2)));
    }

    /** Process variables of a {@code vendor.case.*} task for StoreCo on ServiceNow. */
    static Map<String, Object> task(String step, String caseNumber, String caseId, int priority, String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VendorCase.Variables.VENDOR, "storeco");
        variables.put(VendorCase.Variables.VENDOR_NAME, "StoreCo");
        variables.put(VendorCase.Variables.SYSTEM, "servicenow");
        variables.put(VendorCase.Variables.ACCOUNT, ACCOUNT);
        variables.put(VendorCase.Variables.STEP, step);
        variables.put(VendorCase.Variables.PRIORITY, priority);
        variables.put(VendorCase.Variables.SEVERITY, "SEV1");
        variables.put(VendorCase.Variables.SUBJECT, "Storage array A latency above 2 s");
        variables.put(VendorCase.Variables.TEXT, text);
        if (caseNumber != null) {
            variables.put(VendorCase.Variables.CASE_NUMBER, caseNumber);
        }
        if (caseId != null) {
            variables.put(VendorCase.Variables.CASE_ID, caseId);
        }
        return variables;
    }

    static Map<String, Object> openTask() {
        return task("open", null, null, 1, "Array A answers reads in over 2 s since 09:12; please investigate.");
    }
}
