package org.blackstart.plugins.resttickets;

import org.blackstart.spi.AccountHealth;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskResult;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, updates and closes vendor cases on a portal's REST API, effectively once: each step is
 * claimed in the delivery ledger under {@link VendorCase#deliveryKey()}, and every call carries
 * that key's id as {@code Idempotency-Key} (and as {@code ${reference}} for templates), so a retry
 * after a crash between the portal's answer and the ledger's mark is recognisable by the portal.
 */
final class PortalCases {

    static final String SYSTEM = "rest";

    private static final Logger LOG = LoggerFactory.getLogger(PortalCases.class);
    /** How an opened case's number and id are kept in the ledger's reference when they differ. */
    private static final Pattern NUMBER_AND_ID = Pattern.compile("(.+) \\(id (.+)\\)");

    private final Map<String, PortalAccount> accounts;
    private final Map<String, PortalHttp> portals;
    private final DeliveryLedger ledger;
    private final CaseEvidence evidence;
    private final RestTicketsProperties properties;

    PortalCases(Map<String, PortalAccount> accounts, AccountHealth health, DeliveryLedger ledger, CaseEvidence evidence,
                RestTicketsProperties properties) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.evidence = evidence;
        this.properties = properties;
        Map<String, PortalHttp> http = new HashMap<>();
        accounts.forEach((name, account) -> http.put(name, new PortalHttp(account, properties.requestTimeout(), health)));
        this.portals = Map.copyOf(http);
    }

    TaskResult open(VendorCase step) {
        PortalAccount account = account(step);
        PortalHttp http = portals.get(account.name);
        DeliveryKey key = step.deliveryKey();
        return switch (ledger.claim(key, properties.claimLease())) {
            case ALREADY_SENT -> {
                String reference = ledger.sentReference(key).orElseThrow(() -> new PortalApiException("the ledger says case "
                        + "step " + step.step() + " of " + step.incidentKey() + " was sent to vendor portal account '"
                        + account.name + "' but kept no case number"));
                Matcher both = NUMBER_AND_ID.matcher(reference);
                String number = both.matches() ? both.group(1) : reference;
                String id = both.matches() ? both.group(2) : reference;
                yield TaskResult.of(VendorCase.Results.CASE_NUMBER, number).and(VendorCase.Results.CASE_ID, id)
                        .and(VendorCase.Results.ALREADY_SENT, true);
            }
            case IN_PROGRESS -> throw inProgress(step);
            case SEND -> sending(key, () -> {
                EvidenceBundle bundle = evidence.forStep(step);
                Map<String, String> values = values(step, key, bundle);
                String what = "opening a case for " + step.incidentKey();
                PortalHttp.Answer answer = http.sendJson(account.account.open().method(), account.openPath.path(values),
                        account.openBody.json(values), key.id(), what);
                JsonNode json = http.json(answer, what);
                String number = required(http, json, account.caseNumber, "open.case-number", what);
                String id = account.caseId == null ? number : required(http, json, account.caseId, "open.case-id", what);
                String url = account.url == null ? null : json.at(account.url).asText(null);
                values.put("caseNumber", number);
                values.put("caseId", id);
                attach(account, http, bundle, values, key);
                ledger.markSent(key, number.equals(id) ? number : number + " (id " + id + ")");
                TaskResult result = TaskResult.of(VendorCase.Results.CASE_NUMBER, number).and(VendorCase.Results.CASE_ID, id)
                        .and(VendorCase.Results.ALREADY_SENT, false);
                return url == null || url.isBlank() ? result : result.and(VendorCase.Results.CASE_URL, url);
            });
        };
    }

    TaskResult update(VendorCase step) {
        PortalAccount account = account(step);
        PortalHttp http = portals.get(account.name);
        DeliveryKey key = step.deliveryKey();
        return switch (ledger.claim(key, properties.claimLease())) {
            case ALREADY_SENT -> TaskResult.of(VendorCase.Results.ALREADY_SENT, true);
            case IN_PROGRESS -> throw inProgress(step);
            case SEND -> sending(key, () -> {
                EvidenceBundle bundle = evidence.forStep(step);
                Map<String, String> values = caseValues(step, key, bundle);
                http.sendJson(account.account.update().method(), account.updatePath.path(values),
                        account.updateBody.json(values), key.id(), "step " + step.step() + " on case " + step.caseNumber());
                attach(account, http, bundle, values, key);
                ledger.markSent(key, step.caseNumber());
                return TaskResult.of(VendorCase.Results.ALREADY_SENT, false);
            });
        };
    }

    TaskResult close(VendorCase step) {
        PortalAccount account = account(step);
        PortalHttp http = portals.get(account.name);
        if (account.closePath == null) {
            LOG.info("BLACKSTART-REST-001 vendor portal account '{}' has no close call; case {} stays as the vendor has it",
                    account.name, step.caseNumber());
            return TaskResult.of(VendorCase.Results.ALREADY_SENT, false);
        }
        DeliveryKey key = step.deliveryKey();
        return switch (ledger.claim(key, properties.claimLease())) {
            case ALREADY_SENT -> TaskResult.of(VendorCase.Results.ALREADY_SENT, true);
            case IN_PROGRESS -> throw inProgress(step);
            case SEND -> sending(key, () -> {
                Map<String, String> values = caseValues(step, key, EvidenceBundle.none());
                http.sendJson(account.account.close().method(), account.closePath.path(values), account.closeBody.json(values),
                        key.id(), "closing case " + step.caseNumber());
                ledger.markSent(key, step.caseNumber());
                return TaskResult.of(VendorCase.Results.ALREADY_SENT, false);
            });
        };
    }

    private void attach(PortalAccount account, PortalHttp http, EvidenceBundle bundle, Map<String, String> values,
                        DeliveryKey key) {
        if (account.attachmentsPath == null) {
            return;
        }
        String path = account.attachmentsPath.path(values);
        int n = 0;
        for (VendorAttachment file : bundle.attachments()) {
            // One key per file: a portal that honours idempotency keys stores each file once across retries.
            http.sendFile(path, account.account.attachments().field(), file, key.id() + "-" + (++n),
                    "uploading " + file.fileName() + " to case " + values.get("caseNumber"));
        }
    }

    private PortalAccount account(VendorCase step) {
        PortalAccount account = accounts.get(step.account());
        if (account == null) {
            throw new BusinessFailure(VendorCase.CASE_REFUSED, "no vendor portal account '" + step.account()
                    + "' is configured (" + RestTicketsProperties.PREFIX + ".accounts." + step.account() + ") for vendor "
                    + step.vendor());
        }
        return account;
    }

    private TaskResult sending(DeliveryKey key, Supplier<TaskResult> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            ledger.release(key, e.getClass().getSimpleName());
            throw e;
        }
    }

    private static String required(PortalHttp http, JsonNode json, JsonPointer pointer, String setting, String what) {
        JsonNode value = json.at(pointer);
        if (value.isMissingNode() || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw http.malformed(what + ": the answer has nothing at " + pointer + " (" + setting + ")");
        }
        return value.asText();
    }

    private static Map<String, String> values(VendorCase step, DeliveryKey key, EvidenceBundle bundle) {
        Map<String, String> values = new HashMap<>();
        String subject = step.subject().isBlank() ? step.incidentKey() + ": " + step.vendorName() + " escalation" : step.subject();
        values.put("subject", subject);
        values.put("description", bundle.describe(step.text()));
        values.put("text", bundle.describe(step.text()));
        values.put("priority", Integer.toString(step.priority()));
        values.put("priorityLabel", step.priorityLabel());
        values.put("severity", step.severity() == null ? "" : step.severity());
        values.put("incidentKey", step.incidentKey());
        values.put("vendor", step.vendor());
        values.put("vendorName", step.vendorName());
        values.put("step", step.step());
        values.put("reference", key.id());
        return values;
    }

    private static Map<String, String> caseValues(VendorCase step, DeliveryKey key, EvidenceBundle bundle) {
        if (step.caseNumber() == null || step.caseNumber().isBlank()) {
            throw new IllegalArgumentException("case step " + step.step() + " of " + step.incidentKey() + " for vendor "
                    + step.vendor() + " has no vendorCaseNumber; the case must be opened first");
        }
        Map<String, String> values = values(step, key, bundle);
        values.put("caseNumber", step.caseNumber());
        values.put("caseId", step.caseId() == null || step.caseId().isBlank() ? step.caseNumber() : step.caseId());
        return values;
    }

    private RetryLater inProgress(VendorCase step) {
        return new RetryLater(properties.claimLease(), "another worker is sending case step " + step.step() + " of "
                + step.incidentKey() + " to " + step.vendor() + " right now");
    }
}
