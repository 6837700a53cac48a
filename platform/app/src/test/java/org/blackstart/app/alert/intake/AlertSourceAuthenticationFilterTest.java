package org.blackstart.app.alert.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.blackstart.app.api.ApiProperties;
import org.blackstart.app.api.ProblemWriter;
import org.blackstart.app.demo.DemoProperties;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;

/** Who gets through to the alert routes, and with which body. */
class AlertSourceAuthenticationFilterTest {

    private static final String BODY = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}";
    private static final DemoProperties DEMO_OFF = new DemoProperties(false, new DemoProperties.Mail(false, 2525, 2143));
    private static final DemoProperties DEMO_ON = new DemoProperties(true, new DemoProperties.Mail(false, 2525, 2143));

    private final AtomicReference<String> passedBody = new AtomicReference<>();

    private AlertSourceAuthenticationFilter filter(Map<String, AlertSourcesProperties.Credential> sources, DemoProperties demo) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        for (String source : List.of("alertmanager", "grafana")) {
            beans.registerSingleton(source, (BlackstartPlugin) () -> new PluginDescriptor(source, null, null, null, null,
                    List.of("/api/alerts/" + source), null));
        }
        return new AlertSourceAuthenticationFilter(new SourceCredentials(new AlertSourcesProperties(sources), demo),
                new ProblemWriter(new ObjectMapper()), new ApiProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(1), DataSize.ofMegabytes(10),
                        DataSize.ofMegabytes(10)),
                beans.getBeanProvider(BlackstartPlugin.class));
    }

    private MockHttpServletResponse post(AlertSourceAuthenticationFilter filter, String path, String body, Map<String, String> headers)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.setContentType("application/json");
        headers.forEach(request::addHeader);
        MockHttpServletResponse response = new MockHttpServletResponse();
        passedBody.set(null);
        filter.doFilter(request, response, (req, res) -> passedBody.set(
                StreamUtils.copyToString(((HttpServletRequest) req).getInputStream(), StandardCharsets.UTF_8)));
        return response;
    }

    private static AlertSourcesProperties.Credential token(String token) {
        return new AlertSourcesProperties.Credential(token, null, null);
    }

    private static String sign(String secret, String body) {
        return HexFormat.of().formatHex(AlertSourceAuthenticationFilter.hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRightBearerTokenPassesWithTheBodyIntact() throws Exception {
        var filter = filter(Map.of("alertmanager", token("s3cret-am-token")), DEMO_OFF);

        MockHttpServletResponse response = post(filter, "/api/alerts/alertmanager", BODY, Map.of("Authorization", "Bearer s3cret-am-token"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(passedBody.get()).isEqualTo(BODY);
    }

    @Test
    void aWrongOrMissingTokenIs401WithoutEchoingIt() throws Exception {
        var filter = filter(Map.of("alertmanager", token("s3cret-am-token")), DEMO_OFF);

        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer guessed-token"),
                Map.of("Authorization", "Basic czNjcmV0LWFtLXRva2Vu"), Map.of("Authorization", "Bearer s3cret-am-token-and-more"))) {
            MockHttpServletResponse response = post(filter, "/api/alerts/alertmanager", BODY, headers);

            assertThat(response.getStatus()).as(headers.toString()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"blackstart-alerts\"");
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("missing or wrong bearer token for alert source 'alertmanager'")
                    .doesNotContain("s3cret").doesNotContain("guessed");
            assertThat(passedBody.get()).as("the route is never reached").isNull();
        }
    }

    @Test
    void aSourceWithoutCredentialIsRefusedFailClosed() throws Exception {
        var filter = filter(Map.of("alertmanager", token("s3cret-am-token")), DEMO_OFF);

        MockHttpServletResponse grafana = post(filter, "/api/alerts/grafana", BODY, Map.of("Authorization", "Bearer s3cret-am-token"));
        MockHttpServletResponse events = post(filter, "/api/events", BODY, Map.of("Authorization", "Bearer demo-events-token"));
        MockHttpServletResponse heartbeat = post(filter, "/api/heartbeats/nightly-backup", "", Map.of("Authorization", "Bearer demo-heartbeats-token"));

        assertThat(List.of(grafana.getStatus(), events.getStatus(), heartbeat.getStatus())).containsOnly(401);
        assertThat(grafana.getContentAsString()).contains("alert source 'grafana' has no credential configured");
        assertThat(passedBody.get()).isNull();
    }

    @Test
    void demoModeGivesEachUnconfiguredSourceItsDemoToken() throws Exception {
        var filter = filter(Map.of("alertmanager", token("s3cret-am-token")), DEMO_ON);

        assertThat(post(filter, "/api/events", BODY, Map.of("Authorization", "Bearer demo-events-token")).getStatus()).isEqualTo(200);
        assertThat(post(filter, "/api/alerts/grafana", BODY, Map.of("Authorization", "Bearer demo-grafana-token")).getStatus()).isEqualTo(200);
        assertThat(post(filter, "/api/heartbeats/nightly-backup", "", Map.of("Authorization", "Bearer demo-heartbeats-token")).getStatus())
                .isEqualTo(200);
        assertThat(post(filter, "/api/alerts/alertmanager", BODY, Map.of("Authorization", "Bearer demo-alertmanager-token")).getStatus())
                .as("a configured source keeps its own credential").isEqualTo(401);
    }

    @Test
    void anHmacSourceAcceptsTheSignatureOfTheRawBodyOnly() throws Exception {
        var filter = filter(Map.of("alertmanager", new AlertSourcesProperties.Credential(null, "hmac-key-1", null)), DEMO_OFF);
        String signature = "sha256=" + sign("hmac-key-1", BODY);

        assertThat(post(filter, "/api/alerts/alertmanager", BODY, Map.of("X-Blackstart-Signature", signature)).getStatus()).isEqualTo(200);
        assertThat(passedBody.get()).isEqualTo(BODY);
        assertThat(post(filter, "/api/alerts/alertmanager", BODY + " ", Map.of("X-Blackstart-Signature", signature)).getStatus())
                .as("body changed").isEqualTo(401);
        assertThat(post(filter, "/api/alerts/alertmanager", BODY, Map.of("X-Blackstart-Signature", "sha256=" + sign("other", BODY)))
                .getStatus()).isEqualTo(401);
        assertThat(post(filter, "/api/alerts/alertmanager", BODY, Map.of("X-Blackstart-Signature", "sha256=zz")).getStatus()).isEqualTo(401);
        assertThat(post(filter, "/api/alerts/alertmanager", BODY, Map.of()).getStatus()).isEqualTo(401);
    }

    @Test
    void grafanaSignsInItsOwnHeaderWithBareHex() throws Exception {
        var filter = filter(Map.of("grafana", new AlertSourcesProperties.Credential(null, "grafana-hmac", "X-Grafana-Alerting-Signature")),
                DEMO_OFF);

        MockHttpServletResponse response = post(filter, "/api/alerts/grafana", BODY,
                Map.of("X-Grafana-Alerting-Signature", sign("grafana-hmac", BODY)));

        assertThat(response.getStatus()).isEqualTo(200);
        MockHttpServletResponse wrong = post(filter, "/api/alerts/grafana", BODY,
                Map.of("X-Grafana-Alerting-Signature", sign("grafana-hmac", "{}")));
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getContentAsString()).contains("X-Grafana-Alerting-Signature").doesNotContain("grafana-hmac");
    }

    @Test
    void anUnknownSourceIs404AndAnOversizedBody413() throws Exception {
        var filter = filter(Map.of("alertmanager", token("s3cret-am-token")), DEMO_ON);

        MockHttpServletResponse unknown = post(filter, "/api/alerts/nagios", BODY, Map.of("Authorization", "Bearer demo-nagios-token"));
        MockHttpServletResponse tooLarge = post(filter, "/api/alerts/alertmanager", "x".repeat(1025),
                Map.of("Authorization", "Bearer s3cret-am-token"));

        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("no alert source 'nagios' is installed");
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(passedBody.get()).isNull();
    }

    @Test
    void otherPathsAndMethodsAreNotItsBusiness() throws Exception {
        var filter = filter(Map.of(), DEMO_OFF);

        assertThat(post(filter, "/api/incidents", BODY, Map.of()).getStatus()).isEqualTo(200);
        assertThat(post(filter, "/api/alerts/a/b", BODY, Map.of()).getStatus()).isEqualTo(200);
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/alerts/alertmanager");
        get.setServletPath("/api/alerts/alertmanager");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(get, response, (req, res) -> passedBody.set("reached"));
        assertThat(passedBody.get()).isEqualTo("reached");
    }

    @Test
    void aCredentialIsExactlyOneOfTokenAndHmacSecretAndNeverPrinted() {
        assertThatThrownBy(() -> new AlertSourcesProperties.Credential("t", "h", null)).hasMessageContaining("both are set");
        assertThatThrownBy(() -> new AlertSourcesProperties.Credential(" ", null, null)).hasMessageContaining("neither is set");
        assertThatThrownBy(() -> new AlertSourcesProperties.Credential("t", null, "X-Sig")).hasMessageContaining("hmac-secret only");
        assertThatThrownBy(() -> new AlertSourcesProperties(Map.of("Bad Name", token("t")))).hasMessageContaining("Bad Name");
        assertThat(token("s3cret").toString()).doesNotContain("s3cret");
        assertThat(new AlertSourcesProperties.Credential(null, "h-s3cret", null).toString()).doesNotContain("s3cret")
                .contains("X-Blackstart-Signature");
    }
}
