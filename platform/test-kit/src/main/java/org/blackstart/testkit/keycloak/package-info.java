/**
 * A real Keycloak for tests: {@link org.blackstart.testkit.keycloak.KeycloakServer} starts the server
 * distribution from Maven as a local process with Blackstart's realm export imported, and hands out
 * tokens ({@link org.blackstart.testkit.keycloak.KeycloakTokens}) and realm changes
 * ({@link org.blackstart.testkit.keycloak.KeycloakAdmin}); {@link org.blackstart.testkit.keycloak.BlackstartRealm}
 * names the realm's clients, groups and demo people.
 */
package org.blackstart.testkit.keycloak;
