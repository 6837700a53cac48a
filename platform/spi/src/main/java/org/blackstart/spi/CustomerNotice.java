package org.blackstart.spi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An approved notice to customers, as the {@code notice.<channel>} topics receive it: the words in
 * every language of the audience, and the public posts. Who receives it is not part of the notice
 * but of its {@link NoticeAudience}, fixed when the notice was drafted.
 *
 * @param incidentKey business key of the incident (or of the maintenance, {@code MNT-<year>-<seq>})
 * @param step        which notice of the incident this is ({@code initial}, {@code update-2}, {@code resolved});
 *                    with the incident, channel and recipient it forms the delivery key
 * @param phase       {@code investigating}, {@code identified}, {@code monitoring}, {@code resolved},
 *                    {@code maintenance-*} or {@code postmortem}
 * @param language    the language of public posts and of recipients whose language has no text
 * @param texts       the words per language (primary subtag: {@code en}, {@code nl}), each a {@link NoticeText}
 * @param posts       public posts per channel ({@code x}, {@code mastodon}, {@code statuspage})
 */
public record CustomerNotice(String incidentKey, String step, String phase, String language,
                             Map<String, NoticeText> texts, Map<String, String> posts) {

    /** Process variable names of the notice contract between BPMN and the notice topics. */
    public static final class Variables {
        public static final String STEP = "noticeStep";
        public static final String PHASE = "noticePhase";
        /** The public language, see {@link CustomerNotice#language()}. */
        public static final String LANGUAGE = "noticeLanguage";
        /** The channel a {@code notice.<channel>} task publishes on; local to the task's scope. */
        public static final String CHANNEL = "noticeChannel";

        private static final Pattern TEXT = Pattern.compile("notice_([a-z]{2,3})_(subject|text|html|sms|phone)");
        private static final Pattern POST = Pattern.compile("notice_([a-z][a-z0-9]*)");

        private Variables() {
        }

        /** {@code notice_<language>_<part>}, e.g. {@code notice_nl_subject}. */
        public static String text(String language, TextPart part) {
            return "notice_" + primary(language) + "_" + part.code();
        }

        /** {@code notice_<channel>}, e.g. {@code notice_x}. */
        public static String post(String channel) {
            return "notice_" + channel;
        }
    }

    /** The parts of a {@link NoticeText}, as they are named in variables and templates. */
    public enum TextPart {
        SUBJECT, TEXT, HTML, SMS, PHONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a {@code notice.<channel>} task completes with. */
    public static final class Results {
        /** How many deliveries this task made now. */
        public static final String SENT = "noticeSent";
        /** How many were made before, by an earlier attempt, and skipped. */
        public static final String ALREADY_SENT = "noticeAlreadySent";
        /** The remote side's reference of a public post (a post URL or id), if any. */
        public static final String REFERENCE = "noticeReference";

        private Results() {
        }
    }

    public CustomerNotice {
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(step, "step");
        phase = phase == null ? "" : phase;
        language = language == null || language.isBlank() ? "en" : primary(language);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        posts = posts == null ? Map.of() : Map.copyOf(posts);
    }

    /**
     * The words for a reader of {@code language} ({@code de-CH} reads {@code de}), else those of the
     * notice's own language, else empty words.
     */
    public NoticeText text(String language) {
        NoticeText text = texts.get(primary(language));
        if (text == null) {
            text = texts.get(this.language);
        }
        return text == null ? new NoticeText(this.language, "", "", null, "", "") : text;
    }

    /** The public post for {@code channel}, or an empty string. */
    public String post(String channel) {
        return posts.getOrDefault(channel, "");
    }

    /** Reads the notice from the variables of a task, by the names in {@link Variables}. */
    public static CustomerNotice from(TaskContext task) {
        Map<String, Map<TextPart, String>> parts = new LinkedHashMap<>();
        Map<String, String> posts = new LinkedHashMap<>();
        task.variables().forEach((name, value) -> {
            Matcher text = Variables.TEXT.matcher(name);
            if (text.matches()) {
                parts.computeIfAbsent(text.group(1), l -> new LinkedHashMap<>())
                        .put(TextPart.valueOf(text.group(2).toUpperCase(Locale.ROOT)), String.valueOf(value));
                return;
            }
            Matcher post = Variables.POST.matcher(name);
            if (post.matches()) {
                posts.put(post.group(1), String.valueOf(value));
            }
        });
        Map<String, NoticeText> texts = new LinkedHashMap<>();
        parts.forEach((language, p) -> texts.put(language, new NoticeText(language, p.get(TextPart.SUBJECT),
                p.get(TextPart.TEXT), p.get(TextPart.HTML), p.get(TextPart.SMS), p.get(TextPart.PHONE))));
        String step = task.string(Variables.STEP);
        return new CustomerNotice(task.incidentKey(), step == null ? task.activityId() : step,
                task.string(Variables.PHASE), task.string(Variables.LANGUAGE), texts, posts);
    }

    /** {@code de-CH} → {@code de}. */
    public static String primary(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
