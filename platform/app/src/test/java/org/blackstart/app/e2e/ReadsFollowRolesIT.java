package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Who reads what under {@code /api}: the customer directory and what is written to customers for the
 * people who talk to customers and run incidents; for an on-call engineer what paging needs.
 */
class ReadsFollowRolesIT extends PlatformIT {

    private static final String HEADER = "id,name,email,phone,language,region,services,channels,key_account\n";

    @Autowired
    IdentityService identity;

    private int status(String user, String path) {
        return api().send(user, HttpMethod.GET, path, null).getStatusCode().value();
    }

    /** Status per path, so that a failure shows every path that answered differently. */
    private Map<String, Integer> statuses(String user, List<String> paths) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        paths.forEach(path -> statuses.put(path, status(user, path)));
        return statuses;
    }

    private void importCustomer(String id, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("agent", "agent");
        headers.set("Content-Type", "text/csv; charset=UTF-8");
        ResponseEntity<String> imported = http.exchange("/api/customers/import", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(HEADER + id + "," + name + "," + id + "@example.org,+31201234567,en,eu,api,email,true\n",
                        headers), String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
    }

    @Test
    void theCustomerDirectoryIsForAgentsCommandersAndAdminsOnly() {
        // given
        String id = "rfr-" + System.nanoTime();
        importCustomer(id, "Private Person BV");

        // when
        ResponseEntity<String> list = api().send("oncall-1", HttpMethod.GET, "/api/customers", null);
        ResponseEntity<String> one = api().send("oncall-1", HttpMethod.GET, "/api/customers/" + id, null);

        // then
        assertThat(list.getStatusCode().value()).isEqualTo(403);
        assertThat(one.getStatusCode().value()).isEqualTo(403);
        assertThat(list.getBody() + one.getBody()).doesNotContain("Private Person BV").doesNotContain(id + "@example.org");
        for (String reader : List.of("agent", "commander", "admin")) {
            ResponseEntity<String> read = api().send(reader, HttpMethod.GET, "/api/customers/" + id, null);
            assertThat(read.getStatusCode().value()).as(reader).isEqualTo(200);
            assertThat(read.getBody()).as(reader).contains("Private Person BV");
            assertThat(status(reader, "/api/customers")).as(reader).isEqualTo(200);
        }
    }

    @Test
    void anOnCallEngineerReadsWhatPagingNeedsAndNothingAboutCustomersOrVendors() {
        // given
        String incident = api().declare("commander", "Rack power lost " + System.nanoTime());

        // when
        Map<String, Integer> needed = statuses("oncall-1", List.of("/api/incidents", "/api/incidents/" + incident,
                "/api/incidents/" + incident + "/alerts", "/api/alerts", "/api/oncall/policies",
                "/api/oncall/policies/datacenter-ops/levels", "/api/oncall/schedules",
                "/api/oncall/schedules/ops-primary/on-call", "/api/oncall/people/oncall-1", "/api/maintenance",
                "/api/incidents/" + incident + "/vendor-escalations/storeco/attachments"));
        Map<String, Integer> notNeeded = statuses("oncall-1", List.of("/api/customers", "/api/notice-templates",
                "/api/notice-templates/variables", "/api/notice-templates/outage/en", "/api/vendors", "/api/vendors/storeco",
                "/api/vendors/stats", "/api/vendor-messages", "/api/incidents/" + incident + "/vendor-cases",
                "/api/incidents/" + incident + "/vendor-escalations", "/api/demo/mail", "/api/demo/pages",
                "/api/oncall/people", "/api/oncall/people/oncall-2", "/api/oncall/people/commander", "/api/plugins",
                "/api/statuspage/export"));

        // then
        assertThat(needed).allSatisfy((path, status) -> assertThat(status).as(path).isNotIn(401, 403));
        assertThat(notNeeded).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(403));
    }

    @Test
    void previewingANoticeTemplateWithCustomerTextIsNotForOnCall() {
        // when
        ResponseEntity<String> preview = api().send("oncall-1", HttpMethod.POST, "/api/notice-templates/outage/en/preview", "{}");

        // then
        assertThat(preview.getStatusCode().value()).isEqualTo(403);
        assertThat(api().send("agent", HttpMethod.POST, "/api/notice-templates/outage/en/preview", "{}").getStatusCode().value())
                .isNotIn(401, 403);
    }

    @Test
    void agentsCommandersAndAdminsReadTheDirectoriesTheyWorkWith() {
        for (String reader : List.of("agent", "commander", "admin")) {
            assertThat(statuses(reader, List.of("/api/notice-templates", "/api/vendors", "/api/vendor-messages",
                    "/api/oncall/people", "/api/oncall/people/oncall-2", "/api/demo/mail", "/api/demo/pages", "/api/plugins")))
                    .as(reader).allSatisfy((path, status) -> assertThat(status).as(reader + " " + path).isEqualTo(200));
        }
    }

    @Test
    void anEngineUserInNoneOfBlackstartsGroupsReadsNothing() {
        // given: a user an administrator made in Camunda Admin, in no group
        String id = "nogroup-" + System.nanoTime();
        User user = identity.newUser(id);
        user.setPassword(id);
        identity.saveUser(user);

        // when
        Map<String, Integer> reads = statuses(id, List.of("/api/incidents", "/api/maintenance", "/api/alerts",
                "/api/oncall/policies", "/api/oncall/people/" + id));

        // then
        assertThat(reads).allSatisfy((path, status) -> assertThat(status).as(path).isEqualTo(403));
        assertThat(status(id, "/api/customers")).isEqualTo(403);
    }
}
