package org.blackstart.plugins.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * {@code vendor.case.open}, {@code update} and {@code close} on ServiceNow. Each step is one
 * delivery in the ledger. Opening also looks for a record with our correlation id first, so a
 * worker that died between ServiceNow's create and the ledger's {@code markSent} never leaves the
 * vendor with two cases; the retry finds the first, adds the files it is missing, and completes.
 */
class ServiceNowCases {

    /** Shown to the vendor next to the correlation id: who opened the case. */
    static final String CORRELATION_DISPLAY = "Blackstart";

    /** How far back a retried update looks for its own comment. */
    private static final Duration RECENT_COMMENT = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowCases.class);

    private final ServiceNowAccounts accounts;
    private final DeliveryLedger ledger;
    private final CaseEvidence evidence;
    private final Duration lease;
    private final Clock clock;

    ServiceNowCases(ServiceNowAccounts accounts, DeliveryLedger ledger, CaseEvidence evidence, Duration lease) {
        this(accounts, ledger, evidence, lease, Clock.systemUTC());
    }

    ServiceNowCases(ServiceNowAccounts accounts, DeliveryLedger ledger, CaseEvidence evidence, Duration lease,
                    Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.evidence = evidence;
        this.lease = lease;
        this.clock = clock;
    }

    static String correlationId(VendorCase step) {
        return step.incidentKey() + ":" + step.vendor();
    }

    TaskResult open(VendorCase step) {
        ServiceNowApi api = account(step);
        DeliveryKey key = step.deliveryKey();
        switch (ledger.claim(key, lease)) {
            case ALREADY_SENT -> {
                JsonNode found = api.findByCorrelation(correlationId(step))
                        .or(() -> ledger.sentReference(key).flatMap(api::findByNumber))
                        .orElseThrow(() -> new ServiceNowException("ServiceNow account '" + api.name()
                                + "' has no case for " + correlationId(step) + " although the ledger says it was opened",
                                404));
                return opened(api, found, true);
            }
            case IN_PROGRESS -> throw new RetryLater(lease, "another worker is opening the ServiceNow case for "
                    + correlationId(step));
            default -> {
                // fall through to sending
            }
        }
        try {
            EvidenceBundle bundle = evidence.forStep(step);
            Optional<JsonNode> existing = api.findByCorrelation(correlationId(step));
            JsonNode record = existing.isPresent() ? existing.get() : api.create(caseFields(api.account(), step, bundle));
            String number = record.path("number").asText("");
            String sysId = record.path("sys_id").asText("");
            if (number.isBlank() || sysId.isBlank()) {
                throw new ServiceNowException("ServiceNow account '" + api.name()
                        + "' answered the create without a case number", 0);
            }
            attachMissing(api, sysId, bundle);
            ledger.markSent(key, number);
            if (existing.isPresent()) {
                LOG.info("BLACKSTART-SERVICENOW-001 found case {} for {} on account '{}' from an earlier attempt",
                        number, correlationId(step), api.name());
            }
            return opened(api, record, existing.isPresent());
        } catch (RuntimeException failure) {
            ledger.release(key, failure.getMessage());
            throw failure;
        }
    }

    TaskResult update(VendorCase step) {
        ServiceNowApi api = account(step);
        DeliveryKey key = step.deliveryKey();
        switch (ledger.claim(key, lease)) {
            case ALREADY_SENT -> {
                return TaskResult.of(VendorCase.Results.ALREADY_SENT, true);
            }
            case IN_PROGRESS -> throw new RetryLater(lease, "another worker is sending step " + step.step()
                    + " of ServiceNow case " + step.caseNumber());
            default -> {
                // fall through to sending
            }
        }
        try {
            String sysId = sysIdOf(api, step);
            EvidenceBundle bundle = evidence.forStep(step);
            Map<String, Object> fields = new LinkedHashMap<>();
            // ServiceNow journals a comment with author and time; the vendor reads the answer and the files' names.
            String comment = bundle.describe(step.text());
            if (!comment.isBlank() && !alreadyCommented(api, sysId, comment)) {
                fields.put("comments", comment);
            }
            if (step.step().startsWith("priority-")) {
                ServiceNowProperties.Urgency urgency = api.account().urgencyOf(step.priority());
                fields.put("impact", Integer.toString(urgency.impact()));
                fields.put("urgency", Integer.toString(urgency.urgency()));
            }
            if (!fields.isEmpty()) {
                api.patch(sysId, fields);
            }
            attachMissing(api, sysId, bundle);
            ledger.markSent(key, step.caseNumber() == null ? sysId : step.caseNumber());
            return TaskResult.of(VendorCase.Results.ALREADY_SENT, false);
        } catch (ServiceNowException.NotFound gone) {
            ledger.markRefused(key, gone.getMessage());
            throw refused(step, gone);
        } catch (RuntimeException failure) {
            ledger.release(key, failure.getMessage());
            throw failure;
        }
    }

    TaskResult close(VendorCase step) {
        ServiceNowApi api = account(step);
        DeliveryKey key = step.deliveryKey();
        switch (ledger.claim(key, lease)) {
            case ALREADY_SENT -> {
                return TaskResult.of(VendorCase.Results.ALREADY_SENT, true);
            }
            case IN_PROGRESS -> throw new RetryLater(lease, "another worker is closing ServiceNow case "
                    + step.caseNumber());
            default -> {
                // fall through to sending
            }
        }
        try {
            String sysId = sysIdOf(api, step);
            ServiceNowProperties.Account account = api.account();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("state", Integer.toString(account.closeState()));
            fields.put("close_code", account.closeCode());
            String notes = (account.closeNotes() + "\n\n" + step.text()).strip();
            fields.put("close_notes", notes.isBlank() ? "Closed by Blackstart." : notes);
            api.patch(sysId, fields);
            ledger.markSent(key, step.caseNumber() == null ? sysId : step.caseNumber());
            return TaskResult.of(VendorCase.Results.ALREADY_SENT, false);
        } catch (ServiceNowException.NotFound gone) {
            ledger.markRefused(key, gone.getMessage());
            throw refused(step, gone);
        } catch (RuntimeException failure) {
            ledger.release(key, failure.getMessage());
            throw failure;
        }
    }

    /**
     * True when our integration user wrote exactly this comment on the record within the last hour: the
     * worker that wrote it died before the ledger heard of it, and the vendor must not read it twice.
     */
    private boolean alreadyCommented(ServiceNowApi api, String sysId, String comment) {
        String since = CaseEvent.GLIDE_TIME.format(clock.instant().minus(RECENT_COMMENT)
                .atOffset(java.time.ZoneOffset.UTC).toLocalDateTime());
        String query = "element_id=" + sysId + "^element=comments^sys_created_by=" + api.account().username()
                + "^sys_created_on>=" + since + "^ORDERBYDESCsys_created_on";
        try {
            return api.query("sys_journal_field", query, "sys_id,value", 50).stream()
                    .anyMatch(entry -> comment.strip().equals(entry.path("value").asText("").strip()));
        } catch (ServiceNowException unreadable) {
            // Some instances keep sys_journal_field from integration users; then the update goes out as before.
            LOG.debug("ServiceNow account '{}' cannot read its journal: {}", api.name(), unreadable.getMessage());
            return false;
        }
    }

    private ServiceNowApi account(VendorCase step) {
        ServiceNowApi api = accounts.get(step.account());
        if (api == null) {
            throw new BusinessFailure(VendorCase.CASE_REFUSED, "no ServiceNow account '" + step.account()
                    + "' is configured for vendor " + step.vendor());
        }
        return api;
    }

    /** The record's sys_id: from the process, or looked up by the number people quote. */
    private static String sysIdOf(ServiceNowApi api, VendorCase step) {
        if (step.caseId() != null && !step.caseId().isBlank()) {
            return step.caseId();
        }
        if (step.caseNumber() == null || step.caseNumber().isBlank()) {
            throw new BusinessFailure(VendorCase.CASE_REFUSED, "step " + step.step() + " has no ServiceNow case to go to");
        }
        return api.findByNumber(step.caseNumber()).map(row -> row.path("sys_id").asText())
                .orElseThrow(() -> new ServiceNowException.NotFound("ServiceNow account '" + api.name()
                        + "' has no case " + step.caseNumber()));
    }

    private static BusinessFailure refused(VendorCase step, ServiceNowException.NotFound gone) {
        return new BusinessFailure(VendorCase.CASE_REFUSED, "ServiceNow case "
                + (step.caseNumber() == null ? step.caseId() : step.caseNumber()) + " is gone: " + gone.getMessage());
    }

    private static Map<String, Object> caseFields(ServiceNowProperties.Account account, VendorCase step,
                                                  EvidenceBundle bundle) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String subject = step.subject().isBlank() ? step.vendorName() + " case" : step.subject();
        fields.put("short_description", subject.contains(step.incidentKey()) ? subject
                : "[" + step.incidentKey() + "] " + subject);
        fields.put("description", bundle.describe(step.text()));
        ServiceNowProperties.Urgency urgency = account.urgencyOf(step.priority());
        fields.put("impact", Integer.toString(urgency.impact()));
        fields.put("urgency", Integer.toString(urgency.urgency()));
        putIfPresent(fields, "caller_id", account.callerId());
        putIfPresent(fields, "assignment_group", account.assignmentGroup());
        putIfPresent(fields, "company", account.company());
        putIfPresent(fields, "category", account.category());
        fields.put("correlation_id", correlationId(step));
        fields.put("correlation_display", CORRELATION_DISPLAY);
        return fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    /** Uploads the bundle's files the record does not have yet, so that a retry never attaches one twice. */
    private static void attachMissing(ServiceNowApi api, String sysId, EvidenceBundle bundle) {
        if (bundle.attachments().isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        api.attachments(sysId).forEach(file -> present.add(file.path("file_name").asText()));
        for (VendorAttachment file : bundle.attachments()) {
            if (present.add(file.fileName())) {
                api.attach(sysId, file);
            }
        }
    }

    private static TaskResult opened(ServiceNowApi api, JsonNode record, boolean alreadySent) {
        String sysId = record.path("sys_id").asText();
        return TaskResult.of(VendorCase.Results.CASE_NUMBER, record.path("number").asText())
                .and(VendorCase.Results.CASE_ID, sysId)
                .and(VendorCase.Results.CASE_URL, api.caseUrl(sysId))
                .and(VendorCase.Results.ALREADY_SENT, alreadySent);
    }
}
