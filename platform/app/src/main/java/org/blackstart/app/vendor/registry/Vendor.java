package org.blackstart.app.vendor.registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blackstart.app.incident.Severity;

/**
 * A checked vendor of the registry: every field valid, defaults filled in.
 *
 * @param ackSla      the response time the contract promises, for every severity
 * @param mailSenders who may write for the vendor by e-mail
 */
public record Vendor(String id, String name, VendorKind kind, String contract, List<String> supportChannels,
                     Map<Severity, Duration> ackSla, List<Contact> contacts, Ticketing ticketing, MailSenders mailSenders) {

    /** The role of the contact who is called when the vendor misses its response time. */
    public static final String DUTY_MANAGER = "duty-manager";

    public record Contact(String name, String role, String phone, String email) {
    }

    /**
     * @param system  the ticketing plugin's slug: servicenow, jira, rest or email
     * @param account the plugin's account name for this vendor
     */
    public record Ticketing(String system, String account) {
    }

    public Vendor {
        supportChannels = List.copyOf(supportChannels);
        ackSla = Map.copyOf(ackSla);
        contacts = List.copyOf(contacts);
    }

    public Duration ackSlaFor(Severity severity) {
        return ackSla.get(severity);
    }

    public Optional<Contact> dutyManager() {
        return contacts.stream().filter(c -> DUTY_MANAGER.equals(c.role())).findFirst();
    }

    /** The vendor as it is written: what the API shows and stores. */
    public VendorSpec toSpec() {
        Map<String, String> sla = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            sla.put(severity.name(), ackSla.get(severity).toString());
        }
        Map<String, String> ticketingSpec = new LinkedHashMap<>();
        ticketingSpec.put("system", ticketing.system());
        ticketingSpec.put("account", ticketing.account());
        return new VendorSpec(name, kind.slug(), contract, supportChannels, sla,
                contacts.stream().map(c -> new VendorSpec.ContactSpec(c.name(), c.role(), c.phone(), c.email())).toList(),
                ticketingSpec, mailSenders.entries());
    }
}
