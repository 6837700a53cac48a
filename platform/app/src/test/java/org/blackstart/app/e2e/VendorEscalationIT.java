package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.blackstart.app.vendor.escalation.VendorEscalations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A commander escalates an incident to a vendor: the registry lists the demo vendors, takes a new one
 * and refuses a bad one without storing it; a 20 MB log is added for the vendor; the escalation starts
 * the vendor-escalation process with what the vendor's case needs, once per incident and vendor; the
 * demo's e-mail plugin opens the case with the file; closing the incident ends its escalations.
 */
class VendorEscalationIT extends PlatformIT {

    private static final String PROCESS = "vendor-escalation";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VendorEscalations escalations;

    @Test
    void theDemoVendorsAreListedForAnyoneLoggedIn() {
        ResponseEntity<String> response = api().send("agent", HttpMethod.GET, "/api/vendors", null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode storeco = find(api().json(response), "storeco");
        assertThat(storeco.path("name").asText()).isEqualTo("StoreCo Storage Systems");
        assertThat(storeco.path("kind").asText()).isEqualTo("storage");
        assertThat(storeco.path("source").asText()).isEqualTo("configuration");
        assertThat(storeco.path("ackSla").path("SEV1").asText()).isEqualTo("PT30M");
        assertThat(storeco.path("ticketing").path("system").asText()).isEqualTo("email");
        assertThat(storeco.path("ticketing").path("account").asText()).isEqualTo("storeco");
        assertThat(storeco.path("contacts").get(0).path("phone").asText()).isEqualTo("+31201110000");
        assertThat(find(api().json(response), "hostly").path("kind").asText()).isEqualTo("datacenter-host");
        assertThat(api().send(null, HttpMethod.GET, "/api/vendors", null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aCommanderAddsAVendorAndABadOneChangesNothing() {
        String body = """
                {"name": "NetCo", "kind": "network", "contract": "NOC 24x7",
                 "ackSla": {"SEV1": "PT15M", "SEV2": "PT1H", "SEV3": "PT4H", "SEV4": "P1D"},
                 "contacts": [{"name": "Nick Noc", "role": "duty-manager", "phone": "+31201110002"}],
                 "ticketing": {"system": "jira"}}""";
        ResponseEntity<String> created = api().send("commander", HttpMethod.PUT, "/api/vendors/netco", body);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode netco = api().json(api().send("agent", HttpMethod.GET, "/api/vendors/netco", null));
        assertThat(netco.path("source").asText()).isEqualTo("api");
        assertThat(netco.path("ticketing").path("account").asText()).as("account defaults to the vendor id").isEqualTo("netco");
        assertThat(api().send("commander", HttpMethod.PUT, "/api/vendors/netco", body).getStatusCode().value()).isEqualTo(200);
        assertThat(api().send("agent", HttpMethod.PUT, "/api/vendors/agentco", body).getStatusCode().value())
                .as("support agents read the registry, they do not edit it").isEqualTo(403);

        ResponseEntity<String> refused = api().send("commander", HttpMethod.PUT, "/api/vendors/badco", """
                {"name": "BadCo", "kind": "cables", "ackSla": {"SEV1": "PT15M"},
                 "contacts": [{"name": "Bo", "phone": "020 111"}], "ticketing": {"system": "fax"}}""");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = new ArrayList<>();
        api().json(refused).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("kind", "ackSla.SEV2", "ackSla.SEV4", "contacts[0].phone", "ticketing.system");
        assertThat(api().send("commander", HttpMethod.GET, "/api/vendors/badco", null).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> configured = api().send("commander", HttpMethod.PUT, "/api/vendors/storeco", body);
        assertThat(configured.getStatusCode().value()).isEqualTo(409);
        assertThat(api().json(configured).path("detail").asText()).contains("blackstart.demo.vendors.storeco");
        assertThat(api().send("commander", HttpMethod.DELETE, "/api/vendors/storeco", null).getStatusCode().value()).isEqualTo(409);
        assertThat(api().send("commander", HttpMethod.DELETE, "/api/vendors/netco", null).getStatusCode().value()).isEqualTo(204);
        assertThat(api().send("commander", HttpMethod.GET, "/api/vendors/netco", null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aTwentyMegabyteLogIsAddedForTheVendorAndALargerFileRefused() {
        String key = api().declare("commander", "Storage array A lost both controllers");
        String files = "/api/incidents/" + key + "/vendor-escalations/storeco/attachments";

        ResponseEntity<String> added = upload("commander", files, "array-a.log", 20 * 1024 * 1024, null);
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
        upload("commander", files, "answer.png", 10, "answer-3");

        JsonNode listed = api().json(api().send("agent", HttpMethod.GET, files, null));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("array-a.log");
        assertThat(listed.get(0).path("size").asLong()).isEqualTo(20L * 1024 * 1024);
        assertThat(listed.get(0).path("step").asText()).isEqualTo("open");
        assertThat(listed.get(0).path("addedBy").asText()).isEqualTo("commander");
        assertThat(listed.get(0).path("sent").asBoolean()).isFalse();
        assertThat(listed.get(1).path("step").asText()).isEqualTo("answer-3");

        // Refused on its declared length, before a byte of the file is read: what a client that reads
        // the answer while it sends (curl) sees. (Tomcat closes the connection after a 413, so a client
        // that reads only after sending all of a large body may see the connection reset instead.)
        String tooLarge = headersOnlyUpload(files, 26L * 1024 * 1024);
        assertThat(tooLarge).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("the limit is " + (25L * 1024 * 1024 + 64 * 1024) + " bytes");
        assertThat(upload("commander", "/api/incidents/" + key + "/vendor-escalations/nobody/attachments", "a.log", 10, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(upload("commander", "/api/incidents/INC-1999-0001/vendor-escalations/storeco/attachments", "a.log", 10, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(upload("agent", files, "a.log", 10, null).getStatusCode().value()).isEqualTo(403);
        assertThat(api().json(api().send("agent", HttpMethod.GET, files, null))).hasSize(2);
    }

    @Test
    void anEscalationStartsTheProcessWithTheVendorsContractOncePerIncidentAndVendor() {
        String key = api().declare("commander", "Storage array B is read-only");
        String escalations = "/api/incidents/" + key + "/vendor-escalations";
        assertThat(upload("commander", escalations + "/storeco/attachments", "array-b.log", 1024, null).getStatusCode().value())
                .isEqualTo(201);

        ResponseEntity<String> started = api().send("commander", HttpMethod.POST, escalations,
                "{\"vendor\": \"storeco\", \"text\": \"Array B went read-only at 01:02 UTC\"}");
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        assertThat(api().json(started).path("vendor").asText()).isEqualTo("storeco");
        assertThat(api().json(started).path("state").asText()).isEqualTo("ACTIVE");

        JsonNode instances = api().json(api().send("commander", HttpMethod.GET,
                api().engine("/process-instance?processDefinitionKey=" + PROCESS + "&businessKey=" + key), null));
        assertThat(instances).hasSize(1);
        JsonNode variables = api().json(api().send("commander", HttpMethod.GET,
                api().engine("/process-instance/" + instances.get(0).path("id").asText() + "/variables"), null));
        assertThat(value(variables, "incidentKey")).isEqualTo(key);
        assertThat(value(variables, "title")).isEqualTo("Storage array B is read-only");
        assertThat(value(variables, "severity")).isEqualTo("SEV2");
        assertThat(value(variables, "vendor")).isEqualTo("storeco");
        assertThat(value(variables, "vendorName")).isEqualTo("StoreCo Storage Systems");
        assertThat(value(variables, "vendorKind")).isEqualTo("storage");
        assertThat(value(variables, "vendorSystem")).isEqualTo("email");
        assertThat(value(variables, "vendorAccount")).isEqualTo("storeco");
        assertThat(variables.path("vendorPriority").path("type").asText()).isEqualTo("Integer");
        assertThat(variables.path("vendorPriority").path("value").asInt()).isEqualTo(2);
        assertThat(value(variables, "vendorSubject")).isEqualTo(key + ": Storage array B is read-only");
        assertThat(value(variables, "vendorText")).isEqualTo("Array B went read-only at 01:02 UTC");
        assertThat(value(variables, "ackSla")).as("StoreCo's SEV2 response time").isEqualTo("PT2H");
        assertThat(value(variables, "dutyManagerName")).isEqualTo("Dana Duty");
        assertThat(value(variables, "dutyManagerPhone")).isEqualTo("+31201110000");
        assertThat(value(variables, "escalatedBy")).isEqualTo("commander");

        // The demo's e-mail plugin opens the case, with the file added before the escalation.
        JsonNode opened = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> api().json(api().send("agent", HttpMethod.GET, escalations, null)).get(0),
                e -> !e.path("caseNumber").asText().isEmpty());
        assertThat(opened.path("caseNumber").asText()).contains(key);
        JsonNode sentFiles = api().json(api().send("agent", HttpMethod.GET, escalations + "/storeco/attachments", null));
        assertThat(sentFiles.get(0).path("name").asText()).isEqualTo("array-b.log");
        assertThat(sentFiles.get(0).path("sent").asBoolean()).isTrue();
        assertThat(sentFiles.get(0).path("sentWith").asText()).isEqualTo("open");

        ResponseEntity<String> again = api().send("commander", HttpMethod.POST, escalations, "{\"vendor\": \"storeco\"}");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api().json(again).path("detail").asText()).contains("already escalated to storeco");

        ResponseEntity<String> hostly = api().send("commander", HttpMethod.POST, escalations, "{\"vendor\": \"hostly\"}");
        assertThat(hostly.getStatusCode().value()).as("another vendor of the same incident").isEqualTo(201);
        JsonNode hostlyVariables = api().json(api().send("commander", HttpMethod.GET, api().engine("/process-instance/"
                + api().json(hostly).path("processInstanceId").asText() + "/variables"), null));
        assertThat(hostlyVariables.path("dutyManagerPhone").path("value").isNull()).as("hostly has no duty manager").isTrue();

        assertThat(api().send("commander", HttpMethod.POST, escalations, "{\"vendor\": \"nobody\"}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(api().send("commander", HttpMethod.POST, escalations, "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(api().send("agent", HttpMethod.POST, escalations, "{\"vendor\": \"hostly\"}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(api().send("commander", HttpMethod.POST, "/api/incidents/INC-1999-0001/vendor-escalations",
                "{\"vendor\": \"storeco\"}").getStatusCode().value()).isEqualTo(404);

        JsonNode listed = api().json(api().send("agent", HttpMethod.GET, escalations, null));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("vendor").asText()).isEqualTo("storeco");
        assertThat(listed.get(0).path("escalatedBy").asText()).isEqualTo("commander");

        // The incident closes: every running escalation of it is told, and ends.
        DelegateExecution closing = mock(DelegateExecution.class);
        when(closing.getProcessBusinessKey()).thenReturn(key);
        this.escalations.incidentClosed(closing);
        // Each opened case asks the commander whether to keep it; closed here, the e-mail plugin closes it.
        // One not yet opened ends without a case.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode keep = api().task("commander", key, "KeepVendorCase");
            if (keep != null) {
                api().claimAndComplete("commander", keep, java.util.Map.of("keepVendorCase", "close"));
            }
            api().json(api().send("agent", HttpMethod.GET, escalations, null)).forEach(e ->
                    assertThat(e.path("state").asText()).as(e.toString()).isEqualTo("COMPLETED"));
        });
    }

    @Test
    void aClosedIncidentIsNotEscalated() {
        String key = api().declare("commander", "Old outage");
        jdbc.update("UPDATE bs_incident SET status = 'closed' WHERE incident_key = ?", key);
        ResponseEntity<String> refused = api().send("commander", HttpMethod.POST, "/api/incidents/" + key + "/vendor-escalations",
                "{\"vendor\": \"storeco\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(refused).path("detail").asText()).contains("is closed");
    }

    private ResponseEntity<String> upload(String user, String path, String name, int size, String step) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(new byte[size]) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        if (step != null) {
            form.add("step", step);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** Sends only the request head of a multipart upload of {@code length} bytes, and reads the answer. */
    private String headersOnlyUpload(String path, long length) {
        URI root = URI.create(http.getRootUri());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString("commander:commander".getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: multipart/form-data; boundary=vendor-file\r\nContent-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The server keeps the connection open to skip the body it refused: read the answer, not to the end.
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while (!complete(answer) && (n = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return answer.toString();
        } catch (IOException e) {
            throw new AssertionError("no answer to an upload of " + length + " bytes", e);
        }
    }

    /** Whether an HTTP answer has its head and all of its body (by Content-Length, or the last chunk). */
    private static boolean complete(CharSequence answer) {
        String text = answer.toString();
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^Content-Length: *(\\d+)").matcher(text.substring(0, end));
        if (length.find()) {
            return text.length() - end - 4 >= Integer.parseInt(length.group(1));
        }
        return text.endsWith("0\r\n\r\n");
    }

    private static JsonNode find(JsonNode vendors, String id) {
        for (JsonNode vendor : vendors) {
            if (vendor.path("id").asText().equals(id)) {
                return vendor;
            }
        }
        throw new AssertionError("no vendor " + id + " in " + vendors);
    }

    private static String value(JsonNode variables, String name) {
        return variables.path(name).path("value").asText();
    }
}
