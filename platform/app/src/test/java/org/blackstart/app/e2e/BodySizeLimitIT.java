package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path has a body limit (64 KB unless a feature needs more), not only /api. */
class BodySizeLimitIT extends PlatformIT {

    private static final String PADDING = "x".repeat(100 * 1024);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    @Test
    void anOversizedSubscriptionIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        // given
        String declared = "declared-" + System.nanoTime() + "@example.org";
        String chunked = "chunked-" + System.nanoTime() + "@example.org";
        FromAddress client = new FromAddress("127.0.0.1", port);

        // when
        ResponseEntity<String> form = post("/status/subscribe", MediaType.APPLICATION_FORM_URLENCODED, null,
                "email=" + declared + "&pad=" + PADDING);
        FromAddress.Response json = client.send("POST", "/status/subscribe",
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                "{\"email\":\"" + chunked + "\",\"language\":\"" + PADDING + "\"}");
        FromAddress.Response chunkedForm = client.send("POST", "/status/subscribe",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Transfer-Encoding", "chunked"),
                "email=" + chunked);

        // then
        assertThat(form.getStatusCode().value()).isEqualTo(413);
        assertThat(form.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(form.getBody()).contains("the limit is 65536 bytes");
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.header("Content-Type")).startsWith("application/problem+json");
        assertThat(chunkedForm.status()).as("a form without a length").isEqualTo(411);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_status_subscription WHERE email IN (?, ?)", Long.class,
                declared, chunked)).isZero();
    }

    @Test
    void anOversizedEngineRestCallIsRefusedAndCreatesNothing() {
        // when an administrator creates a user with a 100 KB body
        ResponseEntity<String> response = post("/engine-rest/user/create", MediaType.APPLICATION_JSON, "admin",
                "{\"profile\":{\"id\":\"bigbody\",\"firstName\":\"" + PADDING + "\",\"lastName\":\"B\",\"email\":"
                        + "\"bigbody@example.org\"},\"credentials\":{\"password\":\"a-long-password\"}}");

        // then
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(identity.createUserQuery().userId("bigbody").count()).isZero();
    }

    @Test
    void anOversizedWebappLoginIsRefused() {
        ResponseEntity<String> response = post("/camunda/api/admin/auth/user/default/login/tasklist",
                MediaType.APPLICATION_FORM_URLENCODED, null, "username=agent&password=agent&pad=" + PADDING);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private ResponseEntity<String> post(String path, MediaType type, String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
