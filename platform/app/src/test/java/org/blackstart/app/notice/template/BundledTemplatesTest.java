package org.blackstart.app.notice.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.blackstart.spi.text.PostLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledTemplatesTest {

    private final BundledTemplates bundled = new BundledTemplates();

    List<String[]> sets() {
        return NoticePhases.ALL.stream().flatMap(phase -> BundledTemplates.LANGUAGES.stream()
                .map(language -> new String[] {phase, language})).toList();
    }

    @Test
    void thereIsASetForEveryPhaseInEveryBundledLanguage() {
        assertThat(sets()).hasSize(48);
        sets().forEach(s -> assertThat(bundled.find(s[0], s[1])).as(s[0] + "." + s[1]).isPresent());
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("sets")
    void rendersWithinEveryLimitWithSampleAndWithLongRealData(String phase, String language) {
        CompiledSet set = bundled.find(phase, language).orElseThrow().compiled();
        Map<String, Object> samples = NoticeVariables.samples();
        Map<String, Object> longData = NoticeVariables.samples();
        longData.put("title", "Mail delivery and webmail unavailable after a power failure in the Amsterdam datacenter");
        longData.put("customerImpact", "No messages can be sent or read. ".repeat(20));
        longData.put("affectedServices", List.of("Mail delivery", "Webmail", "Marketing e-mail", "Status API"));

        for (Map<String, Object> data : List.of(samples, longData, Map.<String, Object>of())) {
            RenderedNotice notice = set.render(data);
            for (TemplatePart part : TemplatePart.values()) {
                assertThat(notice.part(part)).as(part.code()).doesNotContain("{{").doesNotContain("null");
            }
            assertThat(notice.subject()).doesNotContain("\n");
            assertThat(notice.xLength()).isLessThanOrEqualTo(PostLength.X_LIMIT);
            assertThat(notice.mastodonLength()).isLessThanOrEqualTo(PostLength.MASTODON_LIMIT);
            assertThat(notice.html()).contains("<html lang=\"" + language + "\">");
        }
        RenderedNotice sample = set.render(samples, false);
        assertThat(sample.subject().length()).isLessThanOrEqualTo(TemplateValidator.SUBJECT_LIMIT);
        assertThat(sample.x()).as("unfitted with sample data").contains("https://status.example.com/incidents/INC-2026-0042");
        assertThat(PostLength.x(sample.x())).isLessThanOrEqualTo(PostLength.X_LIMIT);
        assertThat(sample.smsInfo().segments()).as(sample.sms()).isEqualTo(1);
        assertThat(sample.text()).contains("Acme Retail").contains("The operations team");
        assertThat(sample.phone()).contains("Acme Retail").contains("INC-2026-0042").contains("?");
        assertThat(sample.html()).contains(escape(CompiledSet.paragraphs(sample.text()).get(1)));
        if (!language.equals("en")) {
            RenderedNotice english = bundled.find(phase, "en").orElseThrow().compiled().render(samples, false);
            for (TemplatePart part : List.of(TemplatePart.SUBJECT, TemplatePart.TEXT, TemplatePart.SMS, TemplatePart.PHONE,
                    TemplatePart.X, TemplatePart.STATUSPAGE)) {
                assertThat(sample.part(part)).as("translated " + part.code()).isNotEqualTo(english.part(part));
            }
        }
    }

    List<String[]> endedImpactSets() {
        return List.of("resolved", "postmortem").stream().flatMap(phase -> BundledTemplates.LANGUAGES.stream()
                .map(language -> new String[] {phase, language})).toList();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("endedImpactSets")
    void onceTheIncidentIsOverNoPartRepeatsTheImpact(String phase, String language) {
        // given the triage's impact among the data
        Map<String, Object> data = NoticeVariables.samples();
        data.put("customerImpact", "Scheduled mailings are delayed");

        // when
        RenderedNotice notice = bundled.find(phase, language).orElseThrow().compiled().render(data);

        // then
        for (TemplatePart part : TemplatePart.values()) {
            assertThat(notice.part(part)).as(part.code()).doesNotContain("Scheduled mailings are delayed");
        }
    }

    @ParameterizedTest(name = "resolved.{0}")
    @MethodSource("languages")
    void theResolvedNoticeSaysWhatFixedItOnlyWhenTheCommanderWroteIt(String language) {
        // given
        CompiledSet set = bundled.find("resolved", language).orElseThrow().compiled();
        Map<String, Object> data = NoticeVariables.samples();
        String resolution = (String) data.get(NoticeVariables.RESOLUTION);

        // when
        RenderedNotice withResolution = set.render(data);
        data.put(NoticeVariables.RESOLUTION, "");
        RenderedNotice without = set.render(data);

        // then
        assertThat(withResolution.text()).contains(resolution);
        assertThat(withResolution.phone()).contains(resolution);
        assertThat(withResolution.statuspage()).contains(resolution);
        assertThat(withResolution.sms()).as("one segment stays one segment").doesNotContain(resolution);
        assertThat(without.text()).doesNotContain(":  ").doesNotContain("\n\n\n");
        assertThat(without.statuspage()).doesNotContain("\n\n\n");
    }

    @ParameterizedTest(name = "resolved.{0}")
    @MethodSource("languages")
    void theResolvedNoticeSaysUntilWhenTheFixIsWatched(String language) {
        // given
        CompiledSet set = bundled.find("resolved", language).orElseThrow().compiled();
        Map<String, Object> data = NoticeVariables.samples();
        data.put(NoticeVariables.MONITORING_UNTIL, "Tue 8 Dec 2026 23:45 UTC");

        // when
        RenderedNotice watched = set.render(data);
        data.put(NoticeVariables.MONITORING_UNTIL, "");
        RenderedNotice notWatched = set.render(data);

        // then
        for (TemplatePart part : List.of(TemplatePart.TEXT, TemplatePart.PHONE, TemplatePart.X, TemplatePart.MASTODON,
                TemplatePart.STATUSPAGE)) {
            assertThat(watched.part(part)).as(part.code()).contains("Tue 8 Dec 2026 23:45 UTC");
        }
        assertThat(watched.sms()).as("one segment stays one segment").doesNotContain("23:45");
        assertThat(notWatched.text()).doesNotContain("\n\n\n");
        assertThat(notWatched.statuspage()).doesNotContain("\n\n\n");
    }

    @ParameterizedTest(name = "reopened.{0}")
    @MethodSource("languages")
    void theReopenedNoticeRepeatsTheImpactAndWhenTheNextUpdateComes(String language) {
        // given
        Map<String, Object> data = NoticeVariables.samples();
        data.put("customerImpact", "Scheduled mailings are delayed");

        // when
        RenderedNotice notice = bundled.find("reopened", language).orElseThrow().compiled().render(data);

        // then
        for (TemplatePart part : List.of(TemplatePart.TEXT, TemplatePart.PHONE, TemplatePart.STATUSPAGE, TemplatePart.MASTODON)) {
            assertThat(notice.part(part)).as(part.code()).contains("Scheduled mailings are delayed").contains("14:30 CET");
        }
        assertThat(notice.subject()).contains("INC-2026-0042");
    }

    @ParameterizedTest(name = "monitoring.{0}")
    @MethodSource("languages")
    void aMonitoringCallWithoutAnImpactStillTellsTheCustomerWhatItMeans(String language) {
        // given a monitoring update sent after Mitigate, where the triage's impact has ended
        Map<String, Object> data = NoticeVariables.samples();
        data.put("customerImpact", "");

        // when
        RenderedNotice notice = bundled.find("monitoring", language).orElseThrow().compiled().render(data);

        // then no line of the call script ends in a colon with nothing after it
        assertThat(notice.phone().lines()).noneMatch(line -> line.strip().endsWith(":"));
    }

    List<String> languages() {
        return BundledTemplates.LANGUAGES;
    }

    @Test
    void aDutchIncidentIsAStoringAndAGermanOneAStoerung() {
        Map<String, Object> samples = NoticeVariables.samples();
        assertThat(bundled.find("investigating", "nl").orElseThrow().compiled().render(samples).subject()).startsWith("Storing:");
        assertThat(bundled.find("investigating", "de").orElseThrow().compiled().render(samples).subject()).startsWith("Störung:");
        assertThat(bundled.find("resolved", "fr").orElseThrow().compiled().render(samples).subject()).startsWith("Résolu :");
    }

    @Test
    void aBrokenBundledTemplateRefusesToStartNamingFilePartAndLine() {
        assertThatThrownBy(() -> new BundledTemplates("notices/broken/", List.of("investigating"), List.of("en")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notices/broken/investigating.en.mustache, part text line 3 (file line 9)")
                .hasMessageContaining("unknown variable 'impact'");
        assertThatThrownBy(() -> new BundledTemplates("notices/broken/", List.of("resolved"), List.of("en")))
                .hasMessageContaining("notices/broken/resolved.en.mustache is missing");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;").replace("=", "&#x3D;").replace("`", "&#x60;");
    }
}
