package org.blackstart.app.notice.template;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.blackstart.app.notice.NoticeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notice texts for every channel, from the template set of a phase and language: a custom set saved
 * through the API where there is one, else the bundled one. Rendering never fails; everything that
 * could go wrong with a template was checked when it was saved.
 */
@Component
public class NoticeTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeTemplates.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** Where a set comes from. */
    public enum Source { BUNDLED, CUSTOM }

    /** A set as the API lists it. */
    public record SetInfo(String phase, String language, Source source, String updatedBy, Instant updatedAt) {
    }

    /** A set with its parts, by {@link TemplatePart#code()}. */
    public record SetView(SetInfo info, Map<String, String> parts) {
    }

    /** A set rendered for the author to look at, with what the author should know. */
    public record Preview(RenderedNotice notice, List<TemplateProblem> warnings) {
    }

    private final BundledTemplates bundled;
    private final CustomTemplateRepository custom;
    private final NoticeProperties properties;
    private final Clock clock;

    NoticeTemplates(BundledTemplates bundled, CustomTemplateRepository custom, NoticeProperties properties, Clock clock) {
        this.bundled = bundled;
        this.custom = custom;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Every part of the notice of {@code phase} in {@code language} (a tag: {@code de-CH} reads the
     * {@code de} set), falling back to {@code blackstart.notices.default-language}, then to English. The X
     * and Mastodon posts are shortened to their limits, keeping the link.
     *
     * @param data values by the names of {@link NoticeVariables}; missing ones render empty
     * @throws IllegalArgumentException for a phase not in {@link NoticePhases#ALL}
     */
    public RenderedNotice render(String phase, String language, Map<String, Object> data) {
        return resolve(phase, language).render(data);
    }

    /**
     * The HTML e-mail of {@code phase} in {@code language} around {@code finalText}, the text as the agent
     * left it: its paragraphs are the text split on blank lines.
     */
    public String html(String phase, String language, String finalText, Map<String, Object> data) {
        return resolve(phase, language).html(finalText, data);
    }

    /** The languages there is at least one set for. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>(bundled.languages());
        languages.addAll(custom.languages());
        return languages;
    }

    public List<String> phases() {
        return NoticePhases.ALL;
    }

    /** Every (phase, language) there is a set for, bundled or custom. */
    public List<SetInfo> list() {
        Map<String, SetInfo> infos = new LinkedHashMap<>();
        for (String phase : NoticePhases.ALL) {
            for (String language : bundled.languages().stream().sorted().toList()) {
                infos.put(phase + "." + language, new SetInfo(phase, language, Source.BUNDLED, null, null));
            }
        }
        for (CustomTemplateRepository.Saved saved : custom.list()) {
            infos.put(saved.phase() + "." + saved.language(), info(saved));
        }
        List<SetInfo> list = new ArrayList<>(infos.values());
        list.sort(java.util.Comparator.comparing((SetInfo i) -> NoticePhases.ALL.indexOf(i.phase()))
                .thenComparing(SetInfo::language));
        return list;
    }

    /** The set in use for exactly this phase and language, if there is one (no fallback). */
    public Optional<SetView> get(String phase, String language) {
        checkPhase(phase);
        Optional<CustomTemplateRepository.Stored> stored = custom.find(phase, language);
        if (stored.isPresent()) {
            return Optional.of(view(stored.get().set(), info(stored.get().saved())));
        }
        return bundled.find(phase, language)
                .map(b -> view(b.set(), new SetInfo(phase, language, Source.BUNDLED, null, null)));
    }

    /**
     * Validates and stores a custom set for this phase and language, in place of the bundled one.
     *
     * @return what the author should know (an SMS over one segment)
     * @throws InvalidTemplateException with every problem found; nothing is stored
     */
    @Transactional
    public List<TemplateProblem> save(String phase, String language, Map<TemplatePart, String> parts, String user) {
        checkPhase(phase);
        checkLanguage(language);
        TemplateSet set = new TemplateSet(phase, language, parts);
        TemplateValidator.Validation validation = TemplateValidator.validate(set);
        if (!validation.valid()) {
            throw new InvalidTemplateException(validation.errors());
        }
        custom.replace(set, user, clock.instant());
        LOG.info("notice template {}.{} saved by {}", phase, language, user);
        return validation.warnings();
    }

    /** Removes the custom set, so the bundled one is used again; false when there was none. */
    @Transactional
    public boolean reset(String phase, String language) {
        checkPhase(phase);
        boolean deleted = custom.delete(phase, language);
        if (deleted) {
            LOG.info("notice template {}.{} reset to the bundled set", phase, language);
        }
        return deleted;
    }

    /**
     * Renders the set in use for this phase and language (with fallback) with {@code edits} in place of
     * its parts, and {@code data} over the sample data, as it would be sent.
     *
     * @throws InvalidTemplateException when the edited set would not be accepted by {@link #save}
     */
    public Preview preview(String phase, String language, Map<TemplatePart, String> edits, Map<String, Object> data) {
        checkPhase(phase);
        checkLanguage(language);
        TemplateSet base = current(phase, language).orElseGet(() -> set(phase, fallbackLanguage(phase, language)));
        TemplateSet edited = new TemplateSet(phase, language, base.with(edits).parts());
        TemplateValidator.Validation validation = TemplateValidator.validate(edited);
        if (!validation.valid()) {
            throw new InvalidTemplateException(validation.errors());
        }
        Map<String, Object> merged = NoticeVariables.samples();
        merged.remove(NoticeVariables.PARAGRAPHS);
        merged.put(NoticeVariables.PHASE, phase);
        if (data != null) {
            merged.putAll(data);
        }
        return new Preview(validation.compiled().render(merged), validation.warnings());
    }

    /** True for a language code a set may be saved under: a primary subtag, {@code en}, {@code nl}, {@code gsw}. */
    public static boolean validLanguage(String language) {
        return language != null && LANGUAGE.matcher(language).matches();
    }

    private CompiledSet resolve(String phase, String language) {
        checkPhase(phase);
        for (String candidate : candidates(language)) {
            Optional<CompiledSet> compiled = compiled(phase, candidate);
            if (compiled.isPresent()) {
                return compiled.get();
            }
        }
        throw new IllegalStateException("no notice template for phase " + phase + " in any language");
    }

    private String fallbackLanguage(String phase, String language) {
        return resolve(phase, language).language();
    }

    private Optional<CompiledSet> compiled(String phase, String language) {
        Optional<CustomTemplateRepository.Stored> stored = custom.find(phase, language);
        if (stored.isPresent()) {
            TemplateValidator.Validation validation = TemplateValidator.validate(stored.get().set());
            if (validation.valid()) {
                return Optional.of(validation.compiled());
            }
            // saved valid, so only a newer Blackstart with other rules gets here: the bundled set still works
            LOG.warn("custom notice template {}.{} no longer passes validation ({}); using the bundled set",
                    phase, language, validation.errors());
        }
        return bundled.find(phase, language).map(BundledTemplates.Bundled::compiled);
    }

    private Optional<TemplateSet> current(String phase, String language) {
        return custom.find(phase, language).map(CustomTemplateRepository.Stored::set)
                .or(() -> bundled.find(phase, language).map(BundledTemplates.Bundled::set));
    }

    private TemplateSet set(String phase, String language) {
        return current(phase, language).orElseThrow();
    }

    private Set<String> candidates(String language) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(primary(language));
        candidates.add(primary(properties.defaultLanguage()));
        candidates.add("en");
        candidates.remove("");
        return candidates;
    }

    static String primary(String language) {
        if (language == null) {
            return "";
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return validLanguage(primary) ? primary : "";
    }

    private static void checkPhase(String phase) {
        if (!NoticePhases.known(phase)) {
            throw NoticePhases.unknown(phase);
        }
    }

    private static void checkLanguage(String language) {
        if (!validLanguage(language)) {
            throw new IllegalArgumentException("language must be a primary language subtag of 2 or 3 lower-case letters"
                    + " (en, nl, de), was '" + language + "'");
        }
    }

    private static SetInfo info(CustomTemplateRepository.Saved saved) {
        return new SetInfo(saved.phase(), saved.language(), Source.CUSTOM, saved.updatedBy(), saved.updatedAt());
    }

    private static SetView view(TemplateSet set, SetInfo info) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (TemplatePart part : TemplatePart.values()) {
            parts.put(part.code(), set.part(part));
        }
        return new SetView(info, parts);
    }
}
