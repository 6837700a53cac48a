package org.blackstart.plugins.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorMessage;

/**
 * What happened on a ServiceNow case, read from its fields (webhook body or polled row) and, when
 * there is one, the journal comment that came with it; turned into the {@link VendorMessage} the
 * platform's inbox takes.
 *
 * @param number     the case number, e.g. {@code INC0010001}
 * @param sysId      the record's sys_id
 * @param state      incident state: 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled
 * @param holdReason on_hold_reason: 1 Awaiting Caller, 3 Awaiting Problem, 4 Awaiting Vendor, 5 Awaiting Change
 * @param closeCode  close_code of a resolved or closed case
 * @param assignedTo who works the case, if anyone
 * @param updatedOn  sys_updated_on, UTC {@code yyyy-MM-dd HH:mm:ss}
 * @param updatedBy  sys_updated_by
 * @param modCount   sys_mod_count, which ServiceNow raises with every update of the record, if sent
 * @param comment    the journal entry, or {@code null} for a change of fields only
 */
record CaseEvent(String number, String sysId, String state, String holdReason, String closeCode, String assignedTo,
                 String updatedOn, String updatedBy, String modCount, Comment comment) {

    /** A journal entry of the {@code comments} field (additional comments, which the caller sees). */
    record Comment(String sysId, String value, String createdBy, String createdOn) {
    }

    static final DateTimeFormatter GLIDE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final Map<String, String> STATES = Map.of("1", "New", "2", "In Progress", "3", "On Hold",
            "6", "Resolved", "7", "Closed", "8", "Canceled");
    private static final Map<String, String> HOLD_REASONS = Map.of("1", "Awaiting Caller", "3", "Awaiting Problem",
            "4", "Awaiting Vendor", "5", "Awaiting Change");

    CaseEvent {
        number = blankToNull(number);
        sysId = blankToNull(sysId);
        state = blankToNull(state);
        holdReason = blankToNull(holdReason);
        closeCode = blankToNull(closeCode);
        assignedTo = blankToNull(assignedTo);
        updatedOn = blankToNull(updatedOn);
        updatedBy = blankToNull(updatedBy);
        modCount = blankToNull(modCount);
    }

    /** Reads a record's fields; a reference field may come as a plain value or as {@code {value, display_value}}. */
    static CaseEvent fromRecord(JsonNode row, Comment comment) {
        return new CaseEvent(text(row, "number"), text(row, "sys_id"), text(row, "state"), text(row, "on_hold_reason"),
                text(row, "close_code"), text(row, "assigned_to"), text(row, "sys_updated_on"),
                text(row, "sys_updated_by"), text(row, "sys_mod_count"), comment);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            JsonNode shown = value.hasNonNull("display_value") ? value.get("display_value") : value.get("value");
            return shown == null || shown.isNull() ? null : shown.asText();
        }
        return value.asText();
    }

    /** True when our own integration user wrote the comment, or, without one, made the change. */
    boolean byUs(ServiceNowProperties.Account account) {
        String author = comment != null ? comment.createdBy() : updatedBy;
        return author != null && author.equalsIgnoreCase(account.username());
    }

    /** A fingerprint of the fields that say what the vendor did, to notice when they change. */
    String fingerprint() {
        return String.join("|", nonNull(state), nonNull(holdReason), nonNull(closeCode), nonNull(assignedTo));
    }

    /** What the vendor did, from ServiceNow's own fields; {@code null} when nothing a person must know. */
    VendorMessage.Kind kind(ServiceNowProperties.Account account) {
        boolean finished = "6".equals(state) || "7".equals(state);
        if (finished && closeCode != null && account.disputeCloseCodes().stream().anyMatch(closeCode::equalsIgnoreCase)) {
            return VendorMessage.Kind.DISPUTE;
        }
        if ("6".equals(state)) {
            return VendorMessage.Kind.RESOLVED;
        }
        if ("7".equals(state) || "8".equals(state)) {
            return VendorMessage.Kind.CLOSED;
        }
        if (waitsForUs(account)) {
            return VendorMessage.Kind.REQUEST;
        }
        if (comment != null) {
            return VendorMessage.Kind.REPLY;
        }
        if ("2".equals(state) || "3".equals(state) || assignedTo != null) {
            return VendorMessage.Kind.ACKNOWLEDGED;
        }
        return null;
    }

    private boolean waitsForUs(ServiceNowProperties.Account account) {
        if (state != null && account.requestStates().contains(state)) {
            return true;
        }
        return "3".equals(state) && holdReason != null && account.requestHoldReasons().contains(holdReason);
    }

    /** The case's status in ServiceNow's words, e.g. {@code On Hold (Awaiting Caller)}. */
    String status() {
        if (state == null) {
            return null;
        }
        String name = STATES.getOrDefault(state, "State " + state);
        if ("3".equals(state) && holdReason != null) {
            return name + " (" + HOLD_REASONS.getOrDefault(holdReason, "reason " + holdReason) + ")";
        }
        if (closeCode != null && ("6".equals(state) || "7".equals(state))) {
            return name + " (" + closeCode + ")";
        }
        return name;
    }

    /**
     * The message id: the journal entry's sys_id; for a change of fields the record's sys_id with its
     * update count, or, without one, its update time and the changed fields (two changes can share a second).
     */
    String messageId() {
        if (comment != null && comment.sysId() != null && !comment.sysId().isBlank()) {
            return comment.sysId();
        }
        if (modCount != null) {
            return sysId + "#" + modCount;
        }
        return sysId + "@" + nonNull(updatedOn) + "/" + fingerprint();
    }

    VendorMessage toMessage(String accountName, VendorMessage.Kind kind, List<VendorAttachment> files) {
        // Who wrote the comment, or who made the change; a polled assigned_to is a user sys_id, not a name.
        String author = comment != null && comment.createdBy() != null ? comment.createdBy()
                : updatedBy != null ? updatedBy : assignedTo;
        Instant at = parse(comment != null && comment.createdOn() != null ? comment.createdOn() : updatedOn);
        String text = comment != null && comment.value() != null ? comment.value() : describeChange();
        return new VendorMessage(ServiceNowCaseRoutes.SYSTEM, accountName, number, messageId(), kind, author,
                number == null ? "" : number + " " + nonNull(status()), text, status(), at, files);
    }

    private String describeChange() {
        StringBuilder text = new StringBuilder();
        if (status() != null) {
            text.append("Case is now ").append(status());
        }
        if (assignedTo != null) {
            text.append(text.isEmpty() ? "" : "; ").append("assigned to ").append(assignedTo);
        }
        return text.toString();
    }

    static Instant parse(String glideTime) {
        if (glideTime == null || glideTime.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(glideTime.strip(), GLIDE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notGlide) {
            try {
                return Instant.parse(glideTime.strip());
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
