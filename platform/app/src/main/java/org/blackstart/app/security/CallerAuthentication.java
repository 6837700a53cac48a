package org.blackstart.app.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How scripts and people prove who they are on {@code /api} and {@code /actuator}: HTTP Basic against the
 * engine's users in the embedded default, a Keycloak token in Keycloak mode. Either way the caller's
 * authorities are its engine groups as {@code GROUP_<id>}, so the role rules are written once.
 */
@FunctionalInterface
interface CallerAuthentication {

    /** Adds the authentication to {@code http}; a missing or wrong credential answers 401 as a problem detail. */
    void configure(HttpSecurity http) throws Exception;
}
