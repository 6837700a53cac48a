package org.blackstart.plugins.resttickets;

import org.blackstart.spi.AccountHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.testkit.resttickets.VendorPortalSimulation;

/** An account configured for the test kit's vendor portal, as an operator would write it. */
final class SimulatedPortal {

    static final String ACCOUNT = "hostly";
    static final String SECRET = "hostly-portal-webhook-secret-5d1e";
    static final String OPEN_BODY = """
            {"title": "${subject}", "body": "${description}", "severity": "${priorityLabel}",
             "customerReference": "${incidentKey}", "requestedBy": "${vendor}"}""";
    static final String UPDATE_BODY = "{\"text\": \"${text}\", \"priority\": ${priority}}";
    static final String CLOSE_BODY = "{\"reason\": \"Incident ${incidentKey} closed\"}";

    private SimulatedPortal() {
    }

    static RestTicketsProperties.Account account(VendorPortalSimulation portal, String token, boolean withClose) {
        return new RestTicketsProperties.Account(portal.baseUrl(),
                new RestTicketsProperties.Auth(RestTicketsProperties.Auth.Type.BEARER, null, null, token, null, null),
                new RestTicketsProperties.Open("POST", "/api/cases", OPEN_BODY, "/data/caseNumber", "/data/id",
                        "/data/links/web"),
                new RestTicketsProperties.Update("POST", "/api/cases/${caseId}/comments", UPDATE_BODY),
                withClose ? new RestTicketsProperties.Close("POST", "/api/cases/${caseId}/close", CLOSE_BODY) : null,
                new RestTicketsProperties.Attachments("/api/cases/${caseId}/files", VendorPortalSimulation.FILE_PART),
                SECRET, "X-Portal-Secret",
                new RestTicketsProperties.Inbound("/case/number", "/event/id", "/event/author/name", "/event/message",
                        "/event/type", "/case/state", null,
                        Map.of("customer-action-required", VendorMessage.Kind.REQUEST,
                                "not-our-fault", VendorMessage.Kind.DISPUTE, "fixed", VendorMessage.Kind.RESOLVED,
                                "assigned", VendorMessage.Kind.ACKNOWLEDGED),
                        VendorMessage.Kind.REPLY));
    }

    static RestTicketsProperties properties(RestTicketsProperties.Account account) {
        return new RestTicketsProperties(Map.of(ACCOUNT, account), Duration.ofSeconds(5), Duration.ofMinutes(2),
                List.of("hostly portal"));
    }

    static RestTicketsProperties properties(VendorPortalSimulation portal) {
        return properties(account(portal, VendorPortalSimulation.TOKEN, true));
    }

    static AccountHealth health() {
        return new AccountHealth(Clock.systemUTC());
    }

    static RestTicketsCaseRoutes routes(RestTicketsProperties properties, AccountHealth health, DeliveryLedger ledger,
                                        CaseEvidence evidence) {
        return new RestTicketsCaseRoutes(new PortalCases(PortalAccount.compile(properties), health, ledger, evidence,
                properties));
    }

    static Map<String, Object> step(String step, String caseNumber, String caseId, int priority, String subject, String text) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VendorCase.Variables.SYSTEM, PortalCases.SYSTEM);
        variables.put(VendorCase.Variables.VENDOR, "hostly");
        variables.put(VendorCase.Variables.VENDOR_NAME, "Hostly Datacenters");
        variables.put(VendorCase.Variables.ACCOUNT, ACCOUNT);
        variables.put(VendorCase.Variables.STEP, step);
        variables.put(VendorCase.Variables.PRIORITY, priority);
        variables.put(VendorCase.Variables.SEVERITY, "SEV2");
        variables.put(VendorCase.Variables.SUBJECT, subject);
        variables.put(VendorCase.Variables.TEXT, text);
        if (caseNumber != null) {
            variables.put(VendorCase.Variables.CASE_NUMBER, caseNumber);
            variables.put(VendorCase.Variables.CASE_ID, caseId);
        }
        return variables;
    }

    static Map<String, Object> open() {
        return step("open", null, null, 2, "INC-2026-0042: rack B7 lost \"A\" feed power",
                "Rack B7 lost power on feed A at 23:45;\nthe session service did not switch racks.");
    }
}
