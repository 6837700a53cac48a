package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grafana configured with an HMAC secret in its own signature header, and no demo mode: the
 * signature decides, and sources nobody configured are refused.
 */
// Closed after the class: Camunda registers engines JVM-wide, and the shared context of the
// other ITs must find only its own engine when its REST API looks one up.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:blackstart-alert-hmac-it;DB_CLOSE_DELAY=-1",
        // Not "default": Camunda keeps engines in a JVM-wide registry by name, and the shared test
        // context's REST API must keep finding its own engine under that name.
        "camunda.bpm.process-engine-name=hmacIt",
        "blackstart.demo.enabled=false",
        "blackstart.statuspage.token-secret=hmac-it-only-status-page-link-signing-key-0123456789",
        "blackstart.demo.mail.enabled=false",
        "blackstart.alerts.sources.grafana.hmac-secret=grafana-webhook-secret",
        "blackstart.alerts.sources.grafana.signature-header=X-Grafana-Alerting-Signature"})
class AlertSourceHmacIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> post(String path, String body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private int alerts() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bs_alert_inbox", Integer.class);
    }

    @Test
    void aCorrectSignatureIsAcceptedAndAWrongOneRefused() throws Exception {
        int before = alerts();
        HttpHeaders wrong = new HttpHeaders();
        wrong.set("X-Grafana-Alerting-Signature", hmac("guessed-secret", AlertIntakeIT.GRAFANA));

        ResponseEntity<String> refused = post("/api/alerts/grafana", AlertIntakeIT.GRAFANA, wrong);

        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getBody()).doesNotContain("grafana-webhook-secret");
        assertThat(alerts()).isEqualTo(before);

        HttpHeaders right = new HttpHeaders();
        right.set("X-Grafana-Alerting-Signature", hmac("grafana-webhook-secret", AlertIntakeIT.GRAFANA));
        ResponseEntity<String> accepted = post("/api/alerts/grafana", AlertIntakeIT.GRAFANA, right);

        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(202);
        assertThat(alerts()).isEqualTo(before + 1);
    }

    @Test
    void withoutDemoModeThereAreNoDemoTokens() {
        HttpHeaders demo = new HttpHeaders();
        demo.setBearerAuth("demo-alertmanager-token");

        ResponseEntity<String> response = post("/api/alerts/alertmanager", AlertIntakeIT.ALERTMANAGER, demo);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).contains("alert source 'alertmanager' has no credential configured");
    }
}
