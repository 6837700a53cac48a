package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class CustomerDirectoryIT extends PlatformIT {

    private static final String HEADER = "id,name,email,phone,language,region,services,channels,key_account\n";

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> importCsv(String user, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        return http.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);
    }

    private long stored(String idPrefix) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_customer WHERE id LIKE ?", Long.class, idPrefix + "%");
        return count == null ? 0 : count;
    }

    @Test
    void importsTheGoodRowsAndReportsEachBadOne() {
        String csv = HEADER
                + "cit1-a,\"Acme, Inc.\",ops@acme.example,+31201234567,nl,eu-west,checkout;search,email;sms,true\n"
                + "cit1-b,Bolt,bolt@bolt.example,,en,us-east,api,email,false\n"
                + "cit1-c,Café Crème,cc@cafe.example,,fr,eu-west,\"api; checkout\",email;statuspage,false\n"
                + "cit1-d,Dud,not-an-address,,en,eu-west,api,email,false\n"
                + "cit1-e,Ever,e@e.example,,en,eu-west,api,fax,false\n"
                + "cit1-b,Bolt Again,bolt2@bolt.example,,en,us-east,api,email,true\n";

        ResponseEntity<String> response = importCsv("agent", csv);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = api().json(response);
        assertThat(report.path("imported").asInt()).isEqualTo(3);
        assertThat(report.path("updated").asInt()).isZero();
        JsonNode rejected = report.path("rejected");
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0).path("line").asInt()).isEqualTo(5);
        assertThat(rejected.get(0).path("id").asText()).isEqualTo("cit1-d");
        assertThat(rejected.get(0).path("field").asText()).isEqualTo("email");
        assertThat(rejected.get(1).path("line").asInt()).isEqualTo(6);
        assertThat(rejected.get(1).path("field").asText()).isEqualTo("channels");
        assertThat(rejected.get(2).path("line").asInt()).isEqualTo(7);
        assertThat(rejected.get(2).path("field").asText()).isEqualTo("id");
        assertThat(rejected.get(2).path("message").asText()).contains("line 3");
        assertThat(stored("cit1-")).isEqualTo(3);

        JsonNode acme = api().json(api().send("commander", HttpMethod.GET, "/api/customers/cit1-a", null));
        assertThat(acme.path("name").asText()).isEqualTo("Acme, Inc.");
        assertThat(acme.path("services")).extracting(JsonNode::asText).containsExactly("checkout", "search");
        assertThat(acme.path("channels")).extracting(JsonNode::asText).containsExactly("email", "sms");
        assertThat(acme.path("keyAccount").asBoolean()).isTrue();
        assertThat(api().json(api().send("commander", HttpMethod.GET, "/api/customers/cit1-c", null)).path("name").asText())
                .isEqualTo("Café Crème");
    }

    @Test
    void aReimportUpdatesTheCustomers() {
        importCsv("agent", HEADER + "cit2-a,Old Name,old@a.example,,en,eu,api,email,false\n");

        JsonNode report = api().json(importCsv("admin", HEADER
                + "cit2-a,New Name,new@a.example,,de,eu,cit2-search,email,true\n"
                + "cit2-b,Other,o@b.example,,en,eu,cit2-search,email,false\n"));

        assertThat(report.path("imported").asInt()).isEqualTo(1);
        assertThat(report.path("updated").asInt()).isEqualTo(1);
        assertThat(report.path("rejected")).isEmpty();
        JsonNode a = api().json(api().send("agent", HttpMethod.GET, "/api/customers/cit2-a", null));
        assertThat(a.path("name").asText()).isEqualTo("New Name");
        assertThat(a.path("language").asText()).isEqualTo("de");
        assertThat(a.path("services")).extracting(JsonNode::asText).containsExactly("cit2-search");
        assertThat(stored("cit2-")).isEqualTo(2);
        JsonNode keyAccountsOnSearch = api().json(api().send("agent", HttpMethod.GET,
                "/api/customers?service=cit2-search&keyAccount=true", null));
        assertThat(keyAccountsOnSearch).extracting(c -> c.path("id").asText()).containsExactly("cit2-a");
    }

    @Test
    void aFileWithoutHeaderIsRefusedAndNothingIsStored() {
        ResponseEntity<String> response = importCsv("agent", "cit3-a,Acme,ops@acme.example,,nl,eu,api,email,true\n");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(api().json(response).path("detail").asText()).contains("header");
        assertThat(stored("cit3-")).isZero();

        ResponseEntity<String> unknown = importCsv("agent", HEADER.strip() + ",vip\ncit3-b,B,b@b.example,,en,eu,api,email,true,yes\n");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(unknown).path("detail").asText()).contains("unknown column 'vip'");
        assertThat(stored("cit3-")).isZero();
    }

    @Test
    void aCommanderReadsButMayNotImportOrEdit() {
        importCsv("agent", HEADER + "cit4-a,Acme,ops@acme.example,,nl,eu,api,email,true\n");

        assertThat(importCsv("commander", HEADER + "cit4-b,B,b@b.example,,en,eu,api,email,true\n").getStatusCode().value())
                .isEqualTo(403);
        assertThat(api().send("commander", HttpMethod.DELETE, "/api/customers/cit4-a", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api().send("commander", HttpMethod.GET, "/api/customers/cit4-a", null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(stored("cit4-")).isEqualTo(1);
    }

    @Test
    void putValidatesLikeARowAndDeleteRemoves() {
        ResponseEntity<String> bad = api().send("agent", HttpMethod.PUT, "/api/customers/cit5-a",
                "{\"name\":\"A\",\"email\":\"a@a.example\",\"phone\":\"0612\",\"language\":\"en\",\"region\":\"eu\","
                        + "\"services\":[\"api\"],\"channels\":[\"sms\"],\"keyAccount\":false}");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(api().json(bad).path("detail").asText()).startsWith("phone ");
        assertThat(stored("cit5-")).isZero();

        ResponseEntity<String> created = api().send("agent", HttpMethod.PUT, "/api/customers/cit5-a",
                "{\"name\":\"A\",\"email\":\"a@a.example\",\"phone\":\"+31612345678\",\"language\":\"en\",\"region\":\"eu\","
                        + "\"services\":[\"api\"],\"channels\":[\"sms\"],\"keyAccount\":false}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(api().json(created).path("phone").asText()).isEqualTo("+31612345678");

        assertThat(api().send("admin", HttpMethod.DELETE, "/api/customers/cit5-a", null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(api().send("agent", HttpMethod.GET, "/api/customers/cit5-a", null).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void aDirectoryLargerThanTheGeneralApiLimitImports() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1200; i++) {
            csv.append("cit6-").append(i).append(",Customer number ").append(i).append(",c").append(i)
                    .append("@customers.example,,en,eu-west,api;checkout,email,false\n");
        }
        assertThat(csv.length()).isGreaterThan(64 * 1024);

        ResponseEntity<String> response = importCsv("agent", csv.toString());

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(api().json(response).path("imported").asInt()).isEqualTo(1200);
        assertThat(stored("cit6-")).isEqualTo(1200);
    }
}
