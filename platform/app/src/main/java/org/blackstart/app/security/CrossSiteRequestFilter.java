package org.blackstart.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.blackstart.app.api.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing call that a browser makes on another site's behalf. A browser that holds
 * cached HTTP Basic credentials or a session sends them along with a form post or a {@code fetch} from
 * any page, body or not; a token in every request would stop that but also every curl script and
 * monitoring system. Browsers say where a request comes from instead: {@code Sec-Fetch-Site} in all
 * current ones, {@code Origin} in older ones. A request with neither comes from no browser and passes
 * (the same rule as Go's {@code http.CrossOriginProtection}).
 *
 * <p>Webhooks ({@link SecurityConfiguration#WEBHOOK_POSTS}) are left alone: a browser holds no
 * credential for them, each is authenticated by its own token or signature, which another site cannot
 * make a browser add.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final RequestMatcher WEBHOOKS = new OrRequestMatcher(Arrays.stream(SecurityConfiguration.WEBHOOK_POSTS)
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, p)).toList());

    private final Set<String> trustedOrigins;
    private final ProblemWriter problems;

    CrossSiteRequestFilter(CrossSiteProperties properties, ProblemWriter problems) {
        this.trustedOrigins = properties.trustedOrigins().stream().map(o -> o.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || WEBHOOKS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (allowed(site, origin, request.getHeader("Host"))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("BLACKSTART-SECURITY-101 refused a cross-site {} {} (Sec-Fetch-Site: {}, Origin: {})", request.getMethod(),
                request.getRequestURI(), printable(site), printable(origin));
        problems.write(response, HttpStatus.FORBIDDEN, "Cross-site request refused", "a " + request.getMethod() + " to "
                + request.getRequestURI() + " sent by a page of another site is refused; call it from Blackstart's own "
                + "pages or from a script, or list your front end under blackstart.security.cross-site.trusted-origins");
    }

    private boolean allowed(String site, String origin, String host) {
        if (site != null) {
            return site.equals("same-origin") || site.equals("none") || trusted(origin);
        }
        if (origin == null) {
            return true;
        }
        return trusted(origin) || sameHost(origin, host);
    }

    private boolean trusted(String origin) {
        return origin != null && trustedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** As browsers without {@code Sec-Fetch-Site} leave it: the page's host and port against the one called. */
    private static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static String printable(String header) {
        if (header == null) {
            return "-";
        }
        String shown = header.length() > 100 ? header.substring(0, 100) + "..." : header;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
