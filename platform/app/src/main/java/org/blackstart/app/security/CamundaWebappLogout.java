package org.blackstart.app.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Camunda webapps' logout button ({@code POST /camunda/api/admin/auth/user/<engine>/logout}), so that
 * Spring Security's logout handles it and the Keycloak session ends too. It must carry Camunda's CSRF
 * token (header {@code X-XSRF-TOKEN} equal to cookie {@code XSRF-TOKEN}), as the webapp sends it: another
 * site cannot set that header, so it cannot log people out.
 */
final class CamundaWebappLogout implements RequestMatcher {

    static final String PATH = "/camunda/api/admin/auth/user/*/logout";

    private final RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH);

    @Override
    public boolean matches(HttpServletRequest request) {
        return path.matches(request) && carriesCsrfToken(request);
    }

    private static boolean carriesCsrfToken(HttpServletRequest request) {
        String header = request.getHeader("X-XSRF-TOKEN");
        if (header == null || header.isEmpty() || request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if ("XSRF-TOKEN".equals(cookie.getName()) && cookie.getValue() != null
                    && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                    header.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
