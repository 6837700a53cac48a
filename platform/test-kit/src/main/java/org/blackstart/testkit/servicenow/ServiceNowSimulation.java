package org.blackstart.testkit.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.testkit.LocalServers;

/**
 * A ServiceNow instance as its REST API reference describes it, for what the ServiceNow plugin uses:
 * <ul>
 *   <li>Table API {@code /api/now/table/{table}}: {@code POST} creates (201, {@code {"result": {...}}} with a
 *       32-hex {@code sys_id} and a number {@code INC0010001}, {@code INC0010002}, ...); {@code GET} with
 *       {@code sysparm_query} (encoded query), {@code sysparm_fields}, {@code sysparm_limit}; {@code GET} and
 *       {@code PATCH} of {@code /{sys_id}} (404 {@code "No Record found"} for an unknown one). Writing
 *       {@code comments} or {@code work_notes} adds a {@code sys_journal_field} entry, readable through the
 *       Table API like any table;</li>
 *   <li>Attachment API: {@code POST /api/now/attachment/file?table_name&table_sys_id&file_name} with the raw
 *       bytes (201), {@code GET /api/now/attachment?sysparm_query=table_sys_id=...}, {@code GET
 *       /api/now/attachment/{sys_id}/file};</li>
 *   <li>{@code POST /oauth_token.do}, the password grant: a bearer token for {@value #CLIENT_ID} /
 *       {@value #CLIENT_SECRET} and the integration user; every other call needs HTTP Basic of
 *       {@value #USERNAME} / {@value #PASSWORD} or a bearer token it issued, else 401.</li>
 * </ul>
 * Helpers play the vendor's side: {@link #vendorComments}, {@link #vendorUpdates}, {@link #vendorAttaches},
 * {@link #webhookBody}; and failures: {@link #breakDown}, {@link #answerNextCreateWith}, {@link #rateLimitNext}.
 */
public final class ServiceNowSimulation implements AutoCloseable {

    /** The integration user Blackstart signs in as. */
    public static final String USERNAME = "blackstart.integration";
    public static final String PASSWORD = "Sn0w-simulated-password!";
    public static final String CLIENT_ID = "5d8a1f3c0b6e4f7a9c2d1e0f3a4b5c6d";
    public static final String CLIENT_SECRET = "simulated-oauth-client-secret";
    /** The vendor's support engineer, author of what {@link #vendorComments} writes. */
    public static final String VENDOR_USER = "beth.anglin";
    /** A webhook secret long enough for the plugin's validation. */
    public static final String WEBHOOK_SECRET = "whsec-simulated-0123456789abcdef";

    private final ServiceNowState state = new ServiceNowState();
    private final WireMockServer server;

    private ServiceNowSimulation() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freeLoopbackPort())
                .extensions(state));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(5).willReturn(aResponse().withTransformers(ServiceNowState.NAME)));
    }

    public static ServiceNowSimulation start() {
        return new ServiceNowSimulation();
    }

    /** The instance's base URL, as {@code base-url} of an account. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * The plugin configuration of an account on this instance, HTTP Basic as {@link #USERNAME}, webhooks with
     * {@link #WEBHOOK_SECRET}; for {@code @DynamicPropertySource} or {@code withPropertyValues}. Polling is off
     * ({@code poll-interval=0}) unless {@code pollInterval} is given, e.g. {@code PT10S}.
     */
    public Map<String, String> accountProperties(String account, String pollInterval) {
        String prefix = "blackstart.plugins.servicenow.accounts." + account + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + "base-url", baseUrl().toString());
        properties.put(prefix + "auth", "basic");
        properties.put(prefix + "username", USERNAME);
        properties.put(prefix + "password", PASSWORD);
        properties.put(prefix + "webhook-secret", WEBHOOK_SECRET);
        properties.put(prefix + "poll-interval", pollInterval == null ? "0" : pollInterval);
        return properties;
    }

    /** As {@link #accountProperties}, authenticating with the OAuth password grant. */
    public Map<String, String> oauthAccountProperties(String account, String pollInterval) {
        Map<String, String> properties = accountProperties(account, pollInterval);
        String prefix = "blackstart.plugins.servicenow.accounts." + account + ".";
        properties.put(prefix + "auth", "oauth");
        properties.put(prefix + "client-id", CLIENT_ID);
        properties.put(prefix + "client-secret", CLIENT_SECRET);
        return properties;
    }

    /** The case Blackstart opened for {@code incidentKey} and {@code vendor} (by its correlation id), if any. */
    public java.util.Optional<Map<String, String>> caseFor(String incidentKey, String vendor) {
        return records().stream().filter(r -> (incidentKey + ":" + vendor).equals(r.get("correlation_id"))).findFirst();
    }

    /** Every record of every table but the journal, oldest first, as field maps. */
    public List<Map<String, String>> records() {
        return state.records();
    }

    /** The record with this number; fails when there is none. */
    public Map<String, String> record(String number) {
        return state.record(number);
    }

    /** The {@code comments} journal entries of a case, oldest first: sys_id, value, sys_created_by, sys_created_on. */
    public List<Map<String, String>> comments(String number) {
        return state.journal(number, "comments");
    }

    /** The files attached to a case, oldest first. */
    public List<Attachment> attachments(String number) {
        return state.attachments(number);
    }

    /** The vendor writes an additional comment on the case; returns the journal entry's sys_id. */
    public String vendorComments(String number, String text) {
        return state.comment(number, text, VENDOR_USER);
    }

    /** The vendor changes fields: {@code state}, {@code on_hold_reason}, {@code close_code}, {@code assigned_to}... */
    public void vendorUpdates(String number, Map<String, String> fields) {
        state.update(number, fields, VENDOR_USER);
    }

    /** The vendor moves the case to {@code state} ("2" In Progress, "3" On Hold, "6" Resolved, "7" Closed). */
    public void vendorUpdates(String number, String newState, String holdReason, String closeCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("state", newState);
        fields.put("on_hold_reason", holdReason == null ? "" : holdReason);
        fields.put("close_code", closeCode == null ? "" : closeCode);
        vendorUpdates(number, fields);
    }

    /** The vendor attaches a file to the case. */
    public void vendorAttaches(String number, String fileName, String contentType, byte[] content) {
        state.attach(number, fileName, contentType, content, VENDOR_USER);
    }

    /** The case disappears (deleted, or hidden from the integration user by an ACL): 404 from now on. */
    public void deleteCase(String number) {
        state.delete(number);
    }

    /**
     * What a business rule on the vendor's instance posts to Blackstart for the case as it is now, with the
     * journal entry {@code commentSysId} ({@code null} for a change of fields only).
     */
    public String webhookBody(String number, String commentSysId) {
        return Json.write(state.webhook(number, commentSysId));
    }

    /** Every call answers {@code status} until {@link #recover()}. */
    public void breakDown(int status) {
        state.breakDown(status);
    }

    public void recover() {
        state.breakDown(0);
    }

    /** The next create answers 201 with {@code rawBody} as it is (no record is created), e.g. malformed JSON. */
    public void answerNextCreateWith(String rawBody) {
        state.answerNextCreateWith(rawBody);
    }

    /** The next call answers 429 with {@code Retry-After: seconds}, as a rate limit rule does. */
    public void rateLimitNext(int seconds) {
        state.rateLimitNext(seconds);
    }

    /** How many bearer tokens {@code /oauth_token.do} has issued. */
    public int tokensIssued() {
        return state.tokensIssued();
    }

    /** Requests whose path starts with {@code pathPrefix}, oldest first. */
    public List<LoggedRequest> requests(String pathPrefix) {
        List<LoggedRequest> newestFirst = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().startsWith(pathPrefix)).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A file on a case; {@code createdOn} in ServiceNow's {@code yyyy-MM-dd HH:mm:ss} UTC. */
    public record Attachment(String sysId, String fileName, String contentType, byte[] content, String createdBy,
                             String createdOn) {
    }
}
