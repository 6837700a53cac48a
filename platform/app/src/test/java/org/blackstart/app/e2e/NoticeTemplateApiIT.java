package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.blackstart.app.notice.template.NoticeTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class NoticeTemplateApiIT extends PlatformIT {

    private static final String SET = "/api/notice-templates/maintenance-reminder/fr";

    @Autowired
    NoticeTemplates templates;

    @AfterEach
    void backToBundled() {
        api().send("admin", HttpMethod.DELETE, SET, null);
    }

    /** The bundled French reminder with {@code subject} replaced: a complete PUT body. */
    private ObjectNode partsWithSubject(String subject) {
        JsonNode current = api().json(api().send("agent", HttpMethod.GET, SET, null));
        ObjectNode parts = ((ObjectNode) current.path("parts")).deepCopy();
        parts.put("subject", subject);
        return parts;
    }

    @Test
    void aBrokenTemplateIsRefusedWithItsLineAndNothingChanges() {
        ObjectNode parts = partsWithSubject("Rappel : {{title}}");
        parts.put("text", "Bonjour,\n\nLa maintenance commence {{#windowStart}}bientôt.\n");

        ResponseEntity<String> response = api().send("agent", HttpMethod.PUT, SET, parts.toString());

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode error = api().json(response).path("errors").get(0);
        assertThat(error.path("part").asText()).isEqualTo("text");
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("message").asText()).contains("windowStart");
        assertThat(api().json(response).path("detail").asText()).startsWith("text line 3:");
        assertThat(api().json(api().send("agent", HttpMethod.GET, SET, null)).path("source").asText()).isEqualTo("bundled");
        assertThat(templates.render("maintenance-reminder", "fr", Map.of("title", "Migration")).subject())
                .startsWith("Rappel : la maintenance programmée commence");

        ResponseEntity<String> unknown = api().send("agent", HttpMethod.PUT, SET,
                partsWithSubject("Rappel : {{titre}}").toString());
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(unknown).path("errors").get(0).path("message").asText()).startsWith("unknown variable 'titre'");
    }

    @Test
    void aGoodTemplateIsUsedUntilItIsDeleted() {
        ResponseEntity<String> saved = api().send("agent", HttpMethod.PUT, SET,
                partsWithSubject("Rappel ({{incidentKey}}) : {{title}} commence {{windowStart}}").toString());

        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
        assertThat(api().json(saved).path("source").asText()).isEqualTo("custom");
        assertThat(api().json(saved).path("updatedBy").asText()).isEqualTo("agent");
        assertThat(templates.render("maintenance-reminder", "fr-CA",
                Map.of("title", "Migration", "incidentKey", "MNT-2026-0001", "windowStart", "mardi 22:00")).subject())
                .isEqualTo("Rappel (MNT-2026-0001) : Migration commence mardi 22:00");
        JsonNode listed = api().json(api().send("commander", HttpMethod.GET, "/api/notice-templates", null));
        assertThat(listed).filteredOn(s -> s.path("phase").asText().equals("maintenance-reminder")
                && s.path("language").asText().equals("fr")).singleElement()
                .satisfies(s -> assertThat(s.path("source").asText()).isEqualTo("custom"));

        JsonNode preview = api().json(api().send("commander", HttpMethod.POST, SET + "/preview",
                "{\"data\":{\"title\":\"Migration\"}}"));
        assertThat(preview.path("subject").asText()).startsWith("Rappel (INC-2026-0042) : Migration commence");
        assertThat(preview.path("xLength").asInt()).isBetween(1, 280);
        assertThat(preview.path("smsInfo").path("segments").asInt()).isEqualTo(1);

        assertThat(api().send("admin", HttpMethod.DELETE, SET, null).getStatusCode().value()).isEqualTo(204);
        assertThat(templates.render("maintenance-reminder", "fr", Map.of("title", "Migration")).subject())
                .startsWith("Rappel : la maintenance programmée commence");
        assertThat(api().send("admin", HttpMethod.DELETE, SET, null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anAgentMayWriteAndACommanderMayNot() {
        String body = partsWithSubject("Rappel : {{title}}").toString();

        assertThat(api().send("commander", HttpMethod.PUT, SET, body).getStatusCode().value()).isEqualTo(403);
        assertThat(api().json(api().send("agent", HttpMethod.GET, SET, null)).path("source").asText()).isEqualTo("bundled");
        assertThat(api().send("agent", HttpMethod.PUT, SET, body).getStatusCode().value()).isEqualTo(200);
        assertThat(api().send("commander", HttpMethod.DELETE, SET, null).getStatusCode().value()).isEqualTo(403);
        assertThat(api().send("commander", HttpMethod.GET, SET, null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unknownPhasesAndMalformedLanguagesAreRefused() {
        ResponseEntity<String> phase = api().send("agent", HttpMethod.GET, "/api/notice-templates/outage/fr", null);
        assertThat(phase.getStatusCode().value()).isEqualTo(404);
        assertThat(api().json(phase).path("detail").asText()).contains("investigating");
        assertThat(api().send("agent", HttpMethod.PUT, "/api/notice-templates/resolved/FR-fr",
                partsWithSubject("x {{title}}").toString()).getStatusCode().value()).isEqualTo(400);
        assertThat(api().send("agent", HttpMethod.GET, "/api/notice-templates/resolved/es", null).getStatusCode().value())
                .isEqualTo(404);
    }
}
