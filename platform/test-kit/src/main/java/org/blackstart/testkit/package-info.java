/**
 * Test support for plugins and the platform. {@link org.blackstart.testkit.BridgeHarness} runs a real
 * Camunda engine (in-memory H2) with the real {@code blackstart:} component, so a plugin route is
 * tested exactly as the platform will drive it; {@link org.blackstart.testkit.PluginContractTest}
 * is the contract every notice plugin passes; {@link org.blackstart.testkit.PostgresServer} is a real
 * PostgreSQL, started from a Maven artifact as a local process and shared by the tests of a run, and
 * {@link org.blackstart.testkit.keycloak.KeycloakServer} and
 * {@link org.blackstart.testkit.elasticsearch.ElasticsearchServer} the same for Keycloak and Elasticsearch.
 */
package org.blackstart.testkit;
