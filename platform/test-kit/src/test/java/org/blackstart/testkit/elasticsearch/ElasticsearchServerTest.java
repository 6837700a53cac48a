package org.blackstart.testkit.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real Elasticsearch of the kit, as the application's search ITs and the benchmarks meet it. */
class ElasticsearchServerTest {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchServerTest.class);
    private static final int NOBODY = 65534;

    private final ElasticsearchServer server = ElasticsearchServer.shared();
    private final ElasticsearchHttp http = server.http();

    @Test
    void answersOnLoopbackAsASingleNodeThatRunsAsNobodyWhenTheJvmIsRoot() throws IOException {
        // when
        JsonNode health = http.get("/_cluster/health");
        JsonNode process = http.get("/_nodes/_local/process").path("nodes").elements().next().path("process");

        // then
        LOG.info("{} took {} ms to start", server, server.startup().toMillis());
        assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(server.isRunning()).isTrue();
        assertThat(ElasticsearchServer.shared()).isSameAs(server);
        assertThat(health.path("cluster_name").asText()).isEqualTo(ElasticsearchHome.CLUSTER_NAME);
        assertThat(health.path("number_of_nodes").asInt()).isEqualTo(1);
        long jvmUid = new UnixSystem().getUid();
        assertThat(uidOf(process.path("id").asLong())).isEqualTo(jvmUid == 0 ? NOBODY : jvmUid);
    }

    @Test
    void findsDutchAndGermanTextsByTheirWordStemsThroughTheLanguageAnalyzersMappingsName() {
        // given
        String index = "kit-stems";
        http.deleteAllBlackstartIndices(index);
        http.put("/" + index + "-1", Map.of(
                "settings", Map.of("number_of_replicas", 0),
                "mappings", Map.of("properties", Map.of(
                        "text_nl", Map.of("type", "text", "analyzer", "dutch"),
                        "text_de", Map.of("type", "text", "analyzer", "german"),
                        "text_en", Map.of("type", "text", "analyzer", "english"),
                        "text_fr", Map.of("type", "text", "analyzer", "french")))));
        http.put("/" + index + "-1/_doc/nl", Map.of("text_nl", "storingen aan de servers"));
        http.put("/" + index + "-1/_doc/de", Map.of("text_de", "Die Datenbanken wurden wiederhergestellt"));
        http.refresh(index + "-1");

        // when
        JsonNode storing = search(index + "-1", "text_nl", "storing");
        JsonNode datenbank = search(index + "-1", "text_de", "Datenbank");
        JsonNode notTheStemInAnotherLanguage = search(index + "-1", "text_de", "storing");

        // then
        assertThat(storing.findValuesAsText("_id")).containsExactly("nl");
        assertThat(datenbank.findValuesAsText("_id")).containsExactly("de");
        assertThat(notTheStemInAnotherLanguage.findValuesAsText("_id")).isEmpty();
        assertThat(tokens("dutch", "storingen aan de servers")).containsExactly("storing", "server");
        assertThat(tokens("german", "Die Datenbanken wurden wiederhergestellt")).contains("datenbank");
        assertThat(tokens("english", "The servers are failing")).containsExactly("server", "fail");
        assertThat(tokens("french", "les serveurs sont tombés")).doesNotContain("les", "serveurs");
        assertThat(http.get("/_nodes/_local/plugins").findValuesAsText("name")).contains(LanguageAnalyzers.PLUGIN);
        http.deleteAllBlackstartIndices(index);
    }

    @Test
    void keepsItsDocumentsAcrossAStopAndAStartOnTheSamePort() {
        // given
        String index = "kit-restart";
        http.deleteAllBlackstartIndices(index);
        http.put("/" + index + "-1", Map.of("settings", Map.of("number_of_replicas", 0)));
        http.put("/" + index + "-1/_doc/1?refresh=true", Map.of("text", "written before the outage"));
        String baseUrl = server.baseUrl();

        // when
        server.stop();

        // then
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(() -> http.count(index + "-1")).isInstanceOf(UncheckedIOException.class);

        // when
        server.start();

        // then
        assertThat(server.isRunning()).isTrue();
        assertThat(server.baseUrl()).isEqualTo(baseUrl);
        assertThat(http.count(index + "-1")).isEqualTo(1);
        assertThat(http.get("/" + index + "-1/_doc/1").path("_source").path("text").asText())
                .isEqualTo("written before the outage");
        http.deleteAllBlackstartIndices(index);
    }

    @Test
    void deletesTheIndicesAndTemplatesOfOnePrefixOnly() {
        // given
        http.deleteAllBlackstartIndices("kit-mine");
        http.deleteAllBlackstartIndices("kit-theirs");
        http.put("/_index_template/kit-mine", Map.of("index_patterns", new String[] {"kit-mine-*"},
                "template", Map.of("settings", Map.of("number_of_replicas", 0))));
        http.put("/kit-mine-timeline-1", Map.of("aliases", Map.of("kit-mine-timeline", Map.of())));
        http.put("/kit-theirs-timeline-1", Map.of("settings", Map.of("number_of_replicas", 0)));

        // when
        http.deleteAllBlackstartIndices("kit-mine");

        // then
        assertThat(http.get("/_cat/indices/kit-mine-*,kit-theirs-*?format=json&h=index").findValuesAsText("index"))
                .containsExactly("kit-theirs-timeline-1");
        assertThat(http.get("/_index_template").path("index_templates").findValuesAsText("name")).doesNotContain("kit-mine");
        http.deleteAllBlackstartIndices("kit-theirs");
        assertThatThrownBy(() -> http.deleteAllBlackstartIndices("*")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeapComesFromItsPropertyAndANonsenseValueStopsTheStartNamingIt() {
        assertThat(ElasticsearchServer.heap(null)).isEqualTo("512m");
        assertThat(ElasticsearchServer.heap(" 2g ")).isEqualTo("2g");
        assertThatThrownBy(() -> ElasticsearchServer.heap("2 GB"))
                .hasMessageContaining("-Dblackstart.test.elasticsearch-heap=2 GB");
    }

    private JsonNode search(String index, String field, String words) {
        return http.post("/" + index + "/_search", Map.of("query", Map.of("match", Map.of(field, words))))
                .path("hits").path("hits");
    }

    private List<String> tokens(String analyzer, String text) {
        return http.post("/_analyze", Map.of("analyzer", analyzer, "text", text)).findValuesAsText("token");
    }

    private static long uidOf(long pid) throws IOException {
        String uidLine = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
        // Uid: real effective saved filesystem
        return Long.parseLong(uidLine.split("\\s+")[2]);
    }
}
