package org.blackstart.app.notice.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.blackstart.app.notice.NoticeProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class NoticeTemplatesTest {

    private static final BundledTemplates BUNDLED = new BundledTemplates();

    private JdbcTemplate jdbc;
    private NoticeTemplates templates;

    @BeforeEach
    void database() throws IOException {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        jdbc.execute(new ClassPathResource("db/migration/V8__notice_templates.sql").getContentAsString(StandardCharsets.UTF_8));
        templates = new NoticeTemplates(BUNDLED, new CustomTemplateRepository(jdbc), new NoticeProperties("nl", "Ops"),
                Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aRegionalTagReadsItsLanguageAndAnUnknownOneTheDefaultThenEnglish() {
        Map<String, Object> data = Map.of("title", "Mail delayed");

        assertThat(templates.render("investigating", "de-CH", data).language()).isEqualTo("de");
        assertThat(templates.render("investigating", "de-CH", data).subject()).isEqualTo("Störung: Mail delayed ()");
        assertThat(templates.render("investigating", "es", data).language()).as("default language nl").isEqualTo("nl");
        assertThat(templates.render("investigating", null, data).language()).isEqualTo("nl");
        assertThat(new NoticeTemplates(BUNDLED, new CustomTemplateRepository(jdbc), new NoticeProperties("tlh", "Ops"),
                Clock.systemUTC()).render("resolved", "es", data).language()).isEqualTo("en");
    }

    @Test
    void anUnknownPhaseNamesThePhases() {
        assertThatThrownBy(() -> templates.render("outage", "en", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'outage'").hasMessageContaining("investigating, identified, monitoring");
    }

    @Test
    void aSavedSetReplacesTheBundledOneUntilItIsReset() {
        Map<TemplatePart, String> parts = TemplateValidatorTest.goodParts();
        parts.put(TemplatePart.SUBJECT, "Custom: {{title}}");

        templates.save("resolved", "fr", parts, "agent");

        assertThat(templates.render("resolved", "fr-BE", Map.of("title", "T")).subject()).isEqualTo("Custom: T");
        assertThat(templates.list()).filteredOn(i -> i.phase().equals("resolved") && i.language().equals("fr"))
                .singleElement().satisfies(i -> {
                    assertThat(i.source()).isEqualTo(NoticeTemplates.Source.CUSTOM);
                    assertThat(i.updatedBy()).isEqualTo("agent");
                    assertThat(i.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
                });
        assertThat(templates.list()).hasSize(48);

        assertThat(templates.reset("resolved", "fr")).isTrue();
        assertThat(templates.render("resolved", "fr", Map.of("title", "T")).subject()).startsWith("Résolu : T");
        assertThat(templates.reset("resolved", "fr")).isFalse();
    }

    @Test
    void anInvalidSetIsNotStored() {
        Map<TemplatePart, String> parts = TemplateValidatorTest.goodParts();
        parts.put(TemplatePart.SUBJECT, "Custom: {{titel}}");

        assertThatThrownBy(() -> templates.save("resolved", "en", parts, "agent"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("unknown variable 'titel'")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_notice_template", Integer.class)).isZero();
    }

    @Test
    void aNewLanguageCanBeAddedAndIsListed() {
        templates.save("investigating", "es", TemplateValidatorTest.goodParts(), "admin");

        assertThat(templates.languages()).containsExactly("de", "en", "es", "fr", "nl");
        assertThat(templates.render("investigating", "es-MX", Map.of("title", "Correo lento")).language()).isEqualTo("es");
        assertThat(templates.render("resolved", "es", Map.of()).language()).as("no Spanish resolved set").isEqualTo("nl");
    }

    @Test
    void previewRendersUnsavedEditsOverTheCurrentSetWithGivenData() {
        NoticeTemplates.Preview preview = templates.preview("monitoring", "en",
                Map.of(TemplatePart.SMS, "{{title}}: fixed. {{incidentUrl}}"),
                Map.of("title", "Webmail slow"));

        assertThat(preview.notice().sms()).startsWith("Webmail slow: fixed. https://status.example.com/incidents/");
        assertThat(preview.notice().subject()).startsWith("Fix applied, monitoring: Webmail slow");
        assertThat(preview.warnings()).isEmpty();
        assertThatThrownBy(() -> templates.preview("monitoring", "en", Map.of(TemplatePart.X, "{{#title}}"), null))
                .isInstanceOf(InvalidTemplateException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_notice_template", Integer.class)).isZero();
    }
}
