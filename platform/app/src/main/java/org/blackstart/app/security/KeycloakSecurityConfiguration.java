package org.blackstart.app.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.blackstart.app.api.ProblemWriter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Keycloak mode ({@code blackstart.keycloak.issuer-uri} set), with Spring Security's OAuth 2.0 and OIDC
 * support (Keycloak's own Java adapters are deprecated). People log in to the webapps and Blackstart's
 * pages through Keycloak (authorization code with PKCE) and Camunda takes them from Spring Security;
 * {@code /api}, {@code /actuator} and {@code /engine-rest} take Keycloak tokens. The role rules for
 * {@code /api} stay in {@link SecurityConfiguration}; only how callers authenticate differs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KeycloakMode.On.class)
class KeycloakSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakSecurityConfiguration.class);

    static final String REGISTRATION_ID = "keycloak";

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    KeycloakIdentity keycloakIdentity(KeycloakProperties keycloak) {
        return new KeycloakIdentity(keycloak);
    }

    @Bean
    ClientRegistrationRepository keycloakClients(KeycloakProperties keycloak) {
        ClientRegistration web = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.web().clientId())
                .clientSecret(keycloak.web().clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.endpoint("auth"))
                .tokenUri(keycloak.endpoint("token"))
                .userInfoUri(keycloak.endpoint("userinfo"))
                .jwkSetUri(keycloak.endpoint("certs"))
                .userNameAttributeName(KeycloakCallers.USER_NAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endpoint("logout")))
                .build();
        LOG.info("BLACKSTART-KEYCLOAK-005 Keycloak mode: people log in at {} (client {}), API tokens need audience {}",
                keycloak.issuer(), keycloak.web().clientId(), keycloak.apiAudience());
        return new InMemoryClientRegistrationRepository(web);
    }

    /** The login's tokens live in the person's session and go with it. */
    @Bean
    OAuth2AuthorizedClientRepository keycloakAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Bearer tokens on /api, /actuator and /engine-rest. */
    @Bean
    CallerAuthentication keycloakCallers(KeycloakProperties keycloak, IdentityService identity, ProblemWriter problems) {
        JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(KeycloakTokens.decoder(keycloak));
        tokens.setJwtAuthenticationConverter(new KeycloakCallers(identity));
        ProviderManager manager = new ProviderManager(tokens);
        return http -> http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.authenticationManager(manager))
                .authenticationEntryPoint((request, response, e) -> {
                    // RFC 6750: a token that was sent but refused is an invalid_token; no token, no error
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"Blackstart\""
                            + (e instanceof OAuth2AuthenticationException ? ", error=\"invalid_token\"" : ""));
                    problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", reason(e));
                }));
    }

    private static String reason(Exception e) {
        if (e instanceof OAuth2AuthenticationException invalid && invalid.getError().getDescription() != null) {
            return "the bearer token was refused: " + invalid.getError().getDescription();
        }
        return "send a bearer token from Keycloak (Authorization: Bearer <token>)";
    }

    @Bean
    @Order(2)
    SecurityFilterChain keycloakEngineRest(HttpSecurity http, CallerAuthentication callers) throws Exception {
        http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        callers.configure(http);
        return http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain keycloakWebapps(HttpSecurity http, ClientRegistrationRepository clients,
                                        OAuth2AuthorizedClientRepository authorizedClients) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(clients,
                "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the public status page, its feed and subscriptions: no login, ever
                        .requestMatchers(path("/status"), path("/status/**"), path("/error")).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                        .authorizedClientRepository(authorizedClients))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                                new CamundaWebappLogout()))
                        .addLogoutHandler(new KeycloakSessionLogout(authorizedClients))
                        .logoutSuccessHandler(afterLogout(clients)))
                // Camunda's webapps have their own CSRF protection (both on makes them fail with 403); the
                // status page's subscription form is public
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**"), path("/status/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /**
     * The webapps' logout button gets an empty 200, as from Camunda, and reloads into Keycloak's login;
     * a logout from Blackstart's pages goes through Keycloak's logout (RP-initiated) and back to {@code /}.
     */
    private static LogoutSuccessHandler afterLogout(ClientRegistrationRepository clients) {
        OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(clients);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");
        CamundaWebappLogout webapp = new CamundaWebappLogout();
        return (request, response, authentication) -> {
            if (webapp.matches(request)) {
                response.setStatus(HttpStatus.OK.value());
            } else {
                keycloakLogout.onLogoutSuccess(request, response, authentication);
            }
        };
    }

    /** REST calls run as the token's user, with that user's groups, under the engine's authorizations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> keycloakEngineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
        registration.setName("camunda-rest-authentication");
        registration.setOrder(101);
        return registration;
    }

    /** The webapps take the person logged in through Keycloak instead of showing Camunda's login form. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> keycloakWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addUrlPatterns("/camunda/*");
        registration.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
        registration.setName("camunda-webapp-container-authentication");
        registration.setOrder(101);
        return registration;
    }
}
