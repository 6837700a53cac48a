package org.blackstart.app.notice.template;

import java.util.EnumMap;
import java.util.Map;

/**
 * The sources of the templates of one (phase, language): one per {@link TemplatePart}. A part may be
 * missing or blank here; {@link TemplateValidator} reports it.
 */
public record TemplateSet(String phase, String language, Map<TemplatePart, String> parts) {

    public TemplateSet {
        parts = parts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(parts));
    }

    /** The source of {@code part}, or {@code null}. */
    public String part(TemplatePart part) {
        return parts.get(part);
    }

    /** This set with {@code edits} in place of its own parts. */
    public TemplateSet with(Map<TemplatePart, String> edits) {
        Map<TemplatePart, String> merged = new EnumMap<>(TemplatePart.class);
        merged.putAll(parts);
        edits.forEach((part, source) -> {
            if (source != null) {
                merged.put(part, source);
            }
        });
        return new TemplateSet(phase, language, merged);
    }
}
