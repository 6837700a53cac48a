package org.blackstart.app.notice.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.text.PostLength;
import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

    static Map<TemplatePart, String> goodParts() {
        Map<TemplatePart, String> parts = new EnumMap<>(TemplatePart.class);
        parts.put(TemplatePart.SUBJECT, "Disruption: {{title}}");
        parts.put(TemplatePart.TEXT, "{{#customerName}}Dear {{customerName}},{{/customerName}}\n\n{{customerImpact}}\n\n"
                + "Affected: {{affectedServices}} & more.\n\n{{signature}}");
        parts.put(TemplatePart.HTML, "<h1>{{title}}</h1>\n{{#paragraphs}}\n<p>{{.}}</p>\n{{/paragraphs}}");
        parts.put(TemplatePart.SMS, "{{title}} {{incidentUrl}}");
        parts.put(TemplatePart.PHONE, "Hello {{customerName}}, about {{incidentKey}}: {{customerImpact}}");
        parts.put(TemplatePart.X, "{{title}}: {{customerImpact}} {{incidentUrl}}");
        parts.put(TemplatePart.MASTODON, "{{title}}\n\n{{customerImpact}}\n\n{{incidentUrl}}");
        parts.put(TemplatePart.STATUSPAGE, "{{customerImpact}}{{#nextUpdate}} Next update at {{nextUpdate}}.{{/nextUpdate}}");
        return parts;
    }

    private static TemplateValidator.Validation validate(TemplatePart part, String source) {
        Map<TemplatePart, String> parts = goodParts();
        parts.put(part, source);
        return TemplateValidator.validate(new TemplateSet("investigating", "en", parts));
    }

    @Test
    void aGoodSetIsValidAndRendersEveryPart() {
        TemplateValidator.Validation validation = TemplateValidator.validate(new TemplateSet("investigating", "en", goodParts()));

        assertThat(validation.errors()).isEmpty();
        assertThat(validation.sample().subject()).isEqualTo("Disruption: E-mail delivery delayed");
        assertThat(validation.sample().text()).contains("Dear Acme Retail,").contains("Mail delivery, Webmail & more.");
        assertThat(validation.sample().phone()).startsWith("Hello Acme Retail, about INC-2026-0042");
    }

    @Test
    void aSyntaxErrorNamesThePartAndTheLine() {
        TemplateValidator.Validation validation = validate(TemplatePart.TEXT, "Dear customer,\n\n{{#affectedServices}}\n{{.}}\n");

        assertThat(validation.valid()).isFalse();
        assertThat(validation.errors()).singleElement().satisfies(p -> {
            assertThat(p.part()).isEqualTo("text");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("missing close tag").contains("affectedServices");
        });
    }

    @Test
    void aTagThatIsNeverClosedIsAnErrorNotText() {
        TemplateValidator.Validation validation = validate(TemplatePart.STATUSPAGE, "Status:\n{{customerImpact");

        assertThat(validation.errors()).singleElement()
                .isEqualTo(new TemplateProblem("statuspage", 2, "tag opened with {{ is not closed with }}"));
    }

    @Test
    void anUnknownVariableIsRefusedWithItsLine() {
        TemplateValidator.Validation validation = validate(TemplatePart.SMS, "{{title}}\nsee {{statusUrl}}");

        assertThat(validation.errors()).singleElement().satisfies(p -> {
            assertThat(p.part()).isEqualTo("sms");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("unknown variable 'statusUrl'").contains("statusPageUrl");
        });
    }

    @Test
    void nothingReachesIntoJava() {
        assertThat(validate(TemplatePart.TEXT, "{{title.class.name}}").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("unknown variable 'title.class.name'"));
        assertThat(validate(TemplatePart.TEXT, "{{>other}} text").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("includes"));
        assertThat(validate(TemplatePart.TEXT, "{{=<% %>=}}<%title%>").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("delimiters"));
    }

    @Test
    void anXPostLongerThan280AsXCountsIsRefused() {
        String text = "Our mail platform is down after a power failure in rack A3 of the Amsterdam datacenter. ";
        TemplateValidator.Validation validation = validate(TemplatePart.X, text + text + text + "{{incidentUrl}}");

        assertThat(PostLength.x(text + text + text + "https://x.example/")).isGreaterThan(280);
        assertThat(validation.errors()).singleElement().satisfies(p -> {
            assertThat(p.part()).isEqualTo("x");
            assertThat(p.line()).isNull();
            assertThat(p.message()).contains("at most 280");
        });
    }

    @Test
    void anXPostMustLinkToTheStatusPage() {
        assertThat(validate(TemplatePart.X, "{{title}}").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must link to the status page"));
    }

    @Test
    void paragraphsExistOnlyInHtmlAndHtmlMustShowThem() {
        assertThat(validate(TemplatePart.TEXT, "Hello\n{{#paragraphs}}{{.}}{{/paragraphs}}").errors()).singleElement()
                .satisfies(p -> {
                    assertThat(p.part()).isEqualTo("text");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).contains("only in the html part");
                });
        assertThat(validate(TemplatePart.HTML, "<p>{{title}}</p>").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("follows the agent's edits"));
    }

    @Test
    void customerNameIsRefusedInPublicPosts() {
        assertThat(validate(TemplatePart.MASTODON, "Dear {{customerName}}: {{title}} {{incidentUrl}}").errors())
                .singleElement().satisfies(p -> {
                    assertThat(p.part()).isEqualTo("mastodon");
                    assertThat(p.message()).contains("not addressed to one customer");
                });
    }

    @Test
    void theSubjectIsOneLineOfAtMost200() {
        assertThat(validate(TemplatePart.SUBJECT, "{{title}}\n{{severity}}").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("must be one line"));
        assertThat(validate(TemplatePart.SUBJECT, "x".repeat(190) + " {{title}}").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 200"));
    }

    @Test
    void anSmsOverOneSegmentIsReportedButAccepted() {
        TemplateValidator.Validation validation = validate(TemplatePart.SMS, "{{customerImpact}} {{customerImpact}} {{incidentUrl}}");

        assertThat(validation.valid()).isTrue();
        assertThat(validation.warnings()).singleElement().satisfies(p -> {
            assertThat(p.part()).isEqualTo("sms");
            assertThat(p.message()).startsWith("is 2 SMS");
        });
    }

    @Test
    void everyPartIsRequired() {
        Map<TemplatePart, String> parts = goodParts();
        parts.remove(TemplatePart.PHONE);
        parts.put(TemplatePart.STATUSPAGE, "  ");

        assertThat(TemplateValidator.validate(new TemplateSet("resolved", "en", parts)).errors())
                .containsExactly(new TemplateProblem("phone", null, "is required"),
                        new TemplateProblem("statuspage", null, "is required"));
    }

    @Test
    void onlyHtmlIsEscapedAndRealDataIsFittedKeepingTheLink() {
        CompiledSet set = TemplateValidator.validate(new TemplateSet("investigating", "en", goodParts())).compiled();
        String longImpact = "Messages <to> external addresses are delayed & queued. ".repeat(12);

        RenderedNotice notice = set.render(Map.of("title", "Mail <slow>", "customerImpact", longImpact,
                "incidentUrl", "https://status.example.com/incidents/INC-1", "affectedServices", "Mail, Webmail"));

        assertThat(notice.text()).contains("Messages <to> external addresses are delayed & queued.")
                .contains("Affected: Mail, Webmail & more.").doesNotContain("Dear");
        assertThat(notice.html()).contains("<h1>Mail &lt;slow&gt;</h1>").contains("<p>Messages &lt;to&gt;");
        assertThat(notice.xLength()).isLessThanOrEqualTo(280);
        assertThat(notice.x()).startsWith("Mail <slow>: Messages").endsWith("… https://status.example.com/incidents/INC-1");
        assertThat(notice.mastodonLength()).isLessThanOrEqualTo(500);
        assertThat(notice.mastodon()).endsWith("https://status.example.com/incidents/INC-1");
        assertThat(notice.smsInfo().segments()).isEqualTo(1);
    }

    @Test
    void theHtmlFollowsTheEditedText() {
        CompiledSet set = TemplateValidator.validate(new TemplateSet("investigating", "en", goodParts())).compiled();

        String html = set.html("First paragraph,\nsecond line.\n\n  \n\nSecond <b>paragraph</b>.", Map.of("title", "T"));

        assertThat(CompiledSet.paragraphs("a\n\nb\n \nc")).containsExactly("a", "b", "c");
        assertThat(html).contains("<p>First paragraph,\nsecond line.</p>").contains("<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>");
    }

    @Test
    void missingDataRendersEmptyNeverNull() {
        CompiledSet set = TemplateValidator.validate(new TemplateSet("investigating", "en", goodParts())).compiled();

        RenderedNotice notice = set.render(Map.of());

        assertThat(List.of(notice.subject(), notice.text(), notice.statuspage(), notice.x())).noneMatch(s -> s.contains("null"));
        assertThat(notice.statuspage()).isEmpty();
    }
}
