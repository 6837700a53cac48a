package org.blackstart.app.security;

import static org.blackstart.app.security.Groups.INCIDENT_COMMANDERS;
import static org.blackstart.app.security.Groups.ON_CALL;
import static org.blackstart.app.security.Groups.PLATFORM_ADMINS;
import static org.blackstart.app.security.Groups.SUPPORT_AGENTS;
import static org.blackstart.app.security.Groups.authority;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import org.blackstart.app.api.ProblemWriter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. {@code /api} takes HTTP Basic against the engine's users, or the webapps' login
 * session for Blackstart's own pages ({@link WebappSessionCallers}); {@code /engine-rest}
 * is authenticated by Camunda's own filter, so that the engine applies its authorizations to every
 * REST call; the webapps have their own login and CSRF protection, which Spring Security must not
 * duplicate (both on makes the webapp login fail with 403). In Keycloak mode
 * {@link KeycloakSecurityConfiguration} replaces the webapps' and {@code /engine-rest}'s chains and
 * how callers authenticate; the role rules here stay the same.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static PathPatternRequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * Machines, not people, call these: alert sources, heartbeats and telephony callbacks. Each is
     * authenticated by its own credential (a per-source bearer token or HMAC signature, Twilio's
     * request signature, a vendor webhook's shared secret) where it is received, so HTTP Basic for
     * people must not apply.
     */
    static final String[] WEBHOOK_POSTS = {"/api/alerts/*", "/api/events", "/api/heartbeats/*", "/api/twilio/**",
            "/api/vendor-webhooks/**"};

    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        RequestMatcher[] matchers = Arrays.stream(WEBHOOK_POSTS)
                .map(p -> PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, p)).toArray(RequestMatcher[]::new);
        return http.securityMatcher(new OrRequestMatcher(matchers))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, ProblemWriter problems,
                            CallerAuthentication callers, ProcessEngine engine) throws Exception {
        http.securityMatcher(path("/api/**"))
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/incidents"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // demo only: playing a vendor who answers a case by e-mail
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/demo/vendor-mail"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // on-call people, schedules and policies: commanders and admins edit (who reads: below)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/oncall/**"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/oncall/**"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // customer directory: support agents and admins import and edit (who reads: below)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/customers/**"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/customers/**"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/customers/**"))
                        .hasAnyAuthority(authority(SUPPORT_AGENTS), authority(PLATFORM_ADMINS))
                        // scheduled maintenance: anyone reads; commanders, agents and admins schedule and change
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/maintenance/**"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/maintenance/**"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(SUPPORT_AGENTS), authority(PLATFORM_ADMINS))
                        // parked vendor messages: commanders and admins file or dismiss them (who reads: below)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/vendor-messages/**"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path("/api/statuspage/**")).hasAuthority(authority(PLATFORM_ADMINS))
                        .requestMatchers(path("/api/admin/search/**")).hasAuthority(authority(PLATFORM_ADMINS))
                        // vendor registry: commanders and admins edit (who reads: below)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/vendors/**"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/vendors/**"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // files for a vendor: whoever works the incident, on-call engineers with their logs too
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                                "/api/incidents/*/vendor-escalations/*/attachments"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(ON_CALL), authority(PLATFORM_ADMINS))
                        // reviewing the work the outage delayed is the commander's call
                        .requestMatchers(path(HttpMethod.POST, "/api/incidents/*/deferred-work"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // reopening a monitoring incident, or closing it early, is the commander's call
                        .requestMatchers(path(HttpMethod.POST, "/api/incidents/*/reopen"), path(HttpMethod.POST, "/api/incidents/*/close"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // changing an incident's course (re-triage, status page states) is the commander's call;
                        // notes come from whoever talks to customers or runs the incident
                        .requestMatchers(path(HttpMethod.POST, "/api/incidents/*/triage"),
                                path(HttpMethod.PUT, "/api/incidents/*/components/*"),
                                path(HttpMethod.POST, "/api/incidents/*/pages"), path(HttpMethod.POST, "/api/incidents/*/on-site"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path(HttpMethod.POST, "/api/incidents/*/notes"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(SUPPORT_AGENTS), authority(PLATFORM_ADMINS))
                        // a postmortem for an incident that did not get one with its close is the commander's call;
                        // reading one is for whoever runs incidents or talks to customers
                        .requestMatchers(path(HttpMethod.POST, "/api/incidents/*/postmortem"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path(HttpMethod.GET, "/api/incidents/*/postmortem"),
                                path(HttpMethod.GET, "/api/incidents/*/postmortem.md"),
                                path(HttpMethod.GET, "/api/incidents/*/postmortem.pdf"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(SUPPORT_AGENTS), authority(PLATFORM_ADMINS))
                        // the record: key times and links are the commander's word; pins for the postmortem anyone's
                        // who works the incident
                        .requestMatchers(path(HttpMethod.PUT, "/api/incidents/*/key-times/*"),
                                path(HttpMethod.POST, "/api/incidents/*/links"),
                                path(HttpMethod.DELETE, "/api/incidents/*/links/*"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path(HttpMethod.PUT, "/api/incidents/*/timeline/*/pin"),
                                path(HttpMethod.DELETE, "/api/incidents/*/timeline/*/pin"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(SUPPORT_AGENTS), authority(PLATFORM_ADMINS))
                        // action items: commanders record them; who marks one done (its owner too) is decided by the API
                        .requestMatchers(path(HttpMethod.POST, "/api/incidents/*/actions"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path(HttpMethod.GET, "/api/actions"))
                        .hasAnyAuthority(authority(SUPPORT_AGENTS), authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // running a runbook for an incident is the commander's call; evidence comes from whoever works
                        // a step (the API checks that the step is theirs)
                        .requestMatchers(path(HttpMethod.POST, "/api/incidents/*/runbooks"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path(HttpMethod.POST, "/api/runbook-steps/*/evidence"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(ON_CALL), authority(PLATFORM_ADMINS))
                        // escalating to a vendor, and closing a vendor case (one kept after its incident), is the commander's call
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                                "/api/incidents/*/vendor-escalations"), path(HttpMethod.POST, "/api/incidents/*/vendor-cases/*/close"))
                        .hasAnyAuthority(authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // notice templates: support agents and admins save and reset (who reads and previews: below)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/notice-templates/**"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/notice-templates/**"))
                        .hasAnyAuthority(authority(SUPPORT_AGENTS), authority(PLATFORM_ADMINS))
                        // Reads follow roles. Personal data of customers, and what is written to them, is for
                        // the people who talk to customers and run incidents; on-call engineers see what paging
                        // needs: incidents, their alerts, schedules and policies, their own record, files for a vendor.
                        .requestMatchers(path(HttpMethod.GET, "/api/customers/**"), path("/api/notice-templates/**"),
                                path(HttpMethod.GET, "/api/demo/mail"), path(HttpMethod.GET, "/api/demo/pages"),
                                path(HttpMethod.GET, "/api/vendors/**"), path(HttpMethod.GET, "/api/vendor-messages/**"),
                                path(HttpMethod.GET, "/api/incidents/*/vendor-cases"),
                                path(HttpMethod.GET, "/api/incidents/*/vendor-escalations"),
                                path(HttpMethod.GET, "/api/plugins"))
                        .hasAnyAuthority(authority(SUPPORT_AGENTS), authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path(HttpMethod.GET, "/api/oncall/people"))
                        .hasAnyAuthority(authority(SUPPORT_AGENTS), authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        .requestMatchers(path(HttpMethod.GET, "/api/oncall/people/{id}")).access(new WebExpressionAuthorizationManager(
                                "hasAnyAuthority('%s', '%s', '%s') or (hasAuthority('%s') and #id == authentication.name)".formatted(
                                        authority(SUPPORT_AGENTS), authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS),
                                        authority(ON_CALL))))
                        // figures across incidents: not for on-call engineers, whose reads are what paging needs
                        .requestMatchers(path(HttpMethod.GET, "/api/insights"), path(HttpMethod.GET, "/api/insights.csv"))
                        .hasAnyAuthority(authority(SUPPORT_AGENTS), authority(INCIDENT_COMMANDERS), authority(PLATFORM_ADMINS))
                        // everything else under /api: members of Blackstart's groups, not any user of the engine
                        .anyRequest().hasAnyAuthority(authority(SUPPORT_AGENTS), authority(INCIDENT_COMMANDERS),
                                authority(PLATFORM_ADMINS), authority(ON_CALL)));
        callers.configure(http);
        // after HTTP Basic or the bearer token: a request that brings its own credential is judged by it alone
        http.addFilterBefore(new WebappSessionCallers(engine.getIdentityService(), engine.getName()),
                AnonymousAuthenticationFilter.class);
        return http
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> problems.write(response,
                        HttpStatus.FORBIDDEN, "Forbidden", "your groups do not allow " + request.getMethod() + " "
                                + request.getRequestURI())))
                // /api never logs anyone in: the webapp session it reads was made by the webapps' login, which
                // guards against fixation itself. Renewing its id on every call made two calls sent together
                // from one page race, and the loser came back 401.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** HTTP Basic against the engine's users; in Keycloak mode a bearer token instead. */
    @Bean
    @Conditional(KeycloakMode.Off.class)
    CallerAuthentication httpBasicCallers(ProblemWriter problems) {
        return http -> http.httpBasic(basic -> basic.realmName("Blackstart").authenticationEntryPoint((request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Blackstart\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "log in with HTTP Basic");
        }));
    }

    @Bean
    @Order(2)
    @Conditional(KeycloakMode.Off.class)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager manager, CallerAuthentication callers)
            throws Exception {
        http.securityMatcher(path("/actuator/**"))
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        .anyRequest().hasAuthority(authority(PLATFORM_ADMINS)));
        callers.configure(http);
        return http
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(4)
    @Conditional(KeycloakMode.Off.class)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the public status page, its feed and subscriptions: no login, ever
                        .requestMatchers(path("/status"), path("/status/**")).permitAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /** Camunda's HTTP Basic filter: REST calls run as the user, under the engine's authorizations. */
    @Bean
    @Conditional(KeycloakMode.Off.class)
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("camunda-rest-authentication");
        registration.setOrder(101);
        return registration;
    }
}
