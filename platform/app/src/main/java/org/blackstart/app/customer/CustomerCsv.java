package org.blackstart.app.customer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a customer CSV (RFC 4180 quoting; header row required; services and channels separated by
 * {@code ;}) into rows of fields. The file as a whole must be well-formed; a row with the wrong number
 * of fields is reported as a broken row rather than failing the file.
 */
final class CustomerCsv {

    static final List<String> COLUMNS = List.of("id", "name", "email", "phone", "language", "region", "services",
            "channels", "key_account");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CustomerCsv() {
    }

    /** A data row: its line in the file (the header is line 1) and either its fields or why it is broken. */
    record Row(int line, String id, CustomerFields fields, FieldProblem problem) {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = MAPPER.readerFor(String[].class).readValues(text)) {
            if (!records.hasNext()) {
                throw new InvalidCsvException("the file is empty; the first line must be the header "
                        + String.join(",", COLUMNS));
            }
            int[] columnOf = header(records.next());
            while (records.hasNext()) {
                int line = records.getParser().currentLocation().getLineNr();
                String[] record = records.next();
                rows.add(row(line, record, columnOf));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidCsvException invalid) {
                throw invalid;
            }
            throw new InvalidCsvException("not readable as CSV: " + firstLine(e.getMessage()));
        }
        return rows;
    }

    /** For each known column, its position in the file. */
    private static int[] header(String[] names) {
        List<String> given = Arrays.stream(names).map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        // a data row may hold a value that happens to be a column name (the channel "email"), so a
        // first line that is mostly not column names is taken for a missing header
        if (given.stream().filter(COLUMNS::contains).count() * 2 < given.size()) {
            throw new InvalidCsvException("the first line must be the header " + String.join(",", COLUMNS)
                    + "; it is '" + String.join(",", names) + "'");
        }
        for (String name : given) {
            if (!COLUMNS.contains(name)) {
                throw new InvalidCsvException("unknown column '" + name + "'; the columns are " + String.join(",", COLUMNS));
            }
            if (given.indexOf(name) != given.lastIndexOf(name)) {
                throw new InvalidCsvException("column '" + name + "' appears twice in the header");
            }
        }
        int[] columnOf = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            columnOf[i] = given.indexOf(COLUMNS.get(i));
            if (columnOf[i] < 0) {
                throw new InvalidCsvException("missing column '" + COLUMNS.get(i) + "'; the header must be "
                        + String.join(",", COLUMNS));
            }
        }
        return columnOf;
    }

    private static Row row(int line, String[] record, int[] columnOf) {
        if (record.length != columnOf.length) {
            String id = columnOf[0] < record.length ? record[columnOf[0]].trim() : null;
            return new Row(line, id, null, new FieldProblem("row", "has " + record.length + " fields; the header has "
                    + columnOf.length));
        }
        Map<String, String> field = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            field.put(COLUMNS.get(i), record[columnOf[i]]);
        }
        Boolean keyAccount = switch (field.get("key_account").trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        if (keyAccount == null) {
            return new Row(line, field.get("id").trim(), null, new FieldProblem("key_account", "must be true or false, was '"
                    + field.get("key_account") + "'"));
        }
        return new Row(line, field.get("id").trim(), new CustomerFields(field.get("id"), field.get("name"), field.get("email"), field.get("phone"),
                field.get("language"), field.get("region"), list(field.get("services")), list(field.get("channels")),
                keyAccount), null);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
