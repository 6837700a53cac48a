package org.blackstart.plugins.jira;

import org.blackstart.spi.AccountHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.ActionTicket;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;

/** Plugin settings and wiring that point at the test kit's Jira Service Management site. */
final class SimulatedJira {

    static final String ACCOUNT = "storeco";

    private SimulatedJira() {
    }

    static JiraProperties.Account account(JiraServiceDeskSimulation jira, String apiToken) {
        return new JiraProperties.Account(jira.baseUrl(), JiraServiceDeskSimulation.EMAIL, apiToken, null,
                JiraServiceDeskSimulation.SERVICE_DESK_ID, JiraServiceDeskSimulation.REQUEST_TYPE_ID, Map.of(),
                null, JiraServiceDeskSimulation.OWN_ACCOUNT_ID, JiraServiceDeskSimulation.WEBHOOK_SECRET,
                List.of("Resolve", "Close"), List.of("In Progress"), List.of("Waiting for customer"),
                List.of("Resolved", "Done"), List.of("Closed"), List.of("Won't Do", "Not a bug"));
    }

    static JiraProperties properties(JiraProperties.Account account) {
        return new JiraProperties(Map.of(ACCOUNT, account), Duration.ofSeconds(5), Duration.ofMinutes(2),
                List.of("Jira Service Management Cloud"), null);
    }

    /** The team's own project on the simulated site, for action items. */
    static JiraProperties.Actions actions(JiraServiceDeskSimulation jira, String project) {
        return new JiraProperties.Actions(jira.baseUrl(), JiraServiceDeskSimulation.EMAIL, JiraServiceDeskSimulation.API_TOKEN,
                null, project, "Task", List.of("blackstart", "action-item"), List.of("Done"),
                JiraServiceDeskSimulation.OWN_ACCOUNT_ID, JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET);
    }

    static JiraProperties actionsOnly(JiraProperties.Actions actions) {
        return new JiraProperties(Map.of(), Duration.ofSeconds(5), Duration.ofMinutes(2),
                List.of("Jira Cloud"), actions);
    }

    /** The variables action-item gives an {@code actions.ticket.*} task. */
    static Map<String, Object> actionItem(String ticketKey) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ActionTicket.Variables.ITEM_ID, 3L);
        variables.put(ActionTicket.Variables.TITLE, "Add second feed to rack B");
        variables.put(ActionTicket.Variables.KIND, "prevent");
        variables.put(ActionTicket.Variables.OWNER, "oncall-1");
        variables.put(ActionTicket.Variables.DUE_ON, "2026-12-22");
        variables.put(ActionTicket.Variables.LINK, "https://blackstart.example/incidents/INC-2026-0042");
        if (ticketKey != null) {
            variables.put(ActionTicket.Results.TICKET_SYSTEM, "jira");
            variables.put(ActionTicket.Results.TICKET_KEY, ticketKey);
        }
        return variables;
    }

    static JiraProperties properties(JiraServiceDeskSimulation jira) {
        return properties(account(jira, JiraServiceDeskSimulation.API_TOKEN));
    }

    static JiraCaseRoutes routes(JiraProperties properties, AccountHealth health, DeliveryLedger ledger, CaseEvidence evidence) {
        return new JiraCaseRoutes(new JiraCases(JiraPluginAutoConfiguration.desks(properties, health), ledger, evidence,
                properties));
    }

    static AccountHealth health() {
        return new AccountHealth(Clock.systemUTC());
    }

    /** The variables vendor-escalation gives a {@code vendor.case.*} task for storeco on Jira. */
    static Map<String, Object> step(String step, String caseNumber, int priority, String subject, String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VendorCase.Variables.SYSTEM, JiraCases.SYSTEM);
        variables.put(VendorCase.Variables.VENDOR, "storeco");
        variables.put(VendorCase.Variables.VENDOR_NAME, "StoreCo Storage");
        variables.put(VendorCase.Variables.ACCOUNT, ACCOUNT);
        variables.put(VendorCase.Variables.STEP, step);
        variables.put(VendorCase.Variables.PRIORITY, priority);
        variables.put(VendorCase.Variables.SEVERITY, "SEV1");
        variables.put(VendorCase.Variables.SUBJECT, subject);
        variables.put(VendorCase.Variables.TEXT, text);
        if (caseNumber != null) {
            variables.put(VendorCase.Variables.CASE_NUMBER, caseNumber);
        }
        return variables;
    }

    static Map<String, Object> open() {
        return step("open", null, 1, "INC-2026-0042: array A latency above 2 s after firmware 4.2.1",
                "Since 09:12 array A answers in more than 2 s; mail storage is degraded. Please investigate the controller.");
    }
}
