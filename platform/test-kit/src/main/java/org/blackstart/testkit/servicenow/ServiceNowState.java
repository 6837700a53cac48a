package org.blackstart.testkit.servicenow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The instance's tables, journal, attachments and tokens, answering every request of the simulation. */
final class ServiceNowState implements ResponseDefinitionTransformerV2 {

    static final String NAME = "servicenow-state";
    private static final String JOURNAL = "sys_journal_field";
    private static final Set<String> JOURNAL_FIELDS = Set.of("comments", "work_notes");
    private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SecureRandom random = new SecureRandom();
    private final List<Map<String, String>> records = new ArrayList<>();
    private final List<Map<String, String>> journal = new ArrayList<>();
    private final List<ServiceNowSimulation.Attachment> files = new ArrayList<>();
    private final Map<String, String> fileTables = new LinkedHashMap<>();
    private final List<String> tokens = new ArrayList<>();
    private int nextNumber = 10001;
    private int brokenWith;
    private String nextCreateAnswer;
    private int rateLimitSeconds = -1;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Map<String, String> query = params(url.contains("?") ? url.substring(url.indexOf('?') + 1) : "");
        if (brokenWith != 0) {
            return error(brokenWith, "Service Unavailable", "The instance is not available");
        }
        if (rateLimitSeconds >= 0) {
            int seconds = rateLimitSeconds;
            rateLimitSeconds = -1;
            return aResponse().withStatus(429).withHeader("Retry-After", Integer.toString(seconds))
                    .withHeader("Content-Type", "application/json")
                    .withBody(Json.write(errorBody("Rate limit exceeded", "Too many requests"))).build();
        }
        String method = request.getMethod().getName();
        if (path.equals("/oauth_token.do") && method.equals("POST")) {
            return token(params(request.getBodyAsString()));
        }
        if (!authorized(request.getHeader("Authorization"))) {
            return error(401, "User Not Authenticated", "Required to provide Auth information");
        }
        if (path.equals("/api/now/attachment/file") && method.equals("POST")) {
            return attach(query, request);
        }
        if (path.equals("/api/now/attachment") && method.equals("GET")) {
            return listFiles(query);
        }
        if (path.startsWith("/api/now/attachment/") && path.endsWith("/file") && method.equals("GET")) {
            return download(path.substring("/api/now/attachment/".length(), path.length() - "/file".length()));
        }
        if (path.startsWith("/api/now/table/")) {
            String[] parts = path.substring("/api/now/table/".length()).split("/");
            String table = parts[0];
            String sysId = parts.length > 1 ? parts[1] : null;
            return switch (method) {
                case "POST" -> sysId == null ? create(table, request.getBodyAsString())
                        : error(405, "Method not Supported", "POST to a record");
                case "GET" -> sysId == null ? list(table, query) : one(table, sysId);
                case "PATCH", "PUT" -> sysId == null ? error(405, "Method not Supported", "PATCH without sys_id")
                        : patch(table, sysId, request.getBodyAsString(), ServiceNowSimulation.USERNAME);
                default -> error(405, "Method not Supported", method);
            };
        }
        return error(400, "Invalid URL", "Requested URI does not represent any resource: " + path);
    }

    // ---- helpers for the simulation's public side

    synchronized List<Map<String, String>> records() {
        return records.stream().map(r -> (Map<String, String>) new LinkedHashMap<>(r)).toList();
    }

    synchronized Map<String, String> record(String number) {
        return new LinkedHashMap<>(byNumber(number));
    }

    synchronized List<Map<String, String>> journal(String number, String element) {
        String sysId = byNumber(number).get("sys_id");
        return journal.stream().filter(e -> e.get("element_id").equals(sysId) && e.get("element").equals(element))
                .map(e -> (Map<String, String>) new LinkedHashMap<>(e)).toList();
    }

    synchronized List<ServiceNowSimulation.Attachment> attachments(String number) {
        String sysId = byNumber(number).get("sys_id");
        return files.stream().filter(f -> sysId.equals(fileTables.get(f.sysId()))).toList();
    }

    synchronized String comment(String number, String text, String author) {
        Map<String, String> record = byNumber(number);
        String entry = addJournal(record, "comments", text, author);
        touch(record, author);
        return entry;
    }

    synchronized void update(String number, Map<String, String> fields, String author) {
        Map<String, String> record = byNumber(number);
        write(record, fields, author);
    }

    synchronized void attach(String number, String fileName, String contentType, byte[] content, String author) {
        Map<String, String> record = byNumber(number);
        addFile(record, fileName, contentType, content, author);
        touch(record, author);
    }

    synchronized void delete(String number) {
        records.remove(byNumber(number));
    }

    synchronized Map<String, Object> webhook(String number, String commentSysId) {
        Map<String, String> record = byNumber(number);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("number", "sys_id", "state", "on_hold_reason", "close_code", "assigned_to",
                "sys_updated_on", "sys_updated_by", "sys_mod_count")) {
            body.put(field, record.getOrDefault(field, ""));
        }
        if (commentSysId != null) {
            Map<String, String> entry = journal.stream().filter(e -> e.get("sys_id").equals(commentSysId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no journal entry " + commentSysId));
            Map<String, String> comment = new LinkedHashMap<>();
            for (String field : List.of("sys_id", "value", "sys_created_by", "sys_created_on")) {
                comment.put(field, entry.get(field));
            }
            body.put("comment", comment);
        }
        return body;
    }

    synchronized void breakDown(int status) {
        brokenWith = status;
    }

    synchronized void answerNextCreateWith(String rawBody) {
        nextCreateAnswer = rawBody;
    }

    synchronized void rateLimitNext(int seconds) {
        rateLimitSeconds = seconds;
    }

    synchronized int tokensIssued() {
        return tokens.size();
    }

    // ---- the API

    private ResponseDefinition token(Map<String, String> form) {
        if (!ServiceNowSimulation.CLIENT_ID.equals(form.get("client_id")) || !ServiceNowSimulation.CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(401, Map.of("error", "access_denied", "error_description", "access_denied"));
        }
        if (!"password".equals(form.get("grant_type")) || !ServiceNowSimulation.USERNAME.equals(form.get("username"))
                || !ServiceNowSimulation.PASSWORD.equals(form.get("password"))) {
            return json(401, Map.of("error", "access_denied", "error_description", "access_denied"));
        }
        String token = hex(43);
        tokens.add(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("refresh_token", hex(43));
        body.put("scope", "useraccount");
        body.put("token_type", "Bearer");
        body.put("expires_in", 1799);
        return json(200, body);
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        if (header.startsWith("Bearer ")) {
            return tokens.contains(header.substring(7));
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (ServiceNowSimulation.USERNAME + ":" + ServiceNowSimulation.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return header.equals(basic);
    }

    private ResponseDefinition create(String table, String body) {
        if (nextCreateAnswer != null) {
            String raw = nextCreateAnswer;
            nextCreateAnswer = null;
            return aResponse().withStatus(201).withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(raw).build();
        }
        Map<String, Object> fields = readObject(body);
        if (fields == null) {
            return error(400, "Exception while reading request", "The payload is not valid JSON.");
        }
        Map<String, String> record = new LinkedHashMap<>();
        record.put("sys_id", hex(32));
        record.put("sys_class_name", table);
        record.put("number", (table.equals("incident") ? "INC" : table.substring(0, Math.min(3, table.length()))
                .toUpperCase()) + String.format("%07d", nextNumber++));
        record.put("state", "1");
        record.put("impact", "3");
        record.put("urgency", "3");
        record.put("priority", "5");
        record.put("on_hold_reason", "");
        record.put("close_code", "");
        record.put("assigned_to", "");
        record.put("sys_created_on", now());
        record.put("sys_created_by", ServiceNowSimulation.USERNAME);
        records.add(record);
        write(record, strings(fields), ServiceNowSimulation.USERNAME);
        return json(201, Map.of("result", record));
    }

    private ResponseDefinition list(String table, Map<String, String> query) {
        List<Map<String, String>> rows = table.equals(JOURNAL) ? journal
                : records.stream().filter(r -> r.get("sys_class_name").equals(table)).toList();
        List<Map<String, String>> matching;
        try {
            matching = new EncodedQuery(query.get("sysparm_query")).apply(rows);
        } catch (IllegalArgumentException badQuery) {
            return error(400, "Invalid query", badQuery.getMessage());
        }
        int limit = query.containsKey("sysparm_limit") ? Integer.parseInt(query.get("sysparm_limit")) : 10000;
        List<Map<String, String>> page = matching.stream().limit(limit).map(r -> only(r, query.get("sysparm_fields")))
                .toList();
        return json(200, Map.of("result", page));
    }

    private ResponseDefinition one(String table, String sysId) {
        Map<String, String> record = bySysId(table, sysId);
        return record == null ? notFound() : json(200, Map.of("result", record));
    }

    private ResponseDefinition patch(String table, String sysId, String body, String user) {
        Map<String, String> record = bySysId(table, sysId);
        if (record == null) {
            return notFound();
        }
        Map<String, Object> fields = readObject(body);
        if (fields == null) {
            return error(400, "Exception while reading request", "The payload is not valid JSON.");
        }
        write(record, strings(fields), user);
        return json(200, Map.of("result", record));
    }

    private ResponseDefinition attach(Map<String, String> query, Request request) {
        Map<String, String> record = bySysId(query.get("table_name"), query.get("table_sys_id"));
        if (record == null || query.get("file_name") == null) {
            return error(400, "Invalid table or record", "table_name, table_sys_id and file_name must name a record");
        }
        String contentType = request.getHeader("Content-Type");
        ServiceNowSimulation.Attachment file = addFile(record, query.get("file_name"), contentType, request.getBody(),
                ServiceNowSimulation.USERNAME);
        return json(201, Map.of("result", meta(file, record)));
    }

    private ResponseDefinition listFiles(Map<String, String> query) {
        List<Map<String, String>> metas = new ArrayList<>();
        for (ServiceNowSimulation.Attachment file : files) {
            Map<String, String> record = bySysId(null, fileTables.get(file.sysId()));
            if (record != null) {
                metas.add(meta(file, record));
            }
        }
        return json(200, Map.of("result", new EncodedQuery(query.get("sysparm_query")).apply(metas)));
    }

    private ResponseDefinition download(String sysId) {
        return files.stream().filter(f -> f.sysId().equals(sysId)).findFirst()
                .map(f -> aResponse().withStatus(200).withHeader("Content-Type", f.contentType()).withBody(f.content()).build())
                .orElseGet(this::notFound);
    }

    // ---- records

    private void write(Map<String, String> record, Map<String, String> fields, String user) {
        fields.forEach((field, value) -> {
            if (JOURNAL_FIELDS.contains(field)) {
                if (value != null && !value.isBlank()) {
                    addJournal(record, field, value, user);
                }
            } else {
                record.put(field, value == null ? "" : value);
            }
        });
        int impact = Integer.parseInt(record.getOrDefault("impact", "3"));
        int urgency = Integer.parseInt(record.getOrDefault("urgency", "3"));
        // ServiceNow's default priority lookup: impact + urgency - 1, capped at 5 (1/1 -> 1 Critical).
        record.put("priority", Integer.toString(Math.min(5, impact + urgency - 1)));
        String state = record.getOrDefault("state", "1");
        record.put("active", Boolean.toString(!state.equals("7") && !state.equals("8")));
        touch(record, user);
    }

    private void touch(Map<String, String> record, String user) {
        record.put("sys_updated_on", now());
        record.put("sys_updated_by", user);
        record.put("sys_mod_count", Integer.toString(Integer.parseInt(record.getOrDefault("sys_mod_count", "-1")) + 1));
    }

    private String addJournal(Map<String, String> record, String element, String value, String user) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("sys_id", hex(32));
        entry.put("element_id", record.get("sys_id"));
        entry.put("name", record.get("sys_class_name"));
        entry.put("element", element);
        entry.put("value", value);
        entry.put("sys_created_by", user);
        entry.put("sys_created_on", now());
        journal.add(entry);
        return entry.get("sys_id");
    }

    private ServiceNowSimulation.Attachment addFile(Map<String, String> record, String fileName, String contentType,
                                                    byte[] content, String user) {
        ServiceNowSimulation.Attachment file = new ServiceNowSimulation.Attachment(hex(32), fileName,
                contentType == null ? "application/octet-stream" : contentType, content, user, now());
        files.add(file);
        fileTables.put(file.sysId(), record.get("sys_id"));
        return file;
    }

    private Map<String, String> meta(ServiceNowSimulation.Attachment file, Map<String, String> record) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("sys_id", file.sysId());
        meta.put("file_name", file.fileName());
        meta.put("content_type", file.contentType());
        meta.put("size_bytes", Integer.toString(file.content().length));
        meta.put("table_name", record.get("sys_class_name"));
        meta.put("table_sys_id", record.get("sys_id"));
        meta.put("sys_created_by", file.createdBy());
        meta.put("sys_created_on", file.createdOn());
        meta.put("download_link", "/api/now/attachment/" + file.sysId() + "/file");
        return meta;
    }

    private Map<String, String> byNumber(String number) {
        return records.stream().filter(r -> r.get("number").equals(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ServiceNow record " + number));
    }

    private Map<String, String> bySysId(String table, String sysId) {
        return records.stream().filter(r -> r.get("sys_id").equals(sysId)
                && (table == null || r.get("sys_class_name").equals(table))).findFirst().orElse(null);
    }

    private static Map<String, String> only(Map<String, String> row, String fields) {
        if (fields == null || fields.isBlank()) {
            return row;
        }
        Map<String, String> selected = new LinkedHashMap<>();
        for (String field : fields.split(",")) {
            if (row.containsKey(field.strip())) {
                selected.put(field.strip(), row.get(field.strip()));
            }
        }
        return selected;
    }

    // ---- wire format

    private ResponseDefinition notFound() {
        return error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    }

    private static ResponseDefinition error(int status, String message, String detail) {
        return json(status, errorBody(message, detail));
    }

    private static Map<String, Object> errorBody(String message, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("detail", detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("status", "failure");
        return body;
    }

    private static ResponseDefinition json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(Json.write(body)).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(String body) {
        try {
            Object value = Json.read(body, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static Map<String, String> strings(Map<String, Object> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        return out;
    }

    private static Map<String, String> params(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    private static String now() {
        return GLIDE.format(LocalDateTime.now(ZoneOffset.UTC));
    }
}
