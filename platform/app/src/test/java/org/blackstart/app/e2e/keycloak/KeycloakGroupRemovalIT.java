package org.blackstart.app.e2e.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.blackstart.testkit.keycloak.BlackstartRealm;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Rights follow the groups in Keycloak, not the groups a token was issued with. */
class KeycloakGroupRemovalIT extends KeycloakPlatformIT {

    // oncall-2 is nobody else's in these tests; the test makes it a commander for a while
    private static final String PERSON = BlackstartRealm.ONCALL_2;
    private static final Duration POLL_SLACK = Duration.ofSeconds(2);

    @Test
    void aPersonRemovedFromAGroupLosesItsRightsWithinTheCacheLifetime() {
        try {
            // given oncall-2 became an incident commander in Keycloak, and holds a token from that time
            keycloak().admin().addToGroup(PERSON, BlackstartRealm.INCIDENT_COMMANDERS);
            String token = tokenOf(PERSON);
            // an empty declaration: allowed callers get 400 for the missing title, others 403, and nothing is declared
            await().atMost(IDENTITY_CACHE_LIFETIME.plus(POLL_SLACK)).pollInterval(Duration.ofMillis(200))
                    .until(() -> declareNothing(token), status -> status == 400);

            // when an administrator removes it from the group in Keycloak
            keycloak().admin().removeFromGroup(PERSON, BlackstartRealm.INCIDENT_COMMANDERS);
            Instant removed = Instant.now();

            // then, with the same token, the commander's rights are gone within the identity cache's lifetime
            await().atMost(IDENTITY_CACHE_LIFETIME.plus(POLL_SLACK)).pollInterval(Duration.ofMillis(200))
                    .until(() -> declareNothing(token), status -> status == 403);
            assertThat(Duration.between(removed, Instant.now())).isLessThanOrEqualTo(IDENTITY_CACHE_LIFETIME.plus(POLL_SLACK));
        } finally {
            keycloak().admin().removeFromGroup(PERSON, BlackstartRealm.INCIDENT_COMMANDERS);
        }
    }

    private int declareNothing(String token) {
        return call(token, HttpMethod.POST, "/api/incidents", "{}").getStatusCode().value();
    }
}
