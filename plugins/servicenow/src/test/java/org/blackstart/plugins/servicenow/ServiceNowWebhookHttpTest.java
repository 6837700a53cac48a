package org.blackstart.plugins.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.testkit.servicenow.ServiceNowSimulation;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.blackstart.testkit.vendor.VendorPluginPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The webhook as the platform serves it: the plugin's auto-configuration in a Spring Boot web server. */
@SpringBootTest(classes = ServiceNowWebhookHttpTest.Platform.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceNowWebhookHttpTest {

    private static final ServiceNowSimulation SN = ServiceNowSimulation.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    @Import(VendorPluginPlatform.class)
    static class Platform {
    }

    @DynamicPropertySource
    static void servicenow(DynamicPropertyRegistry registry) {
        String prefix = "blackstart.plugins.servicenow.accounts.storeco.";
        registry.add(prefix + "base-url", () -> SN.baseUrl().toString());
        registry.add(prefix + "username", () -> ServiceNowSimulation.USERNAME);
        registry.add(prefix + "password", () -> ServiceNowSimulation.PASSWORD);
        registry.add(prefix + "webhook-secret", () -> ServiceNowSimulation.WEBHOOK_SECRET);
        registry.add(prefix + "poll-interval", () -> "0");
    }

    @LocalServerPort
    int port;

    @Autowired
    InMemoryVendorInbox inbox;

    @Autowired
    ServiceNowAccounts accounts;

    @AfterAll
    static void stopServiceNow() {
        SN.close();
    }

    private HttpResponse<String> post(String account, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/vendor-webhooks/servicenow/" + account))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Blackstart-Secret", secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedCommentIsAcceptedAndAnythingElseIsRefusedWithProblemJson() throws Exception {
        String number = accounts.get("storeco").create(Map.of("short_description", "[INC-2026-0050] Array A",
                "correlation_id", "INC-2026-0050:storeco", "correlation_display", "Blackstart")).path("number").asText();
        inbox.knowCase("servicenow", number);
        SN.vendorUpdates(number, "3", "1", null);
        String comment = SN.vendorComments(number, "Please send the array's support bundle.");
        String body = SN.webhookBody(number, comment);

        HttpResponse<String> wrong = post("storeco", "wrong-secret-wrong-secret-wrong", body);
        HttpResponse<String> missing = post("storeco", null, body);
        HttpResponse<String> unknown = post("hostly", ServiceNowSimulation.WEBHOOK_SECRET, body);
        HttpResponse<String> malformed = post("storeco", ServiceNowSimulation.WEBHOOK_SECRET, "{not json");
        assertThat(inbox.delivered()).isEmpty();
        HttpResponse<String> accepted = post("storeco", ServiceNowSimulation.WEBHOOK_SECRET, body);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("DELIVERED");
        assertThat(inbox.delivered()).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REQUEST);
            assertThat(message.caseNumber()).isEqualTo(number);
            assertThat(message.text()).isEqualTo("Please send the array's support bundle.");
        });
    }
}
