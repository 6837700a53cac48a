package org.blackstart.app.alert.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incident titles such as {@code "{{count}} alerts: {{labels.alertname}} in {{labels.datacenter}}"}.
 * Deliberately tiny: placeholders are looked up, never evaluated, so a rule written by an operator
 * cannot run code. Known placeholders: {@code count}, {@code rule}, {@code source}, {@code summary},
 * {@code group} and {@code labels.<name>}; a missing label renders as {@code ?}.
 */
public final class TitleTemplate {

    private static final Set<String> NAMES = Set.of("count", "rule", "source", "summary", "group");
    private static final String LABEL = "labels.";
    static final String MISSING = "?";

    private final String text;
    private final List<String> literals;
    private final List<String> placeholders;

    private TitleTemplate(String text, List<String> literals, List<String> placeholders) {
        this.text = text;
        this.literals = literals;
        this.placeholders = placeholders;
    }

    /** @throws IllegalArgumentException naming the unknown placeholder or the unclosed brace */
    public static TitleTemplate parse(String text) {
        List<String> literals = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                literals.add(text.substring(at));
                return new TitleTemplate(text, List.copyOf(literals), List.copyOf(placeholders));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("'{{' at position " + open + " is not closed with '}}' in \"" + text + "\"");
            }
            String name = text.substring(open + 2, close).strip();
            boolean label = name.startsWith(LABEL) && name.length() > LABEL.length();
            if (!label && !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {{" + name + "}} in \"" + text
                        + "\"; known are {{count}}, {{rule}}, {{source}}, {{summary}}, {{group}} and {{labels.<name>}}");
            }
            literals.add(text.substring(at, open));
            placeholders.add(name);
            at = close + 2;
        }
    }

    public String render(Values values) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < placeholders.size(); i++) {
            out.append(literals.get(i)).append(valueOf(placeholders.get(i), values));
        }
        return out.append(literals.get(literals.size() - 1)).toString();
    }

    private static String valueOf(String name, Values values) {
        String value = switch (name) {
            case "count" -> Integer.toString(values.count());
            case "rule" -> values.rule();
            case "source" -> values.source();
            case "summary" -> values.summary();
            case "group" -> values.group();
            default -> values.labels().get(name.substring(LABEL.length()));
        };
        return value == null || value.isBlank() ? MISSING : value;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * What a title can show.
     *
     * @param count   firing alerts in the group
     * @param group   the group-by values, e.g. {@code dc1/a3}
     * @param labels  the labels of the alert that opened the incident
     */
    public record Values(int count, String rule, String source, String summary, String group, Map<String, String> labels) {
    }
}
