package org.blackstart.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.blackstart.app.api.ProblemWriter;
import org.blackstart.app.ratelimit.FailedLogins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every place that checks a password (Spring Security's HTTP Basic on {@code /api} and
 * {@code /actuator}, Camunda's on {@code /engine-rest}, the webapps' login form): a request that
 * carries a password and is answered 401 counts as a failed login of its client address, and a
 * blocked address gets 429 before its credentials are even checked. Other addresses, the real
 * commander among them, are not affected.
 *
 * <p>The client address is {@link HttpServletRequest#getRemoteAddr()}: behind a reverse proxy that is
 * the proxy, unless the operator sets {@code server.forward-headers-strategy} for a proxy they trust.
 * X-Forwarded-For is never read here, because anyone can send it and pick a fresh address per guess.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
    /**
     * Camunda's webapp login, {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, under whatever
     * {@code camunda.bpm.webapp.application-path} the operator chose.
     */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("(/[^/]+)*/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final FailedLogins failedLogins;
    private final ProblemWriter problems;

    LoginThrottleFilter(LoginThrottleProperties properties, Clock clock, ProblemWriter problems) {
        this.failedLogins = new FailedLogins(properties.maxFailures(), properties.window(), properties.block(), clock);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !carriesPassword(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Optional<Duration> blocked = failedLogins.blocked(address);
        if (blocked.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(blocked.get().toSeconds()));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                    "too many failed logins from your address; try again in " + blocked.get().toSeconds() + " seconds");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value() && failedLogins.failed(address)) {
            LOG.warn("BLACKSTART-SECURITY-201 client address {} is blocked from logging in after too many failed logins",
                    address);
        }
    }

    private static boolean carriesPassword(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
    }
}
