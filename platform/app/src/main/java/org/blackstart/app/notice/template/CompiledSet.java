package org.blackstart.app.notice.template;

import com.samskivert.mustache.Template;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.blackstart.spi.text.PostLength;
import org.blackstart.spi.text.SmsText;

/**
 * A validated template set, ready to render. Rendering cannot fail: every name is in the catalogue,
 * missing data renders empty, and the posts are fitted to their limits.
 */
final class CompiledSet {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n(?:[ \\t]*\\n){2,}");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final String phase;
    private final String language;
    private final Map<TemplatePart, Template> templates;

    CompiledSet(String phase, String language, Map<TemplatePart, Template> templates) {
        this.phase = phase;
        this.language = language;
        this.templates = Map.copyOf(templates);
    }

    String language() {
        return language;
    }

    /** Renders every part; the posts are fitted to X's 280 and Mastodon's 500, keeping the link. */
    RenderedNotice render(Map<String, Object> data) {
        return render(data, true);
    }

    /** As {@link #render(Map)}; unfitted, for validation, which must see what is too long. */
    RenderedNotice render(Map<String, Object> data, boolean fit) {
        String text = part(TemplatePart.TEXT, data);
        String x = part(TemplatePart.X, data);
        String mastodon = part(TemplatePart.MASTODON, data);
        if (fit) {
            x = PostLength.fitX(x, PostLength.X_LIMIT);
            // fitX cuts by X's weights, which never count less than Mastodon's, so the result fits Mastodon too
            mastodon = PostLength.mastodon(mastodon) > PostLength.MASTODON_LIMIT
                    ? PostLength.fitX(mastodon, PostLength.MASTODON_LIMIT) : mastodon;
        }
        String sms = part(TemplatePart.SMS, data);
        return new RenderedNotice(phase, language, part(TemplatePart.SUBJECT, data), text, html(text, data), sms,
                part(TemplatePart.PHONE, data), x, mastodon, part(TemplatePart.STATUSPAGE, data), SmsText.of(sms));
    }

    /** The HTML e-mail around {@code finalText}: its paragraphs are the text split on blank lines. */
    String html(String finalText, Map<String, Object> data) {
        Map<String, Object> variables = variables(TemplatePart.HTML, data);
        variables.put(NoticeVariables.PARAGRAPHS, paragraphs(finalText));
        return templates.get(TemplatePart.HTML).execute(variables).strip();
    }

    /** One part, with its whitespace tidied, as it is sent. */
    String part(TemplatePart part, Map<String, Object> data) {
        String raw = raw(part, data);
        if (part == TemplatePart.SUBJECT) {
            return LINE_BREAKS.matcher(raw.strip()).replaceAll(" ");
        }
        String tidy = TRAILING_SPACE.matcher(raw).replaceAll("\n");
        return MANY_BLANK_LINES.matcher(tidy).replaceAll("\n\n").strip();
    }

    /** One part as the template renders it, untidied. */
    String raw(TemplatePart part, Map<String, Object> data) {
        return templates.get(part).execute(variables(part, data));
    }

    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(BLANK_LINE.split(text.replace("\r\n", "\n").strip()))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * Only catalogue names reach a template, each as a string, except the lists. {@code affectedServices}
     * may come as a list or as a comma-separated string (as process variables hold it).
     */
    private Map<String, Object> variables(TemplatePart part, Map<String, Object> data) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : NoticeVariables.NAMES) {
            Object value = data == null ? null : data.get(name);
            if (name.equals(NoticeVariables.AFFECTED_SERVICES)) {
                variables.put(name, list(value));
            } else if (name.equals(NoticeVariables.PARAGRAPHS)) {
                variables.put(name, List.of());
            } else {
                variables.put(name, value == null ? "" : String.valueOf(value));
            }
        }
        if (((String) variables.get(NoticeVariables.PHASE)).isEmpty()) {
            variables.put(NoticeVariables.PHASE, phase);
        }
        if (!part.personal()) {
            variables.put(NoticeVariables.CUSTOMER_NAME, "");
        }
        return variables;
    }

    private static List<String> list(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().filter(java.util.Objects::nonNull).map(String::valueOf).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(String.valueOf(value).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
