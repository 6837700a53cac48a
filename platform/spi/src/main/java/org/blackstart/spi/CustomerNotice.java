package org.blackstart.spi;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An approved notice to customers, as the notice topics receive it.
 *
 * @param incidentKey business key of the incident
 * @param step        which notice of the incident this is ({@code initial}, {@code update-2}, {@code resolved});
 *                    with the incident, channel and recipient it forms the delivery key
 * @param language    BCP 47 language tag of the text
 * @param subject     one line
 * @param text        plain text body
 * @param html        HTML body, or {@code null} when the channel should derive one from the text
 * @param recipients  addresses in the channel's own form
 */
public record CustomerNotice(String incidentKey, String step, String language, String subject, String text,
                             String html, List<String> recipients) {

    /** Process variable names of the notice contract between BPMN and the notice topics. */
    public static final class Variables {
        public static final String STEP = "noticeStep";
        public static final String LANGUAGE = "noticeLanguage";
        public static final String SUBJECT = "noticeSubject";
        public static final String TEXT = "noticeText";
        public static final String HTML = "noticeHtml";
        /** Recipients separated by commas, semicolons or line breaks, or a collection of strings. */
        public static final String RECIPIENTS = "noticeRecipients";

        private Variables() {
        }
    }

    public CustomerNotice {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(step, "step");
        language = language == null || language.isBlank() ? "en" : language;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Reads the notice from the variables of a task, by the names in {@link Variables}. */
    public static CustomerNotice from(TaskContext task) {
        String step = task.string(Variables.STEP);
        return new CustomerNotice(
                task.incidentKey(),
                step == null ? task.activityId() : step,
                task.string(Variables.LANGUAGE),
                task.string(Variables.SUBJECT),
                task.string(Variables.TEXT),
                task.string(Variables.HTML),
                recipients(task.variables().get(Variables.RECIPIENTS)));
    }

    static List<String> recipients(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().filter(Objects::nonNull).map(Object::toString)
                    .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        }
        return Arrays.stream(value.toString().split("[,;\\r\\n]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
