package org.blackstart.app.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderFactory;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's users and groups from Keycloak (read-only): user names are user ids and group paths are
 * group ids, so the Keycloak groups {@code incident-commanders}, {@code support-agents}, {@code on-call}
 * and {@code platform-admins} are the groups Blackstart's authorizations are written for. Members of
 * {@code platform-admins} are engine administrators; the engine does not start if that group is missing.
 */
class KeycloakIdentity extends KeycloakIdentityProviderPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakIdentity.class);

    private final KeycloakProperties keycloak;

    KeycloakIdentity(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
        setKeycloakIssuerUrl(keycloak.issuer());
        setKeycloakAdminUrl(keycloak.adminUrl());
        setClientId(keycloak.engine().clientId());
        setClientSecret(keycloak.engine().clientSecret());
        setUseUsernameAsCamundaUserId(true);
        setUseGroupPathAsCamundaGroupId(true);
        setAdministratorGroupName(Groups.PLATFORM_ADMINS);
        setCacheEnabled(true);
        setMaxCacheSize(keycloak.identityCacheSize());
        // Passwords are checked by Keycloak's login page, never by the engine.
        setLoginCacheEnabled(false);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        super.preInit(configuration);
        KeycloakIdentityProviderFactory factory =
                (KeycloakIdentityProviderFactory) configuration.getIdentityProviderSessionFactory();
        factory.setUserQueryCache(new ExpiringQueryCache<>(keycloak.identityCacheLifetime(), keycloak.identityCacheSize()));
        factory.setGroupQueryCache(new ExpiringQueryCache<>(keycloak.identityCacheLifetime(), keycloak.identityCacheSize()));
        LOG.info("BLACKSTART-KEYCLOAK-001 users and groups come from Keycloak realm {} (client {}), cached for {}",
                keycloak.issuer(), keycloak.engine().clientId(), keycloak.identityCacheLifetime());
    }
}
