package org.blackstart.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search benchmarks' helpers: the captured requests and the generated entries. */
class SearchBenchTest {

    @Test
    void theClientsTraceLineGivesTheRequestAsSent(@TempDir Path dir) throws Exception {
        // given: what the client's "tracer" logger writes, a line before and the response after
        Path log = dir.resolve("blackstart.log");
        Files.write(log, List.of("2026-12-07 INFO started",
                "2026-12-07 TRACE c.e.c.t.r.low_level.Request : curl -iX POST 'http://127.0.0.1:9200/b-timeline,b-incident/_search?typed_keys=true'"
                        + " -d '{\"query\":{\"match\":{\"text\":\"it'\\''s down\"}}}'",
                "# HTTP/1.1 200 OK",
                "2026-12-07 TRACE c.e.c.t.r.low_level.Request : curl -iX POST 'http://127.0.0.1:9200/b-timeline/_bulk' -d '{}'"),
                StandardCharsets.UTF_8);

        // when
        List<CapturedSearches.Request> requests = CapturedSearches.since(log, 1);

        // then: only the search, with its query string and its body, the quote restored
        assertThat(requests).containsExactly(new CapturedSearches.Request("POST",
                "/b-timeline,b-incident/_search?typed_keys=true", "{\"query\":{\"match\":{\"text\":\"it's down\"}}}"));
        assertThat(CapturedSearches.since(log, 2)).isEmpty();
    }

    @Test
    void theCorpusGivesTheSameDocumentForAnIdEveryTimeWithTheFieldsOfATimelineEntry() {
        // given
        TimelineCorpus corpus = new TimelineCorpus(2000, 14);

        // when
        Map<String, Object> first = corpus.document(123_456);
        Map<String, Object> again = new TimelineCorpus(2000, 14).document(123_456);

        // then
        assertThat(first).isEqualTo(again).containsEntry("type", "timeline").containsEntry("id", "123456")
                .containsEntry("audience", "on-call").containsKeys("incidentKey", "occurredAt", "text", "title",
                        "severity", "services", "kind", "actor");
        assertThat(first.keySet()).allMatch(field -> List.of("type", "id", "incidentKey", "audience", "occurredAt",
                "text", "kind", "actor", "severity", "services", "vendors", "title").contains(field));
        assertThat(corpus.document(1)).isNotEqualTo(first);
    }
}
