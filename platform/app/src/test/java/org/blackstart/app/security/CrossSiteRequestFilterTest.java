package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.blackstart.app.api.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CrossSiteRequestFilterTest {

    private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(
            new CrossSiteProperties(List.of("https://ops.example.com")), new ProblemWriter(new ObjectMapper()));

    private static MockHttpServletRequest request(String method, String path, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServerName("blackstart.example.com");
        request.addHeader("Host", "blackstart.example.com");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** The status the filter answers, or 0 when it passes the request on. */
    private int status(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 0;
    }

    @Test
    void theOperatorsOwnFrontEndMayChangeStateFromItsOrigin() throws Exception {
        assertThat(status(request("POST", "/api/incidents", "Sec-Fetch-Site", "cross-site", "Origin", "https://ops.example.com")))
                .isZero();
        assertThat(status(request("POST", "/api/incidents", "Origin", "HTTPS://OPS.example.com"))).isZero();
        assertThat(status(request("POST", "/api/incidents", "Sec-Fetch-Site", "cross-site",
                "Origin", "https://ops.example.com.evil.example"))).isEqualTo(403);
        assertThat(status(request("DELETE", "/api/customers/c1", "Sec-Fetch-Site", "same-site",
                "Origin", "http://ops.example.com"))).as("another scheme is another origin").isEqualTo(403);
    }

    @Test
    void anOldBrowsersOriginIsComparedWithTheHostItCalls() throws Exception {
        assertThat(status(request("PUT", "/api/vendors/v1", "Origin", "https://blackstart.example.com"))).isZero();
        assertThat(status(request("PUT", "/api/vendors/v1", "Origin", "https://blackstart.example.com:8443"))).isEqualTo(403);
        assertThat(status(request("PATCH", "/api/vendors/v1", "Origin", "null"))).as("a sandboxed page").isEqualTo(403);
        assertThat(status(request("POST", "/api/vendors/v1", "Origin", "not a url"))).isEqualTo(403);
    }

    @Test
    void webhooksAreAuthenticatedByTheirOwnSignatureAndPass() throws Exception {
        assertThat(status(request("POST", "/api/alerts/alertmanager", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")))
                .isZero();
        assertThat(status(request("POST", "/api/twilio/voice/status", "Origin", "https://evil.example"))).isZero();
        assertThat(status(request("POST", "/api/vendor-webhooks/jira/acme", "Origin", "https://evil.example"))).isZero();
        assertThat(status(request("POST", "/api/alerts/alertmanager/more", "Origin", "https://evil.example")))
                .as("not a webhook path").isEqualTo(403);
    }

    @Test
    void safeMethodsPass() throws Exception {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertThat(status(request(method, "/api/customers", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")))
                    .isZero();
        }
    }

    @Test
    void aTrustedOriginWithAPathStopsTheStartNamingTheProperty() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(WithProperties.class)
                .withPropertyValues("blackstart.security.cross-site.trusted-origins[0]=https://ops.example.com/console")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("trustedOrigins[0]")
                        .hasMessageContaining("must be an origin such as https://ops.example.com"));
    }

    @EnableConfigurationProperties(CrossSiteProperties.class)
    static class WithProperties {
    }
}
