package org.blackstart.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends the person's Keycloak session from the server, with the login's refresh token: the Camunda
 * webapps log out with a background request that cannot follow a redirect to Keycloak, and without this
 * the next page would log the person in again through the still open single sign-on session.
 */
class KeycloakSessionLogout implements LogoutHandler {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakSessionLogout.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RestClient http;

    KeycloakSessionLogout(OAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken login)) {
            return;
        }
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                login.getAuthorizedClientRegistrationId(), login, request);
        if (client == null || client.getRefreshToken() == null) {
            LOG.warn("BLACKSTART-KEYCLOAK-002 no refresh token for {}: the Keycloak session stays open until it expires",
                    login.getName());
            return;
        }
        ClientRegistration registration = client.getClientRegistration();
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", registration.getClientId());
        form.add("client_secret", registration.getClientSecret());
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        try {
            http.post().uri(String.valueOf(endSession)).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().toBodilessEntity();
            LOG.info("BLACKSTART-KEYCLOAK-003 {} logged out; the Keycloak session has ended", login.getName());
        } catch (RestClientException e) {
            // the exception's text carries no request body, so no token or secret reaches the log
            LOG.warn("BLACKSTART-KEYCLOAK-004 {} logged out here, but Keycloak did not end the session: {}",
                    login.getName(), e.getMessage());
        }
    }
}
