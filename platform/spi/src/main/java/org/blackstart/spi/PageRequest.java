package org.blackstart.spi;

import java.util.Objects;

/**
 * One page to one person, as {@link Topics#PAGE_PHONE} and {@link Topics#PAGE_SMS} receive it.
 *
 * @param incidentKey business key of the incident
 * @param step        which page of the incident this is ({@code L1-R1-A1}: level, round, call attempt);
 *                    with the incident, channel and recipient it forms the delivery key, so a retried
 *                    task never rings the same person twice for the same step
 * @param recipient   the person's id in the on-call directory
 * @param name        the person's name, for the spoken greeting
 * @param phone       E.164 number, e.g. {@code +31201234567}
 * @param ackCode     the code the person replies with ({@code ACK 482913}) or that callbacks carry
 * @param title       the incident's title, spoken and texted
 * @param severity    SEV1..SEV4, or {@code null}
 * @param level       escalation level being paged, from 1
 */
public record PageRequest(String incidentKey, String step, String recipient, String name, String phone,
                          String ackCode, String title, String severity, int level) {

    /** Process variable names of the paging contract between BPMN and the page topics. */
    public static final class Variables {
        public static final String STEP = "pageStep";
        public static final String RECIPIENT = "pageRecipient";
        public static final String NAME = "pageName";
        public static final String PHONE = "pagePhone";
        public static final String ACK_CODE = "ackCode";
        public static final String LEVEL = "pagingLevel";
        public static final String TITLE = "title";
        public static final String SEVERITY = "severity";

        private Variables() {
        }
    }

    public PageRequest {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(recipient, "recipient");
        name = name == null || name.isBlank() ? recipient : name;
        title = title == null ? "" : title;
    }

    /** Reads the page from the variables of a task, by the names in {@link Variables}. */
    public static PageRequest from(TaskContext task) {
        String step = task.string(Variables.STEP);
        String level = task.string(Variables.LEVEL);
        String recipient = task.string(Variables.RECIPIENT);
        return new PageRequest(
                task.incidentKey(),
                step == null ? task.activityId() : step,
                recipient == null ? "unknown" : recipient,
                task.string(Variables.NAME),
                task.string(Variables.PHONE),
                task.string(Variables.ACK_CODE),
                task.string(Variables.TITLE),
                task.string(Variables.SEVERITY),
                level == null ? 1 : Integer.parseInt(level));
    }

    /** One line for a text message or a voice prompt: {@code [SEV1] INC-2026-0042: Rack A3 down}. */
    public String headline() {
        return (severity == null ? "" : "[" + severity + "] ") + incidentKey + ": " + title;
    }
}
