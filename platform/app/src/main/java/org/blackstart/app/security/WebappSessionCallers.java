package org.blackstart.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Blackstart's own pages in the browser (the incident tab in Tasklist, the incident page) call
 * {@code /api} as the person logged in to the Camunda webapps, without asking for a password again.
 * Only a request that brings no credential of its own is looked at; the person's groups are read from
 * the engine on every call, so someone removed from a group loses its rights at once, not at the end of
 * the session. Forged calls from other sites stay refused by {@link CrossSiteRequestFilter}, which runs
 * before any credential is looked at; a session cookie is a credential a browser sends by itself, like
 * cached HTTP Basic.
 */
final class WebappSessionCallers extends OncePerRequestFilter {

    private final IdentityService identity;
    private final String engineName;

    WebappSessionCallers(IdentityService identity, String engineName) {
        this.identity = identity;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() == null ? loggedIn(request) : null;
        if (user != null) {
            List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId).map(id -> new SimpleGrantedAuthority(Groups.authority(id))).toList();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private String loggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        return authentications.getAuthentications().stream()
                .filter(a -> engineName.equals(a.getProcessEngineName()))
                .map(UserAuthentication::getIdentityId)
                .filter(id -> id != null && !id.isBlank())
                .findFirst().orElse(null);
    }
}
