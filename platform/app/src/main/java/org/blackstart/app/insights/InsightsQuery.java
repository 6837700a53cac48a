package org.blackstart.app.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which months, from the first day of {@code from} to the last of {@code to} (UTC), split by what.
 *
 * @param from first month, inclusive
 * @param to   last month, inclusive
 * @param by   the dimension of the rows
 */
public record InsightsQuery(YearMonth from, YearMonth to, Dimension by) {

    /** Three years: enough to see a trend, small enough to answer at once from the database. */
    public static final int MAX_MONTHS = 36;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    public InsightsQuery {
        if (from.isAfter(to)) {
            throw InsightsProblem.invalid("from (" + from + ") is after to (" + to + ")");
        }
        if (months(from, to) > MAX_MONTHS) {
            throw InsightsProblem.invalid("from " + from + " to " + to + " spans " + months(from, to)
                    + " months; at most " + MAX_MONTHS);
        }
    }

    /**
     * The query as the API receives it. Absent months mean the twelve months up to the current one;
     * an absent {@code by} means severity.
     */
    static InsightsQuery parse(String from, String to, String by, Clock clock) {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth last = to == null || to.isBlank() ? now : month("to", to);
        YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : month("from", from);
        Dimension dimension = by == null || by.isBlank() ? Dimension.SEVERITY : Dimension.of(by.strip());
        if (dimension == null) {
            throw InsightsProblem.invalid("by must be one of " + Dimension.codes() + ", was '" + shorten(by) + "'");
        }
        return new InsightsQuery(first, last, dimension);
    }

    /** Start of the first month, inclusive. */
    public Instant start() {
        return from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Start of the month after the last, exclusive. */
    public Instant end() {
        return to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static long months(YearMonth from, YearMonth to) {
        return from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    private static YearMonth month(String name, String value) {
        String text = value.strip();
        if (MONTH.matcher(text).matches()) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException notAMonth) {
                // 2026-13: the pattern fits, the calendar does not; answered below
            }
        }
        throw InsightsProblem.invalid(name + " must be a month like 2026-01, was '" + shorten(value) + "'");
    }

    private static String shorten(String value) {
        String line = value.replaceAll("[\\p{Cntrl}]", " ");
        return line.length() <= 20 ? line : line.substring(0, 20) + "…";
    }
}
