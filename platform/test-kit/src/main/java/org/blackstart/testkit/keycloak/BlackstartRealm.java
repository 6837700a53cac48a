package org.blackstart.testkit.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What tests need to know about Blackstart's realm export, {@code docker/keycloak/blackstart-realm.json}
 * (on the test kit's classpath as {@value #RESOURCE}). The client secrets are read from that file, so
 * a secret changed there cannot leave the tests behind. Every secret and password here is for the
 * demo and the tests only; each person's password is their user name.
 */
public final class BlackstartRealm {

    public static final String RESOURCE = "/org/blackstart/testkit/keycloak/blackstart-realm.json";

    public static final String NAME = "blackstart";

    /** Confidential OIDC client of the webapps: authorization code with PKCE (S256), nothing else. */
    public static final String WEB_CLIENT = "blackstart-web";
    /** The audience {@code /api} and {@code /engine-rest} accept; it obtains no tokens itself. */
    public static final String API_AUDIENCE = "blackstart-api";
    /** Service account of the engine's Keycloak identity provider plugin (reads users and groups). */
    public static final String ENGINE_CLIENT = "blackstart-engine";
    /** Service account of a monitoring system; a member of {@link #INCIDENT_COMMANDERS}. */
    public static final String MONITORING_CLIENT = "blackstart-monitoring";

    public static final String INCIDENT_COMMANDERS = "incident-commanders";
    public static final String SUPPORT_AGENTS = "support-agents";
    public static final String ON_CALL = "on-call";
    public static final String PLATFORM_ADMINS = "platform-admins";

    /** In {@link #INCIDENT_COMMANDERS}. */
    public static final String COMMANDER = "commander";
    /** In {@link #SUPPORT_AGENTS}. */
    public static final String AGENT = "agent";
    /** In {@link #PLATFORM_ADMINS}. */
    public static final String ADMIN = "admin";
    /** In {@link #ON_CALL}. */
    public static final String ONCALL_1 = "oncall-1";
    /** In {@link #ON_CALL}. */
    public static final String ONCALL_2 = "oncall-2";

    private static final JsonNode REALM = read();

    public static final String WEB_CLIENT_SECRET = secretOf(WEB_CLIENT);
    public static final String ENGINE_CLIENT_SECRET = secretOf(ENGINE_CLIENT);
    public static final String MONITORING_CLIENT_SECRET = secretOf(MONITORING_CLIENT);

    private BlackstartRealm() {
    }

    /** A demo person's password: the user name. */
    public static String passwordOf(String username) {
        return username;
    }

    /** The export as Keycloak imports it. */
    static byte[] export() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The client's representation in the export. */
    static JsonNode client(String clientId) {
        for (JsonNode client : REALM.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new IllegalStateException(RESOURCE + " has no client " + clientId);
    }

    private static String secretOf(String clientId) {
        String secret = client(clientId).path("secret").asText("");
        if (secret.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": client " + clientId + " has no secret");
        }
        return secret;
    }

    private static JsonNode read() {
        try (InputStream in = open()) {
            JsonNode realm = new ObjectMapper().readTree(in);
            if (!NAME.equals(realm.path("realm").asText())) {
                throw new IllegalStateException(RESOURCE + " is not the realm " + NAME);
            }
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static InputStream open() {
        InputStream in = BlackstartRealm.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("no " + RESOURCE + " on the classpath: the test kit's build copies it from "
                    + "docker/keycloak/blackstart-realm.json");
        }
        return in;
    }
}
