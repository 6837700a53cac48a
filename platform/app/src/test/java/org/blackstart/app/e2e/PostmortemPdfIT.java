package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The postmortem as PDF: for commanders and support agents (and admins), nobody else, and nothing of it leaks. */
class PostmortemPdfIT extends PlatformIT {

    private static final String TRIGGER = "The transfer switch of UPS B4 timed out";

    @Autowired
    JdbcTemplate jdbc;

    private String incidentWithPostmortem(String title) {
        String key = api().declare("commander", title);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO bs_postmortem (incident_key, status, author, trigger_text, contributing_factors, "
                        + "created_at, updated_at) VALUES (?, 'draft', 'commander', ?, ?, ?, ?)",
                key, TRIGGER, "<img src=\"http://127.0.0.1:9/tracker.png\"> the failover test was skipped", now, now);
        return key;
    }

    private ResponseEntity<byte[]> pdf(String user, String key) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return http.exchange("/api/incidents/" + key + "/postmortem.pdf", HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void commandersAgentsAndAdminsGetThePostmortemAsPdf() throws IOException {
        // given
        String key = incidentWithPostmortem("Power failure in rack B4 (PDF)");

        for (String user : List.of("commander", "agent", "admin")) {
            // when
            ResponseEntity<byte[]> response = pdf(user, key);

            // then a PDF with the postmortem's title and sections, what people typed shown as text
            assertThat(response.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
            assertThat(response.getHeaders().getFirst("Content-Disposition")).contains(key + "-postmortem.pdf");
            assertThat(new String(response.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(text(response.getBody())).contains("Postmortem " + key, "Power failure in rack B4 (PDF)", TRIGGER,
                    "<img src=\"http://127.0.0.1:9/tracker.png\"> the failover test was skipped");
        }
    }

    @Test
    void anonymousCallersAndOnCallEngineersAreRefusedAndGetNothingOfIt() {
        // given
        String key = incidentWithPostmortem("Power failure in rack B4 (refused)");
        Map<String, Object> before = jdbc.queryForMap("SELECT * FROM bs_postmortem WHERE incident_key = ?", key);

        // when
        ResponseEntity<byte[]> anonymous = pdf(null, key);
        ResponseEntity<byte[]> onCall = pdf("oncall-1", key);
        ResponseEntity<byte[]> wrongPassword = http.exchange("/api/incidents/" + key + "/postmortem.pdf", HttpMethod.GET,
                new HttpEntity<>(basic("commander", "not-the-password")), byte[].class);

        // then
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(onCall.getStatusCode().value()).isEqualTo(403);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        for (ResponseEntity<byte[]> refused : List.of(anonymous, onCall, wrongPassword)) {
            String body = refused.getBody() == null ? "" : new String(refused.getBody(), StandardCharsets.ISO_8859_1);
            assertThat(body).doesNotContain("%PDF", TRIGGER, "Power failure in rack B4");
            assertThat(refused.getHeaders().getContentType() == null ? "" : refused.getHeaders().getContentType().toString())
                    .doesNotContain("pdf");
        }
        assertThat(jdbc.queryForMap("SELECT * FROM bs_postmortem WHERE incident_key = ?", key)).isEqualTo(before);
    }

    @Test
    void anIncidentWithoutAPostmortemOrNoIncidentAtAllIsNotFound() {
        // given
        String key = api().declare("commander", "No postmortem yet (PDF)");

        // when / then
        assertThat(pdf("commander", key).getStatusCode().value()).isEqualTo(404);
        assertThat(pdf("commander", "INC-1999-0001").getStatusCode().value()).isEqualTo(404);
    }

    private static HttpHeaders basic(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return headers;
    }
}
