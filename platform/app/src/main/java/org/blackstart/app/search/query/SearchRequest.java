package org.blackstart.app.search.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.blackstart.app.incident.Severity;
import org.blackstart.app.search.DocType;

/**
 * One search as the API received it, checked: {@code GET /api/search?q=&type=&severity=&service=&vendor=&from=&to=
 * &size=&after=}. Anything else in the query string is refused, so a typo ({@code servcie=mail}) is not silently a
 * search over everything.
 *
 * @param q          the words; blank for "everything, newest first"
 * @param types      the document types, empty for all
 * @param severities the incidents' severities, empty for any
 * @param services   affected services, empty for any
 * @param vendors    vendors, empty for any
 * @param from       inclusive, or {@code null}
 * @param to         exclusive, or {@code null}
 * @param size       hits per page
 * @param after      where the previous page ended, or {@code null} for the first page
 */
record SearchRequest(String q, List<DocType> types, List<String> severities, List<String> services, List<String> vendors,
                     Instant from, Instant to, int size, SearchCursor after) {

    static final int MAX_Q = 200;
    static final int MAX_VALUES = 10;
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private static final Set<String> PARAMETERS = Set.of("q", "type", "severity", "service", "vendor", "from", "to",
            "size", "after");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,64}");

    SearchRequest {
        types = List.copyOf(types);
        severities = List.copyOf(severities);
        services = List.copyOf(services);
        vendors = List.copyOf(vendors);
    }

    boolean hasWords() {
        return q != null && !q.isBlank();
    }

    /** The words of {@code q}, lower case, each once. */
    List<String> words() {
        if (!hasWords()) {
            return List.of();
        }
        return Arrays.stream(q.strip().split("[\\s\"']+")).filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    /** @throws SearchProblem (400) naming the parameter at fault */
    static SearchRequest parse(Map<String, List<String>> parameters) {
        List<String> unknown = parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw SearchProblem.invalid("unknown parameter " + unknown.stream().map(SearchRequest::shorten)
                    .collect(Collectors.joining(", ")) + "; known are q, type, severity, service, vendor, from, to, size, after");
        }
        String q = single(parameters, "q");
        if (q != null && q.length() > MAX_Q) {
            throw SearchProblem.invalid("q must be at most " + MAX_Q + " characters, was " + q.length());
        }
        List<DocType> types = values(parameters, "type").stream()
                .map(code -> DocType.of(code).orElseThrow(() -> SearchProblem.invalid("type must be one of "
                        + Arrays.stream(DocType.values()).map(DocType::code).collect(Collectors.joining(", "))
                        + ", was '" + shorten(code) + "'")))
                .distinct().toList();
        List<String> severities = values(parameters, "severity").stream().map(value -> {
            String upper = value.toUpperCase(java.util.Locale.ROOT);
            if (Arrays.stream(Severity.values()).noneMatch(s -> s.name().equals(upper))) {
                throw SearchProblem.invalid("severity must be one of " + Arrays.toString(Severity.values())
                        + ", was '" + shorten(value) + "'");
            }
            return upper;
        }).distinct().toList();
        List<String> services = names(parameters, "service");
        List<String> vendors = names(parameters, "vendor");
        Instant from = instant(parameters, "from", false);
        Instant to = instant(parameters, "to", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw SearchProblem.invalid("from (" + from + ") is after to (" + to + ")");
        }
        int size = size(single(parameters, "size"));
        String after = single(parameters, "after");
        return new SearchRequest(q == null || q.isBlank() ? null : q.strip(), types, severities, services, vendors, from,
                to, size, after == null || after.isBlank() ? null : SearchCursor.decode(after));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw SearchProblem.invalid(name + " may be given once, was given " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> values(Map<String, List<String>> parameters, String name) {
        List<String> values = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            // type=incident,alert reads as well as type=incident&type=alert
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            throw SearchProblem.invalid(name + " may be given at most " + MAX_VALUES + " times, was " + values.size());
        }
        return values;
    }

    private static List<String> names(Map<String, List<String>> parameters, String name) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String value : values(parameters, name)) {
            if (!NAME.matcher(value).matches()) {
                throw SearchProblem.invalid(name + " must be 1 to 64 letters, digits, spaces, '.', '_' or '-', was '"
                        + shorten(value) + "'");
            }
            names.add(value);
        }
        return List.copyOf(names);
    }

    /** An instant, or a date: from its start, or for {@code to} up to its end. */
    private static Instant instant(Map<String, List<String>> parameters, String name, boolean endOfDay) {
        String value = single(parameters, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw SearchProblem.invalid(name + " must be a date like 2026-11-20 or an instant like 2026-11-20T08:00:00Z, "
                    + "was '" + shorten(value) + "'");
        }
    }

    private static int size(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw SearchProblem.invalid("size must be a whole number from 1 to " + MAX_SIZE + ", was '" + shorten(value) + "'");
    }

    static String shorten(String value) {
        String line = value.replaceAll("[\\p{Cntrl}]", " ");
        return line.length() <= 20 ? line : line.substring(0, 20) + "…";
    }
}
