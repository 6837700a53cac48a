package org.blackstart.app.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.blackstart.app.search.DocType;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void readsEveryParameterAndDatesAsWholeDays() {
        // when
        SearchRequest request = SearchRequest.parse(Map.of("q", List.of("  storage failover "), "type",
                List.of("incident,notice", "notice"), "severity", List.of("sev1"), "service", List.of("mail", "web mail"),
                "from", List.of("2026-11-01"), "to", List.of("2026-11-30"), "size", List.of("50")));

        // then
        assertThat(request.q()).isEqualTo("storage failover");
        assertThat(request.words()).containsExactly("storage", "failover");
        assertThat(request.types()).containsExactly(DocType.INCIDENT, DocType.NOTICE);
        assertThat(request.severities()).containsExactly("SEV1");
        assertThat(request.services()).containsExactly("mail", "web mail");
        assertThat(request.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(request.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(request.size()).isEqualTo(50);
        assertThat(request.after()).isNull();
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("q", List.of("a"), "sort", List.of("x"))))
                .hasMessageContaining("unknown parameter sort");
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("q", List.of("a", "b"))))
                .hasMessageContaining("q may be given once");
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("vendor", List.of("store'co"))))
                .hasMessageContaining("vendor must be");
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("to", List.of("2026-02-30"))))
                .hasMessageContaining("to must be a date");
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("size", List.of("ten"))))
                .hasMessageContaining("size must be");
    }

    @Test
    void aCursorComesBackAsItWentOutAndNothingElseIsAccepted() {
        // given
        SearchCursor cursor = new SearchCursor(1.25, Instant.parse("2026-11-20T08:00:00.123456Z"), "timeline", "42");

        // when
        SearchCursor back = SearchCursor.decode(cursor.encode());

        // then
        assertThat(back).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        for (String garbage : List.of("!!!", "e30", "eyJ0IjoidGltZWxpbmUifQ",
                // {"at":"2026-11-20T08:00:00Z","t":"timeline","id":"1 OR 1=1"}
                "eyJhdCI6IjIwMjYtMTEtMjBUMDg6MDA6MDBaIiwidCI6InRpbWVsaW5lIiwiaWQiOiIxIE9SIDE9MSJ9",
                // {"at":"2026-11-20T08:00:00Z","t":"timeline","id":"1","x":1}
                "eyJhdCI6IjIwMjYtMTEtMjBUMDg6MDA6MDBaIiwidCI6InRpbWVsaW5lIiwiaWQiOiIxIiwieCI6MX0", "a".repeat(500))) {
            assertThatThrownBy(() -> SearchCursor.decode(garbage)).as(garbage).isInstanceOf(SearchProblem.class)
                    .hasMessageContaining("after must be");
        }
    }

    @Test
    void highlightsEscapeTheTextAndMarkOnlyTheWords() {
        // when
        String fragment = Highlights.fragment("Tom & Jerry said <script>alert('amp')</script> the AMP storage failed",
                List.of("amp", "storage"));

        // then
        assertThat(fragment).isEqualTo("Tom &amp; Jerry said &lt;script&gt;alert(&#39;<mark>amp</mark>&#39;)&lt;/script&gt; "
                + "the <mark>AMP</mark> <mark>storage</mark> failed");
        assertThat(Highlights.fragment("nothing here", List.of("storage"))).isNull();
    }
}
