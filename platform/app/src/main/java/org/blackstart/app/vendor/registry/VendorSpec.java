package org.blackstart.app.vendor.registry;

import java.util.List;
import java.util.Map;

/**
 * A vendor as an operator writes it, in YAML ({@code blackstart.vendors.registry.<id>}) or as the
 * JSON body of {@code PUT /api/vendors/<id>}: plain text, checked by {@link VendorValidator} into a
 * {@link Vendor}. Kept untyped so that a wrong value is reported with its field and the rule,
 * rather than as a conversion failure.
 *
 * @param name            the vendor's name, for people
 * @param kind            storage | datacenter-host | network | software
 * @param contract        the support contract, e.g. "Gold 24x7, contract 4711"
 * @param supportChannels how else the vendor is reached (portal, hotline), one line each
 * @param ackSla          ISO-8601 response time per severity: {@code SEV1: PT30M} ... {@code SEV4: P1D}, all four
 * @param contacts        people at the vendor; the one with role {@code duty-manager} is called on an SLA breach
 * @param ticketing       {@code system} (servicenow | jira | rest | email, default email) and {@code account}
 *                        (the plugin's account name, default the vendor id)
 * @param mailSenders     who may write for the vendor by e-mail: addresses ({@code support@storeco.example})
 *                        and whole domains ({@code @storeco.example}); an e-mail from anyone else never
 *                        reaches the vendor's cases, it is parked for a person
 */
public record VendorSpec(String name, String kind, String contract, List<String> supportChannels,
                         Map<String, String> ackSla, List<ContactSpec> contacts, Map<String, String> ticketing,
                         List<String> mailSenders) {

    /** A person at the vendor; {@code phone} in E.164. */
    public record ContactSpec(String name, String role, String phone, String email) {
    }
}
