package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class KeycloakPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Bind.class);

    @Configuration
    @EnableConfigurationProperties(KeycloakProperties.class)
    static class Bind {
    }

    private static final String[] COMPLETE = {
            "blackstart.keycloak.issuer-uri=https://sso.example.com/realms/blackstart/",
            "blackstart.keycloak.web.client-id=blackstart-web",
            "blackstart.keycloak.web.client-secret=web-secret-value",
            "blackstart.keycloak.engine.client-id=blackstart-engine",
            "blackstart.keycloak.engine.client-secret=engine-secret-value"};

    @Test
    void withoutAnIssuerKeycloakModeIsOff() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(KeycloakProperties.class).enabled()).isFalse();
        });
    }

    @Test
    void aCompleteConfigurationNamesTheRealmsEndpoints() {
        context.withPropertyValues(COMPLETE).run(started -> {
            KeycloakProperties keycloak = started.getBean(KeycloakProperties.class);

            assertThat(keycloak.enabled()).isTrue();
            assertThat(keycloak.issuer()).isEqualTo("https://sso.example.com/realms/blackstart");
            assertThat(keycloak.adminUrl()).isEqualTo("https://sso.example.com/admin/realms/blackstart");
            assertThat(keycloak.endpoint("certs")).isEqualTo("https://sso.example.com/realms/blackstart/protocol/openid-connect/certs");
            assertThat(keycloak.apiAudience()).isEqualTo("blackstart-api");
            assertThat(keycloak.identityCacheLifetime()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void aMissingSecretStopsTheStartNamingTheProperty() {
        context.withPropertyValues(COMPLETE).withPropertyValues("blackstart.keycloak.web.client-secret=").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("blackstart.keycloak.web.client-secret: required"));
    }

    @Test
    void anIssuerThatIsNoRealmStopsTheStart() {
        context.withPropertyValues(COMPLETE).withPropertyValues("blackstart.keycloak.issuer-uri=https://sso.example.com/")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("blackstart.keycloak.issuer-uri"));
    }

    @Test
    void aCacheLifetimeBelowASecondStopsTheStart() {
        context.withPropertyValues(COMPLETE).withPropertyValues("blackstart.keycloak.identity-cache-lifetime=0s")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("blackstart.keycloak.identity-cache-lifetime"));
    }

    @Test
    void secretsNeverAppearInTheSettingsText() {
        context.withPropertyValues(COMPLETE).run(started -> assertThat(started.getBean(KeycloakProperties.class).toString())
                .contains("blackstart-web", "blackstart-engine")
                .doesNotContain("web-secret-value", "engine-secret-value"));
    }
}
