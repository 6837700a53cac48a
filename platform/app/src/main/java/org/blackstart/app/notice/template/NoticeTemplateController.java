package org.blackstart.app.notice.template;

import java.security.Principal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/notice-templates}: the template sets notices are rendered from. Anyone logged in reads
 * and previews; support agents and platform admins save and reset (see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/notice-templates")
class NoticeTemplateController {

    private final NoticeTemplates templates;

    NoticeTemplateController(NoticeTemplates templates) {
        this.templates = templates;
    }

    /** A set in the list. */
    record SetSummary(String phase, String language, String source, String updatedBy, Instant updatedAt) {
        static SetSummary of(NoticeTemplates.SetInfo info) {
            return new SetSummary(info.phase(), info.language(), info.source().name().toLowerCase(Locale.ROOT),
                    info.updatedBy(), info.updatedAt());
        }
    }

    /** A set with its parts; {@code parts} is what PUT takes. */
    record SetBody(String phase, String language, String source, String updatedBy, Instant updatedAt,
                   Map<String, String> parts, List<TemplateProblem> warnings) {
    }

    /** The parts of a set, as PUT takes them and preview takes edits. */
    record Parts(String subject, String text, String html, String sms, String phone, String x, String mastodon,
                 String statuspage) {
        Map<TemplatePart, String> map() {
            Map<TemplatePart, String> parts = new EnumMap<>(TemplatePart.class);
            put(parts, TemplatePart.SUBJECT, subject);
            put(parts, TemplatePart.TEXT, text);
            put(parts, TemplatePart.HTML, html);
            put(parts, TemplatePart.SMS, sms);
            put(parts, TemplatePart.PHONE, phone);
            put(parts, TemplatePart.X, x);
            put(parts, TemplatePart.MASTODON, mastodon);
            put(parts, TemplatePart.STATUSPAGE, statuspage);
            return parts;
        }

        private static void put(Map<TemplatePart, String> parts, TemplatePart part, String source) {
            if (source != null) {
                parts.put(part, source);
            }
        }
    }

    /** The body of preview: unsaved edits and data over the samples, both optional. */
    record PreviewRequest(Parts parts, Map<String, Object> data) {
    }

    record SmsInfo(String encoding, int units, int segments, String description) {
    }

    record PreviewBody(String phase, String language, String subject, String text, String html, String sms,
                       String phone, String x, String mastodon, String statuspage, int xLength, int mastodonLength,
                       SmsInfo smsInfo, List<TemplateProblem> warnings) {
    }

    @GetMapping
    List<SetSummary> list() {
        return templates.list().stream().map(SetSummary::of).toList();
    }

    /** The variable catalogue, for whoever writes a template. */
    @GetMapping("/variables")
    List<NoticeVariables.Variable> variables() {
        return NoticeVariables.ALL;
    }

    @GetMapping("/{phase}/{language}")
    SetBody get(@PathVariable String phase, @PathVariable String language) {
        check(phase, language);
        NoticeTemplates.SetView view = templates.get(phase, language).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no notice template for " + phase + " in language '" + language + "'"));
        return body(view, List.of());
    }

    @PutMapping("/{phase}/{language}")
    SetBody put(@PathVariable String phase, @PathVariable String language, @RequestBody Parts parts, Principal user) {
        check(phase, language);
        List<TemplateProblem> warnings = templates.save(phase, language, parts.map(), user.getName());
        return body(templates.get(phase, language).orElseThrow(), warnings);
    }

    @DeleteMapping("/{phase}/{language}")
    ResponseEntity<Void> delete(@PathVariable String phase, @PathVariable String language) {
        check(phase, language);
        if (!templates.reset(phase, language)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no custom notice template for " + phase + " in language '" + language + "'");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{phase}/{language}/preview")
    PreviewBody preview(@PathVariable String phase, @PathVariable String language,
                        @RequestBody(required = false) PreviewRequest request) {
        check(phase, language);
        Map<TemplatePart, String> edits = request == null || request.parts() == null ? Map.of() : request.parts().map();
        Map<String, Object> data = request == null ? null : request.data();
        NoticeTemplates.Preview preview = templates.preview(phase, language, edits, data);
        RenderedNotice n = preview.notice();
        return new PreviewBody(n.phase(), n.language(), n.subject(), n.text(), n.html(), n.sms(), n.phone(), n.x(),
                n.mastodon(), n.statuspage(), n.xLength(), n.mastodonLength(),
                new SmsInfo(n.smsInfo().encoding().name(), n.smsInfo().units(), n.smsInfo().segments(),
                        n.smsInfo().describe()), preview.warnings());
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidTemplateException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid notice template");
        problem.setProperty("errors", ex.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static void check(String phase, String language) {
        if (!NoticePhases.known(phase)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, NoticePhases.unknown(phase).getMessage());
        }
        if (!NoticeTemplates.validLanguage(language)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "language must be a primary language subtag of"
                    + " 2 or 3 lower-case letters (en, nl, de), was '" + language + "'");
        }
    }

    private static SetBody body(NoticeTemplates.SetView view, List<TemplateProblem> warnings) {
        return new SetBody(view.info().phase(), view.info().language(),
                view.info().source().name().toLowerCase(Locale.ROOT), view.info().updatedBy(), view.info().updatedAt(),
                view.parts(), warnings);
    }
}
