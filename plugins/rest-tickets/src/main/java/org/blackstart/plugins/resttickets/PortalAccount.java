package org.blackstart.plugins.resttickets;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One account's configuration, checked and compiled when the platform starts: templates whose
 * placeholders the calls can fill, bodies that are JSON once filled in, JSON Pointers that parse.
 * Anything wrong stops the start with a message that names the configuration key.
 */
final class PortalAccount {

    /** What every call can fill in. */
    static final Set<String> STEP_VALUES = Set.of("subject", "description", "text", "priority", "priorityLabel", "severity",
            "incidentKey", "vendor", "vendorName", "step", "reference");
    /** What calls on an open case can fill in besides. */
    static final Set<String> CASE_VALUES = Set.of("caseId", "caseNumber");
    /** What paths can fill in: ids and keys, not free text. */
    static final Set<String> PATH_VALUES = Set.of("incidentKey", "vendor", "step", "reference", "caseId", "caseNumber");

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final RestTicketsProperties.Account account;
    final Template openPath;
    final Template openBody;
    final JsonPointer caseNumber;
    final JsonPointer caseId;
    final JsonPointer url;
    final Template updatePath;
    final Template updateBody;
    final Template closePath;
    final Template closeBody;
    final Template attachmentsPath;
    final JsonPointer inCaseNumber;
    final JsonPointer inMessageId;
    final JsonPointer inAuthor;
    final JsonPointer inText;
    final JsonPointer inKind;
    final JsonPointer inStatus;
    final JsonPointer inSubject;

    private PortalAccount(String name, RestTicketsProperties.Account account) {
        this.name = name;
        this.account = account;
        String key = RestTicketsProperties.PREFIX + ".accounts." + name + ".";
        Set<String> openPathValues = Set.of("incidentKey", "vendor", "step", "reference");
        Set<String> caseValues = union(STEP_VALUES, CASE_VALUES);
        Set<String> casePath = PATH_VALUES;

        RestTicketsProperties.Open open = account.open();
        openPath = new Template(key + "open.path", open.path(), openPathValues);
        openBody = jsonTemplate(key + "open.body", open.body(), STEP_VALUES);
        caseNumber = pointer(key + "open.case-number", open.caseNumber());
        caseId = RestTicketsProperties.present(open.caseId()) ? pointer(key + "open.case-id", open.caseId()) : null;
        url = RestTicketsProperties.present(open.url()) ? pointer(key + "open.url", open.url()) : null;

        updatePath = new Template(key + "update.path", account.update().path(), casePath);
        updateBody = jsonTemplate(key + "update.body", account.update().body(), caseValues);
        RestTicketsProperties.Close close = account.close();
        closePath = close == null ? null : new Template(key + "close.path", close.path(), casePath);
        closeBody = close == null ? null : jsonTemplate(key + "close.body", close.body(), caseValues);
        attachmentsPath = account.attachments() == null ? null
                : new Template(key + "attachments.path", account.attachments().path(), casePath);

        RestTicketsProperties.Inbound inbound = account.inbound();
        inCaseNumber = pointer(key + "inbound.case-number", inbound.caseNumber());
        inMessageId = pointer(key + "inbound.message-id", inbound.messageId());
        inAuthor = optionalPointer(key + "inbound.author", inbound.author());
        inText = optionalPointer(key + "inbound.text", inbound.text());
        inKind = optionalPointer(key + "inbound.kind", inbound.kind());
        inStatus = optionalPointer(key + "inbound.status", inbound.status());
        inSubject = optionalPointer(key + "inbound.subject", inbound.subject());
    }

    /** Compiles every account, or throws naming the first wrong key. */
    static Map<String, PortalAccount> compile(RestTicketsProperties properties) {
        Map<String, PortalAccount> accounts = new LinkedHashMap<>();
        properties.accounts().forEach((name, account) -> accounts.put(name, new PortalAccount(name, account)));
        return Map.copyOf(accounts);
    }

    /** Sample values: a body must be JSON whatever the texts hold (quotes, new lines, non-ASCII). */
    static Map<String, String> sample() {
        Map<String, String> values = new HashMap<>();
        union(STEP_VALUES, CASE_VALUES).forEach(name -> values.put(name, "\"quoted\"\nline\\ \u00e9"));
        values.put("priority", "1");
        return values;
    }

    private static Template jsonTemplate(String key, String source, Set<String> allowed) {
        Template template = new Template(key, source, allowed);
        try {
            JSON.readTree(template.json(sample()));
        } catch (IOException e) {
            throw new Template.InvalidTemplate(key + " is not JSON once its placeholders are filled in: "
                    + e.getMessage().lines().findFirst().orElse("") + "; put string placeholders in quotes, e.g. "
                    + "\"${subject}\"");
        }
        return template;
    }

    private static JsonPointer pointer(String key, String pointer) {
        try {
            return JsonPointer.compile(pointer.strip());
        } catch (IllegalArgumentException e) {
            throw new Template.InvalidTemplate(key + " is not a JSON Pointer (RFC 6901), e.g. /data/caseNumber: " + pointer);
        }
    }

    private static JsonPointer optionalPointer(String key, String pointer) {
        return RestTicketsProperties.present(pointer) ? pointer(key, pointer) : null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
