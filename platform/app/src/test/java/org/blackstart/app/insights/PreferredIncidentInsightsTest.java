package org.blackstart.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Elasticsearch answers when it can; when it cannot, the reader gets the database's figures, never an error. */
@ExtendWith(OutputCaptureExtension.class)
class PreferredIncidentInsightsTest {

    private static final InsightsQuery QUERY = new InsightsQuery(YearMonth.parse("2026-01"), YearMonth.parse("2026-03"),
            Dimension.SEVERITY);

    private static Insights answer(String engine) {
        return new Insights(engine, "2026-01", "2026-03", "severity", List.of("2026-01", "2026-02", "2026-03"), List.of(),
                List.of(), List.of(), null);
    }

    /** Elasticsearch that fails while {@link #down} is set, and counts the questions it was asked. */
    private static final class Cluster implements IncidentInsights {
        boolean down;
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Insights figures(InsightsQuery query) {
            asked.incrementAndGet();
            if (down) {
                throw new UncheckedIOException("Elasticsearch did not answer the insights search",
                        new ConnectException("Connection refused"));
            }
            return answer("elasticsearch");
        }
    }

    @Test
    void withoutElasticsearchTheDatabaseAnswers() {
        // given
        IncidentInsights insights = new PreferredIncidentInsights(query -> answer("database"), null);

        // when / then
        assertThat(insights.figures(QUERY).engine()).isEqualTo("database");
    }

    @Test
    void elasticsearchAnswersWhenItCan(CapturedOutput output) {
        // given
        Cluster cluster = new Cluster();
        IncidentInsights insights = new PreferredIncidentInsights(query -> answer("database"), cluster);

        // when / then
        assertThat(insights.figures(QUERY).engine()).isEqualTo("elasticsearch");
        assertThat(output).doesNotContain("BLACKSTART-INSIGHTS");
    }

    @Test
    void aFailingClusterGivesTheDatabaseFiguresLogsOnceAndIsAskedAgainNextTime(CapturedOutput output) {
        // given
        Cluster cluster = new Cluster();
        IncidentInsights insights = new PreferredIncidentInsights(query -> answer("database"), cluster);
        cluster.down = true;

        // when
        Insights first = insights.figures(QUERY);
        Insights second = insights.figures(QUERY);
        cluster.down = false;
        Insights back = insights.figures(QUERY);

        // then
        assertThat(first.engine()).isEqualTo("database");
        assertThat(second.engine()).isEqualTo("database");
        assertThat(back.engine()).isEqualTo("elasticsearch");
        assertThat(cluster.asked).hasValue(3);
        assertThat(output.getOut().split("BLACKSTART-INSIGHTS-001", -1)).as("logged once while down").hasSize(2);
        assertThat(output).contains("ConnectException: Connection refused", "BLACKSTART-INSIGHTS-002");
    }
}
