package org.blackstart.spi.vendor;

import java.util.Objects;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.TaskContext;

/**
 * One step on one vendor case, as {@code vendor.case.open}, {@code vendor.case.update} and
 * {@code vendor.case.close} receive it. The vendor registry says which ticketing system a vendor
 * uses ({@link #system()}, the plugin's slug, e.g. {@code servicenow}) and under which of that
 * plugin's configured accounts ({@link #account()}); a plugin serves only its own system's tasks
 * ({@code blackstart:task:vendor.case.open?system=servicenow}).
 *
 * @param incidentKey business key of the incident
 * @param vendor      the vendor's id in the registry, e.g. {@code storeco}
 * @param vendorName  the vendor's name, for people
 * @param system      ticketing system (plugin slug) the vendor's cases live in
 * @param account     the plugin's account for this vendor (URL, credentials, mapping live in the plugin's configuration)
 * @param step        which step of the escalation this is ({@code open}, {@code answer-2}, {@code priority-1},
 *                    {@code close}); with the incident and vendor it is the delivery key, so a retried task
 *                    never opens a second case or posts a comment twice
 * @param caseNumber  the vendor's case number; {@code null} before the case is opened
 * @param caseId      the ticketing system's own id of the case (ServiceNow sys_id, Jira issue id), if it has one
 * @param priority    1 (highest) to 4
 * @param severity    the incident's severity, SEV1..SEV4
 * @param subject     one line: the case's title, or the subject of this update
 * @param text        what we tell the vendor in this step (a description, an answer, a reason)
 */
public record VendorCase(String incidentKey, String vendor, String vendorName, String system, String account,
                         String step, String caseNumber, String caseId, int priority, String severity,
                         String subject, String text) {

    /** Process variable names of the vendor contract between BPMN and the {@code vendor.case.*} topics. */
    public static final class Variables {
        public static final String VENDOR = "vendor";
        public static final String VENDOR_NAME = "vendorName";
        /** The ticketing system; the bridge fetches {@code vendor.case.*} tasks by it. */
        public static final String SYSTEM = "vendorSystem";
        public static final String ACCOUNT = "vendorAccount";
        public static final String STEP = "vendorCaseStep";
        public static final String CASE_NUMBER = "vendorCaseNumber";
        public static final String CASE_ID = "vendorCaseId";
        public static final String PRIORITY = "vendorPriority";
        public static final String SEVERITY = "severity";
        public static final String SUBJECT = "vendorSubject";
        public static final String TEXT = "vendorText";

        private Variables() {
        }
    }

    /** Result variables a ticketing plugin completes {@code vendor.case.open} with. */
    public static final class Results {
        /** The vendor's case number, as people quote it (ServiceNow {@code INC0010001}, Jira {@code SUP-42}). */
        public static final String CASE_NUMBER = Variables.CASE_NUMBER;
        /** The system's own id, for later calls ({@code sys_id}); may equal the number. */
        public static final String CASE_ID = Variables.CASE_ID;
        /** Where a person opens the case in the vendor's portal, if there is one. */
        public static final String CASE_URL = "vendorCaseUrl";
        /** True when a retry found the case or comment already there and sent nothing new. */
        public static final String ALREADY_SENT = "vendorAlreadySent";

        private Results() {
        }
    }

    /** BPMN error when the ticketing system refuses the step for good (the case is closed, the account is unknown). */
    public static final String CASE_REFUSED = "VENDOR_CASE_REFUSED";

    public VendorCase {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(step, "step");
        vendorName = vendorName == null || vendorName.isBlank() ? vendor : vendorName;
        account = account == null || account.isBlank() ? vendor : account;
        priority = priority < 1 || priority > 4 ? 3 : priority;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }

    /** Reads the case step from the variables of a task, by the names in {@link Variables}. */
    public static VendorCase from(TaskContext task) {
        String priority = task.string(Variables.PRIORITY);
        String step = task.string(Variables.STEP);
        return new VendorCase(
                task.incidentKey(),
                Objects.requireNonNullElse(task.string(Variables.VENDOR), "unknown"),
                task.string(Variables.VENDOR_NAME),
                Objects.requireNonNullElse(task.string(Variables.SYSTEM), "unknown"),
                task.string(Variables.ACCOUNT),
                step == null ? task.activityId() : step,
                task.string(Variables.CASE_NUMBER),
                task.string(Variables.CASE_ID),
                priority == null || priority.isBlank() ? 3 : Integer.parseInt(priority.strip()),
                task.string(Variables.SEVERITY),
                task.string(Variables.SUBJECT),
                task.string(Variables.TEXT));
    }

    /** The delivery key of this step: one case, one comment, one close per step, whatever the retries. */
    public DeliveryKey deliveryKey() {
        return new DeliveryKey(incidentKey, step, "vendor-case:" + system, vendor);
    }

    /** The SLA and case priority people read: P1..P4. */
    public String priorityLabel() {
        return "P" + priority;
    }
}
