package org.blackstart.app.notice.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blackstart.spi.text.PostLength;
import org.blackstart.spi.text.SmsText;

/**
 * Everything that can be wrong with a template set is found here, when it is saved (or, for the
 * bundled sets, at start-up), so that nothing can go wrong when a notice is sent: syntax, names that
 * are not in {@link NoticeVariables}, names used where they are empty, and the limits of each
 * channel, checked by rendering the set with the sample data.
 */
final class TemplateValidator {

    /** Longest source of one part; a notice template is far shorter. */
    public static final int MAX_PART_LENGTH = 16_000;
    public static final int SUBJECT_LIMIT = 200;

    private static final Pattern PARSE_LINE = Pattern.compile("^(.*) @ line (\\d+)$", Pattern.DOTALL);

    /**
     * The outcome.
     *
     * @param errors   why the set cannot be used; empty when it can
     * @param warnings what the author should know but may accept (an SMS over one segment)
     * @param compiled the set ready to render, when there are no errors
     * @param sample   the set rendered with the sample data, when there are no errors
     */
    record Validation(List<TemplateProblem> errors, List<TemplateProblem> warnings, CompiledSet compiled,
                             RenderedNotice sample) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private TemplateValidator() {
    }

    static Validation validate(TemplateSet set) {
        List<TemplateProblem> errors = new ArrayList<>();
        Map<TemplatePart, Template> templates = new EnumMap<>(TemplatePart.class);
        for (TemplatePart part : TemplatePart.values()) {
            String source = set.part(part);
            Template template = compile(part, source, errors);
            if (template != null) {
                templates.put(part, template);
            }
        }
        if (!errors.isEmpty()) {
            return new Validation(List.copyOf(errors), List.of(), null, null);
        }
        CompiledSet compiled = new CompiledSet(set.phase(), set.language(), templates);
        Map<String, Object> samples = NoticeVariables.samples();
        samples.put(NoticeVariables.PHASE, set.phase());
        RenderedNotice sample;
        try {
            sample = compiled.render(samples, false);
        } catch (MustacheException | IllegalArgumentException e) {
            return new Validation(List.of(new TemplateProblem("text", null, "cannot be rendered: " + e.getMessage())),
                    List.of(), null, null);
        }
        List<TemplateProblem> warnings = new ArrayList<>();
        checkLimits(compiled, samples, sample, errors, warnings);
        return errors.isEmpty()
                ? new Validation(List.of(), List.copyOf(warnings), compiled, sample)
                : new Validation(List.copyOf(errors), List.copyOf(warnings), null, null);
    }

    private static Template compile(TemplatePart part, String source, List<TemplateProblem> errors) {
        String name = part.code();
        if (source == null || source.isBlank()) {
            errors.add(new TemplateProblem(name, null, "is required"));
            return null;
        }
        if (source.length() > MAX_PART_LENGTH) {
            errors.add(new TemplateProblem(name, null, "is " + source.length() + " characters long; at most "
                    + MAX_PART_LENGTH + " are allowed"));
            return null;
        }
        int delimiters = source.indexOf("{{=");
        if (delimiters >= 0) {
            errors.add(new TemplateProblem(name, lineOf(source, delimiters),
                    "changing the delimiters ({{=...=}}) is not supported"));
            return null;
        }
        Template template;
        try {
            template = SafeMustache.compile(part, source);
        } catch (MustacheParseException e) {
            Matcher located = PARSE_LINE.matcher(String.valueOf(e.getMessage()));
            errors.add(located.matches()
                    ? new TemplateProblem(name, Integer.valueOf(located.group(2)), located.group(1))
                    : new TemplateProblem(name, null, String.valueOf(e.getMessage())));
            return null;
        } catch (MustacheException | IllegalArgumentException e) {
            errors.add(new TemplateProblem(name, null, String.valueOf(e.getMessage())));
            return null;
        }
        int before = errors.size();
        unclosedTags(name, source, errors);
        checkNames(part, source, template, errors);
        if (part == TemplatePart.HTML && !usesParagraphs(template)) {
            errors.add(new TemplateProblem(name, null, "must show the e-mail text with "
                    + "{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}, so that the HTML follows the agent's edits"));
        }
        return errors.size() == before ? template : null;
    }

    /** jmustache keeps a "{{" without "}}" as text; a customer would see it, so it is an error here. */
    private static void unclosedTags(String part, String source, List<TemplateProblem> errors) {
        int open = source.indexOf("{{");
        while (open >= 0) {
            int close = source.indexOf("}}", open + 2);
            int next = source.indexOf("{{", open + 2);
            if (close < 0 || (next >= 0 && next < close && !source.startsWith("{{{", open))) {
                errors.add(new TemplateProblem(part, lineOf(source, open), "tag opened with {{ is not closed with }}"));
                return;
            }
            open = source.indexOf("{{", close + 2);
        }
    }

    private static void checkNames(TemplatePart part, String source, Template template, List<TemplateProblem> errors) {
        Set<String> reported = new LinkedHashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                check(name);
            }

            @Override
            public boolean visitInclude(String name) {
                report(name, "includes ({{>" + name + "}}) are not allowed in notice templates");
                return false;
            }

            @Override
            public boolean visitParent(String name) {
                report(name, "template inheritance ({{<" + name + "}}) is not allowed in notice templates");
                return false;
            }

            @Override
            public boolean visitBlock(String name) {
                report(name, "blocks ({{$" + name + "}}) are not allowed in notice templates");
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                check(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                check(name);
                return true;
            }

            private void check(String name) {
                if (!NoticeVariables.allowed(name)) {
                    report(name, "unknown variable '" + name + "'; known variables are "
                            + String.join(", ", NoticeVariables.ALL.stream().map(NoticeVariables.Variable::name).toList()));
                } else if (name.equals(NoticeVariables.PARAGRAPHS) && part != TemplatePart.HTML) {
                    report(name, "'paragraphs' exists only in the html part; here use the variables directly");
                } else if (name.equals(NoticeVariables.CUSTOMER_NAME) && !part.personal()) {
                    report(name, "'customerName' is empty in the " + part.code()
                            + " part, which is not addressed to one customer; use it in subject, text or phone");
                }
            }

            private void report(String name, String message) {
                if (reported.add(name)) {
                    errors.add(new TemplateProblem(part.code(), lineOfTag(source, name), message));
                }
            }
        });
    }

    private static boolean usesParagraphs(Template template) {
        boolean[] found = {false};
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
            }

            @Override
            public boolean visitInclude(String name) {
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                found[0] |= name.equals(NoticeVariables.PARAGRAPHS);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return true;
            }
        });
        return found[0];
    }

    private static void checkLimits(CompiledSet compiled, Map<String, Object> samples, RenderedNotice sample,
                                    List<TemplateProblem> errors, List<TemplateProblem> warnings) {
        for (TemplatePart part : TemplatePart.values()) {
            if (sample.part(part).isBlank()) {
                errors.add(new TemplateProblem(part.code(), null, "renders as nothing with the sample data"));
            }
        }
        if (compiled.raw(TemplatePart.SUBJECT, samples).strip().contains("\n")) {
            errors.add(new TemplateProblem("subject", null, "must be one line"));
        }
        if (sample.subject().length() > SUBJECT_LIMIT) {
            errors.add(new TemplateProblem("subject", null, "is " + sample.subject().length()
                    + " characters with the sample data; at most " + SUBJECT_LIMIT + " are allowed"));
        }
        int x = PostLength.x(sample.x());
        if (x > PostLength.X_LIMIT) {
            errors.add(new TemplateProblem("x", null, "is " + x + " characters as X counts them with the sample data"
                    + " (links count 23); at most " + PostLength.X_LIMIT + " are allowed"));
        }
        String statusPage = String.valueOf(samples.get("statusPageUrl"));
        if (!sample.x().contains(statusPage)) {
            errors.add(new TemplateProblem("x", null, "must link to the status page: use {{incidentUrl}} or {{statusPageUrl}}"));
        }
        int mastodon = PostLength.mastodon(sample.mastodon());
        if (mastodon > PostLength.MASTODON_LIMIT) {
            errors.add(new TemplateProblem("mastodon", null, "is " + mastodon + " characters with the sample data"
                    + " (links count 23); at most " + PostLength.MASTODON_LIMIT + " are allowed"));
        }
        SmsText sms = sample.smsInfo();
        if (sms.segments() > 1) {
            warnings.add(new TemplateProblem("sms", null, "is " + sms.describe() + " with the sample data; operators"
                    + " bill each segment"));
        }
    }

    private static Integer lineOfTag(String source, String name) {
        Matcher tag = Pattern.compile("\\{\\{[{#^/&>$<]?\\s*" + Pattern.quote(name) + "\\s*}?}}").matcher(source);
        return tag.find() ? lineOf(source, tag.start()) : null;
    }

    private static int lineOf(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
