package org.blackstart.app.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * The monthly figures as CSV (RFC 4180: CRLF, quoted where needed) for a spreadsheet. Text cells come
 * from what people typed (service names, policy names), and a spreadsheet runs a cell starting with
 * {@code = + - @} as a formula: such a cell gets a leading {@code '} so it stays text.
 */
final class InsightsCsv {

    static final List<String> HEADER = List.of("month", "by", "group", "incidents",
            "mtta_incidents", "mtta_mean_seconds", "mtta_median_seconds",
            "mttr_incidents", "mttr_mean_seconds", "mttr_median_seconds",
            "time_to_detect_incidents", "time_to_detect_mean_seconds", "time_to_detect_median_seconds",
            "time_to_mitigate_incidents", "time_to_mitigate_mean_seconds", "time_to_mitigate_median_seconds");

    private InsightsCsv() {
    }

    /** Per month, the row of all incidents ({@code by} = {@code all}) and then one row per group. */
    static String of(Insights insights) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (String month : insights.months()) {
            insights.totals().stream().filter(r -> r.month().equals(month)).forEach(r -> line(csv, cells("all", r)));
            insights.rows().stream().filter(r -> r.month().equals(month)).forEach(r -> line(csv, cells(insights.by(), r)));
        }
        return csv.toString();
    }

    private static List<String> cells(String by, Insights.Row row) {
        List<String> cells = new ArrayList<>(List.of(row.month(), by, text(row.group()), String.valueOf(row.incidents())));
        for (Insights.Figure figure : List.of(row.mtta(), row.mttr(), row.timeToDetect(), row.timeToMitigate())) {
            cells.add(String.valueOf(figure.incidents()));
            cells.add(figure.meanSeconds() == null ? "" : figure.meanSeconds().toString());
            cells.add(figure.medianSeconds() == null ? "" : figure.medianSeconds().toString());
        }
        return cells;
    }

    /** A text cell a spreadsheet will not run as a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
