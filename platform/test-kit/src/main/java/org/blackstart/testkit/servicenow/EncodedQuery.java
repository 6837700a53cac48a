package org.blackstart.testkit.servicenow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of ServiceNow's encoded query language the simulation understands: conditions joined by
 * {@code ^} (and) and {@code ^OR} (or with the condition before), operators {@code = != > >= < <=
 * IN NOTIN STARTSWITH LIKE}, and {@code ^ORDERBYfield} / {@code ^ORDERBYDESCfield}. Values compare
 * as text, which orders ServiceNow's {@code yyyy-MM-dd HH:mm:ss} times correctly.
 */
final class EncodedQuery {

    private static final Pattern CONDITION =
            Pattern.compile("([a-z0-9_.]+)(>=|<=|!=|NOTIN|IN|STARTSWITH|LIKE|=|>|<)(.*)", Pattern.DOTALL);

    private record Condition(String field, String operator, String value) {

        boolean test(Map<String, String> row) {
            String actual = row.getOrDefault(field, "");
            return switch (operator) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                case ">" -> actual.compareTo(value) > 0;
                case ">=" -> actual.compareTo(value) >= 0;
                case "<" -> actual.compareTo(value) < 0;
                case "<=" -> actual.compareTo(value) <= 0;
                case "IN" -> Arrays.asList(value.split(",")).contains(actual);
                case "NOTIN" -> !Arrays.asList(value.split(",")).contains(actual);
                case "STARTSWITH" -> actual.startsWith(value);
                case "LIKE" -> actual.contains(value);
                default -> false;
            };
        }
    }

    /** Conditions in and-groups: each inner list is one condition and its {@code ^OR} alternatives. */
    private final List<List<Condition>> groups = new ArrayList<>();
    private Comparator<Map<String, String>> order;

    EncodedQuery(String query) {
        if (query == null || query.isBlank()) {
            return;
        }
        for (String term : query.split("\\^")) {
            if (term.isBlank() || term.equals("EQ")) {
                continue;
            }
            if (term.startsWith("ORDERBYDESC")) {
                String field = term.substring("ORDERBYDESC".length());
                order = Comparator.comparing((Map<String, String> row) -> row.getOrDefault(field, "")).reversed();
            } else if (term.startsWith("ORDERBY")) {
                String field = term.substring("ORDERBY".length());
                order = Comparator.comparing(row -> row.getOrDefault(field, ""));
            } else if (term.startsWith("OR") && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(condition(term.substring(2)));
            } else {
                groups.add(new ArrayList<>(List.of(condition(term))));
            }
        }
    }

    private static Condition condition(String term) {
        Matcher matcher = CONDITION.matcher(term);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an encoded query condition: " + term);
        }
        return new Condition(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    List<Map<String, String>> apply(List<Map<String, String>> rows) {
        List<Map<String, String>> matching = new ArrayList<>(rows.stream()
                .filter(row -> groups.stream().allMatch(group -> group.stream().anyMatch(c -> c.test(row)))).toList());
        if (order != null) {
            matching.sort(order);
        }
        return matching;
    }
}
