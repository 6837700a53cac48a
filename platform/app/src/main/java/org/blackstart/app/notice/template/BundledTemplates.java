package org.blackstart.app.notice.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The template sets shipped with Blackstart, {@code notices/sets/<phase>.<language>.mustache}: one per
 * phase and bundled language, each validated when the application starts. A broken one refuses the
 * start with the file, part and line, rather than fail a notice in the middle of an incident.
 */
@Component
class BundledTemplates {

    static final String FOLDER = "notices/sets/";
    static final List<String> LANGUAGES = List.of("en", "nl", "de", "fr");

    /** A bundled set: its sources and, validated, ready to render. */
    record Bundled(TemplateSet set, CompiledSet compiled) {
    }

    private final Map<String, Bundled> sets;

    BundledTemplates() {
        this(FOLDER, NoticePhases.ALL, LANGUAGES);
    }

    BundledTemplates(String folder, List<String> phases, List<String> languages) {
        Map<String, Bundled> loaded = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String phase : phases) {
            for (String language : languages) {
                String file = folder + phase + "." + language + ".mustache";
                load(file, phase, language, problems).ifPresent(b -> loaded.put(key(phase, language), b));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("bundled notice templates are broken: " + String.join("; ", problems));
        }
        this.sets = Map.copyOf(loaded);
    }

    private static Optional<Bundled> load(String file, String phase, String language, List<String> problems) {
        ClassPathResource resource = new ClassPathResource(file);
        if (!resource.exists()) {
            problems.add(file + " is missing");
            return Optional.empty();
        }
        String content;
        try (InputStream in = resource.getInputStream()) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        TemplateSetFile.Parsed parsed = TemplateSetFile.parse(content);
        parsed.problems().forEach(p -> problems.add(file + ": " + p));
        if (!parsed.problems().isEmpty()) {
            return Optional.empty();
        }
        TemplateSet set = new TemplateSet(phase, language, parsed.parts());
        TemplateValidator.Validation validation = TemplateValidator.validate(set);
        for (TemplateProblem problem : validation.errors()) {
            TemplatePart part = TemplatePart.of(problem.part()).orElseThrow();
            String where = problem.line() == null ? "" : " line " + problem.line() + " (file line "
                    + (parsed.firstLines().get(part) + problem.line() - 1) + ")";
            problems.add(file + ", part " + problem.part() + where + ": " + problem.message());
        }
        return validation.valid() ? Optional.of(new Bundled(set, validation.compiled())) : Optional.empty();
    }

    Optional<Bundled> find(String phase, String language) {
        return Optional.ofNullable(sets.get(key(phase, language)));
    }

    Set<String> languages() {
        return Set.copyOf(LANGUAGES);
    }

    private static String key(String phase, String language) {
        return phase + "." + language;
    }
}
