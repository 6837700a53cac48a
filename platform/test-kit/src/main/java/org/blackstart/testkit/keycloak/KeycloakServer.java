package org.blackstart.testkit.keycloak;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.blackstart.testkit.Directories;
import org.blackstart.testkit.NewerJava;
import org.blackstart.testkit.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak for tests, with Blackstart's realm ({@code docker/keycloak/blackstart-realm.json})
 * imported: the server distribution {@code org.keycloak:keycloak-quarkus-dist} from Maven, run as a
 * local process in dev mode on 127.0.0.1 and free ports; no Docker needed.
 *
 * <p>A module that uses it declares, besides the test kit, the test dependency
 * {@code org.keycloak:keycloak-quarkus-dist} with {@code <type>zip</type>} and the plugin
 * {@code maven-dependency-plugin} (configured in the parent pom), so that Maven downloads the server
 * before tests run and tells them where it is. Keycloak needs Java 21 or newer: the kit finds one
 * (see {@link NewerJava}) while the tests themselves run on 17.
 *
 * <p>One server per JVM, started on first use (half a minute to a minute) and shared by every test
 * in the run. Its realm is shared too: a test that changes it (group membership, realm settings)
 * undoes the change or uses what nobody else relies on. It stops when the JVM's process ends,
 * however it ends, and not before: no shutdown hook stops it, because hooks run in no set order and
 * application contexts cached by the test run close in their own hooks, still talking to it.
 */
public final class KeycloakServer {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);
    // Half a minute on an idle machine with two cores; several times that when builds run beside it.
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private static KeycloakServer shared;

    private final KeycloakProcess process;
    private final KeycloakTokens tokens;
    private final KeycloakAdmin admin;
    private final Duration startup;

    private KeycloakServer(KeycloakProcess process, String adminPassword, Duration startup) {
        this.process = process;
        KeycloakHttp http = new KeycloakHttp(process.baseUrl());
        this.tokens = new KeycloakTokens(http);
        this.admin = new KeycloakAdmin(http, KeycloakProcess.ADMIN_USERNAME, adminPassword);
        this.startup = startup;
    }

    /** This JVM's server, started on the first call (within minutes, or an exception with its log). */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return process.baseUrl();
    }

    /** The realm's issuer, as in the tokens' {@code iss} and Spring's {@code issuer-uri}. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + BlackstartRealm.NAME;
    }

    /** The realm's signing keys, for a resource server that should not fetch the discovery document. */
    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    /** The realm's admin REST API, as the engine's Keycloak identity provider plugin reads it. */
    public String adminUrl() {
        return baseUrl() + "/admin/realms/" + BlackstartRealm.NAME;
    }

    public KeycloakTokens tokens() {
        return tokens;
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    /** How long this server took to start, unpacking and Java lookup included. */
    public Duration startup() {
        return startup;
    }

    @Override
    public String toString() {
        return "Keycloak on " + baseUrl();
    }

    private static KeycloakServer start() {
        Instant begin = Instant.now();
        Path cache = Directories.userCache("keycloak");
        Path java = NewerJava.home("Keycloak");
        KeycloakDistribution distribution = KeycloakDistribution.unpackedInto(cache);
        String buildOptions = String.join(" ", KeycloakProcess.BUILD_OPTIONS);
        RunDirectory run = RunDirectory.lockedIn(cache);
        KeycloakProcess process = null;
        try {
            KeycloakHome home = KeycloakHome.create(distribution, run, buildOptions);
            // Generated per run and never logged: nothing outside this JVM needs the master realm.
            String adminPassword = UUID.randomUUID().toString();
            process = KeycloakProcess.start(home, java, adminPassword, STARTUP_LIMIT);
            distribution.keepDevBuild(buildOptions, home.build());
            KeycloakServer server = new KeycloakServer(process, adminPassword, Duration.between(begin, Instant.now()));
            server.admin.createClient(passwordGrantClient());
            LOG.info("{} started in {} ms (Java {}, run directory {})", server, server.startup.toMillis(), java, run.root());
            return server;
        } catch (RuntimeException e) {
            if (process != null) {
                process.stop();
            }
            run.delete();
            throw e;
        }
    }

    /** The web client's claims (audience, groups) with the password grant, for {@link KeycloakTokens#user}. */
    private static Map<String, Object> passwordGrantClient() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", KeycloakTokens.TEST_CLIENT);
        client.put("name", "Tests only: tokens for people without a browser");
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", true);
        client.put("serviceAccountsEnabled", false);
        client.put("protocolMappers", new ObjectMapper().convertValue(
                BlackstartRealm.client(BlackstartRealm.WEB_CLIENT).path("protocolMappers"),
                new TypeReference<List<Map<String, Object>>>() { }));
        return client;
    }
}
