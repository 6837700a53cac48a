package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.blackstart.app.demo.DemoMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The demo's e-mail vendors: configured for the vendor-mail plugin, and a commander can answer as one. */
class DemoVendorMailIT extends PlatformIT {

    @Autowired
    private DemoMailServer mail;

    @Autowired
    private Environment environment;

    private List<MimeMessage> toOurMailbox(String subject) {
        return mail.received().stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void theDemoVendorsAreEmailAccountsOnTheDemoMailServer() {
        String smtp = environment.getProperty("blackstart.demo.mail.smtp-port");
        assertThat(environment.getProperty("blackstart.plugins.vendor-mail.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("blackstart.plugins.vendor-mail.accounts.storeco.to")).isEqualTo("support@storeco.example");
        assertThat(environment.getProperty("blackstart.plugins.vendor-mail.accounts.hostly.to")).isEqualTo("noc@hostly.example");
        assertThat(environment.getProperty("blackstart.plugins.vendor-mail.accounts.hostly.from")).isEqualTo("incidents@blackstart.local");
        assertThat(environment.getProperty("blackstart.plugins.vendor-mail.accounts.storeco.smtp.port")).isEqualTo(smtp);
        assertThat(environment.getProperty("blackstart.plugins.vendor-mail.accounts.storeco.poll-interval")).isEqualTo("PT10S");
    }

    @Test
    void aCommanderAnswersAsTheVendorWithAFile() throws Exception {
        // A case of a year no incident of the shared test context has: the reply must be parked.
        ResponseEntity<String> response = api().send("commander", HttpMethod.POST, "/api/demo/vendor-mail", """
                {"vendor": "storeco", "caseNumber": "INC-1999-0042-STORECO", "text": "Please send the controller logs.",
                 "attachmentName": "storeco-analysis.txt", "attachmentText": "cache battery degraded"}""");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        assertThat(api().json(response).path("subject").asText()).isEqualTo("Re: [Case INC-1999-0042-STORECO]");
        await().atMost(Duration.ofSeconds(10)).until(() -> toOurMailbox("Re: [Case INC-1999-0042-STORECO]").size() == 1);
        MimeMessage sent = toOurMailbox("Re: [Case INC-1999-0042-STORECO]").get(0);
        assertThat(sent.getFrom()[0].toString()).contains("support@storeco.example");
        assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("incidents@blackstart.local");
        Multipart parts = (Multipart) sent.getContent();
        assertThat(String.valueOf(parts.getBodyPart(0).getContent()).strip()).isEqualTo("Please send the controller logs.");
        Part file = parts.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("storeco-analysis.txt");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        file.getInputStream().transferTo(bytes);
        assertThat(bytes.toString(StandardCharsets.UTF_8).strip()).isEqualTo("cache battery degraded");

        // The vendor-mail plugin reads it at its next poll; no incident has that case, so it waits for a person.
        JsonNode parked = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> parkedWithCase("INC-1999-0042-STORECO"), node -> node != null);
        assertThat(parked.path("system").asText()).isEqualTo("email");
        assertThat(parked.path("account").asText()).isEqualTo("storeco");
        assertThat(parked.path("kind").asText()).isEqualTo("REQUEST");
        assertThat(parked.path("text").asText()).isEqualTo("Please send the controller logs.");
        assertThat(parked.path("fileCount").asInt()).isEqualTo(1);
    }

    private JsonNode parkedWithCase(String caseNumber) {
        JsonNode list = api().json(api().send("commander", HttpMethod.GET, "/api/vendor-messages?state=PARKED", null));
        for (JsonNode message : list) {
            if (caseNumber.equals(message.path("caseNumber").asText())) {
                return message;
            }
        }
        return null;
    }

    @Test
    void thePluginIsActiveAndServesTheVendorTopics() {
        JsonNode plugins = api().json(api().send("commander", HttpMethod.GET, "/api/plugins", null));
        JsonNode vendorMail = null;
        for (JsonNode plugin : plugins.path("plugins")) {
            if ("vendor-mail".equals(plugin.path("descriptor").path("slug").asText())) {
                vendorMail = plugin;
            }
        }
        assertThat(vendorMail).as(plugins.toString()).isNotNull();
        assertThat(vendorMail.path("descriptor").path("topics").toString())
                .contains("vendor.case.open", "vendor.case.update", "vendor.case.close");
        assertThat(vendorMail.path("descriptor").path("inboundEndpoints").toString())
                .contains("vendor-poll:email:hostly");
    }

    @Test
    void onlyCommandersPlayTheVendorAndBadRequestsChangeNothing() {
        int before = mail.received().size();

        ResponseEntity<String> agent = api().send("agent", HttpMethod.POST, "/api/demo/vendor-mail",
                "{\"vendor\": \"storeco\", \"text\": \"hello\"}");
        ResponseEntity<String> unknown = api().send("commander", HttpMethod.POST, "/api/demo/vendor-mail",
                "{\"vendor\": \"acme\", \"text\": \"hello\"}");
        ResponseEntity<String> noText = api().send("commander", HttpMethod.POST, "/api/demo/vendor-mail",
                "{\"vendor\": \"storeco\", \"caseNumber\": \"INC-1999-0042-STORECO\"}");

        assertThat(agent.getStatusCode().value()).isEqualTo(403);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unknown.getBody()).contains("acme");
        assertThat(noText.getStatusCode().value()).isEqualTo(400);
        assertThat(noText.getBody()).contains("text");
        assertThat(mail.received()).hasSize(before);
    }
}
