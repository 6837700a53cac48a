package org.blackstart.app.notice.template;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bundled template file: parts introduced by a header line {@code === subject ===}; text before
 * the first header describes the file and is ignored. See package-info for the format.
 */
final class TemplateSetFile {

    private static final Pattern HEADER = Pattern.compile("^===\\s*([A-Za-z]+)\\s*===\\s*$");

    /** The parts, the file line each part's first line is on, and what is wrong with the file's structure. */
    record Parsed(Map<TemplatePart, String> parts, Map<TemplatePart, Integer> firstLines, List<String> problems) {
    }

    private TemplateSetFile() {
    }

    static Parsed parse(String content) {
        Map<TemplatePart, String> parts = new EnumMap<>(TemplatePart.class);
        Map<TemplatePart, Integer> firstLines = new EnumMap<>(TemplatePart.class);
        List<String> problems = new ArrayList<>();
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        TemplatePart current = null;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher header = HEADER.matcher(lines[i]);
            if (!header.matches()) {
                if (current != null) {
                    body.append(lines[i]).append('\n');
                }
                continue;
            }
            if (current != null) {
                parts.put(current, body.toString().stripTrailing());
            }
            body.setLength(0);
            String name = header.group(1);
            current = TemplatePart.of(name).orElse(null);
            if (current == null) {
                problems.add("line " + (i + 1) + ": unknown part '" + name + "'; parts are " + codes());
            } else if (parts.containsKey(current)) {
                problems.add("line " + (i + 1) + ": part '" + name + "' appears twice");
                current = null;
            } else {
                firstLines.put(current, i + 2);
            }
        }
        if (current != null) {
            parts.put(current, body.toString().stripTrailing());
        }
        for (TemplatePart part : TemplatePart.values()) {
            if (!parts.containsKey(part)) {
                problems.add("part '" + part.code() + "' is missing (a line '=== " + part.code() + " ===' starts it)");
            }
        }
        return new Parsed(parts, firstLines, problems);
    }

    private static String codes() {
        return String.join(", ", java.util.Arrays.stream(TemplatePart.values()).map(TemplatePart::code).toList());
    }
}
