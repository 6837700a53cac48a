package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CamundaWebappLogoutTest {

    private final CamundaWebappLogout logout = new CamundaWebappLogout();

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setRequestURI(uri);
        return request;
    }

    @Test
    void theWebappsLogoutButtonWithItsCsrfTokenLogsOut() {
        MockHttpServletRequest request = request("POST", "/camunda/api/admin/auth/user/default/logout");
        request.setCookies(new Cookie("XSRF-TOKEN", "3F2A"));
        request.addHeader("X-XSRF-TOKEN", "3F2A");

        assertThat(logout.matches(request)).isTrue();
    }

    @Test
    void aCrossSitePostWithoutTheHeaderDoesNotLogOut() {
        MockHttpServletRequest request = request("POST", "/camunda/api/admin/auth/user/default/logout");
        request.setCookies(new Cookie("XSRF-TOKEN", "3F2A"));

        assertThat(logout.matches(request)).isFalse();
    }

    @Test
    void aHeaderThatIsNotTheCookiesTokenDoesNotLogOut() {
        MockHttpServletRequest request = request("POST", "/camunda/api/admin/auth/user/default/logout");
        request.setCookies(new Cookie("XSRF-TOKEN", "3F2A"));
        request.addHeader("X-XSRF-TOKEN", "guess");

        assertThat(logout.matches(request)).isFalse();
    }

    @Test
    void otherCamundaCallsAreNoLogout() {
        MockHttpServletRequest request = request("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setCookies(new Cookie("XSRF-TOKEN", "3F2A"));
        request.addHeader("X-XSRF-TOKEN", "3F2A");

        assertThat(logout.matches(request)).isFalse();
    }
}
