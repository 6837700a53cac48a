package org.blackstart.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InsightsCsvTest {

    private static final Insights.Figure NONE = new Insights.Figure(0, null, null);

    private static Insights.Row row(String group) {
        return new Insights.Row("2026-03", group, 1, new Insights.Figure(1, 60L, 60L), NONE, NONE, NONE);
    }

    @Test
    void oneLinePerMonthTotalThenPerGroupWithCrLfAndAHeader() {
        // given
        Insights insights = new Insights("database", "2026-03", "2026-04", "service", List.of("2026-03", "2026-04"),
                List.of(new Insights.Row("2026-03", "all", 2, new Insights.Figure(2, 90L, 90L), NONE, NONE, NONE)),
                List.of(row("mail"), row("web, \"classic\"")), List.of(), null);

        // when
        String csv = InsightsCsv.of(insights);

        // then
        assertThat(csv.split("\r\n", -1)).containsExactly(
                String.join(",", InsightsCsv.HEADER),
                "2026-03,all,all,2,2,90,90,0,,,0,,,0,,",
                "2026-03,service,mail,1,1,60,60,0,,,0,,,0,,",
                "2026-03,service,\"web, \"\"classic\"\"\",1,1,60,60,0,,,0,,,0,,",
                "");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasStayText() {
        assertThat(InsightsCsv.text("=HYPERLINK(\"http://evil.example\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(InsightsCsv.text("+1")).isEqualTo("'+1");
        assertThat(InsightsCsv.text("-1+cmd")).isEqualTo("'-1+cmd");
        assertThat(InsightsCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(InsightsCsv.text("\t=1")).isEqualTo("'\t=1");
        assertThat(InsightsCsv.text("mail")).isEqualTo("mail");
        assertThat(InsightsCsv.text("e-mail=ok")).isEqualTo("e-mail=ok");
    }
}
