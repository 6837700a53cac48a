package org.blackstart.app.taskguard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.blackstart.app.api.CachedBodyRequest;
import org.blackstart.app.incident.IncidentKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task decides only what its form asks. Camunda's REST API (and the Tasklist webapp's own mount of
 * it) lets whoever may complete a task send any variables with the completion, and so overwrite what
 * the process relies on, such as an incident's severity. This filter lets a completion, a task variable
 * write and a process start through only when every variable it names is a field of the form behind
 * the task or the start event, and every Object variable is of a type the engine's deserialization
 * allow-list admits; anything else is answered 400 naming the variables, before the engine sees the
 * call, so nothing changes. A completion must answer the decisions the form marks as owed
 * ({@link FormFields#requiredDecisionsIn}), unless the task already holds them. A start's business key must be an incident key. A BPMN error or
 * escalation thrown from a task is refused outright (403).
 */
class FormFieldGuardFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(FormFieldGuardFilter.class);
    private static final Pattern TYPE_NAME_SEPARATORS = Pattern.compile("[<>,\\[\\]\\s]+");
    private static final Pattern COMPLETION = Pattern.compile("/(complete|submit-form)$");

    private final DeclaredForms forms;
    private final Predicate<String> allowedObjectType;
    private final ObjectMapper json;
    private final long maxBodySize;
    private final List<CompletionCheck> checks;

    /**
     * @param allowedObjectType the engine's deserialization allow-list, applied to Object variables sent
     * @param checks            asked about every completion's values, after its fields and decisions passed
     */
    FormFieldGuardFilter(DeclaredForms forms, Predicate<String> allowedObjectType, ObjectMapper json, long maxBodySize,
                         List<CompletionCheck> checks) {
        this.checks = List.copyOf(checks);
        this.forms = forms;
        this.allowedObjectType = allowedObjectType;
        this.json = json.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.maxBodySize = maxBodySize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<GuardedCall> call = GuardedCall.of(request.getMethod(), pathOf(request));
        if (call.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (call.get().isThrow()) {
            // No Blackstart task ends by a person's BPMN error: thrown from outside, one would end a step
            // (a page, a notice review, a vendor question) without its decision, or take a path meant for
            // the platform, such as "nobody acknowledged".
            LOG.warn("BLACKSTART-GUARD-003 refused {} {}: tasks end through their forms", request.getMethod(), request.getRequestURI());
            problem(response, HttpStatus.FORBIDDEN, "Not a way to end this task",
                    "Blackstart's tasks end through their forms, not by a BPMN error or escalation", List.of());
            return;
        }
        if (request.getContentLengthLong() > maxBodySize) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "the request body is " + request.getContentLengthLong() + " bytes; the limit is " + maxBodySize + " bytes", List.of());
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "the request body is larger than " + maxBodySize + " bytes", List.of());
            return;
        }
        GuardedCall guarded = call.get();
        Names names;
        try {
            names = named(guarded, body);
        } catch (JsonProcessingException | IllegalArgumentException malformed) {
            problem(response, HttpStatus.BAD_REQUEST, "Malformed request body",
                    "the body must be a JSON object as the engine's REST API describes it", List.of());
            return;
        }
        if (names.bypassesStart()) {
            // Starting at another step, or without the listeners that open the incident's record, would skip
            // what the process does first (the record, the key, the triage); people start processes from the top.
            problem(response, HttpStatus.BAD_REQUEST, "Not a way to start this process",
                    "start instructions, skipCustomListeners and skipIoMappings are not accepted; start the process from its start event",
                    List.of());
            return;
        }
        if (names.businessKey() != null && !IncidentKeys.looksLikeKey(names.businessKey())) {
            problem(response, HttpStatus.BAD_REQUEST, "Invalid business key",
                    "a business key is an incident key such as INC-2026-0001; leave it out to have one assigned", List.of());
            return;
        }
        if (!names.refusedTypes().isEmpty()) {
            LOG.warn("BLACKSTART-GUARD-002 refused {} {}: object variables of types not allowed: {}", request.getMethod(),
                    request.getRequestURI(), printable(names.refusedTypes()));
            problem(response, HttpStatus.BAD_REQUEST, "Object type not allowed",
                    "object variables of these types are not accepted: " + String.join(", ", names.refusedTypes())
                            + "; send plain values or JSON", List.copyOf(names.refusedTypes()));
            return;
        }
        if (!names.variables().isEmpty()) {
            Optional<Set<String>> declared = guarded.isStart()
                    ? forms.ofStart(guarded.engine(), guarded.definitionId(), guarded.definitionKey(), guarded.tenantId())
                    : forms.ofTask(guarded.engine(), guarded.taskId());
            if (declared.isPresent()) {
                Set<String> extra = new TreeSet<>(names.variables());
                extra.removeAll(declared.get());
                if (!extra.isEmpty()) {
                    LOG.warn("BLACKSTART-GUARD-001 refused {} {}: variables not on the form: {}", request.getMethod(),
                            request.getRequestURI(), printable(extra));
                    problem(response, HttpStatus.BAD_REQUEST, "Not a field of the form",
                            (guarded.isStart() ? "the start form" : "the task's form") + " does not ask for "
                                    + String.join(", ", extra) + "; nothing was changed", List.copyOf(extra));
                    return;
                }
            }
        }
        if (!guarded.isStart() && !guarded.isVariableWrite() && COMPLETION.matcher(pathOf(request)).find()) {
            Set<String> undecided = forms.undecided(guarded.engine(), guarded.taskId(), answered(body));
            if (!undecided.isEmpty()) {
                // Left out, a decision takes the gateway's default path: a notice nobody chose to withhold
                // is withheld, one nobody chose to return goes back to the agent.
                LOG.warn("BLACKSTART-GUARD-004 refused {} {}: no decision for {}", request.getMethod(),
                        request.getRequestURI(), undecided);
                problem(response, HttpStatus.BAD_REQUEST, "Decision missing",
                        "choose " + String.join(", ", undecided) + " as the task's form asks; nothing was changed",
                        List.copyOf(undecided));
                return;
            }
            JsonNode sent = body.length == 0 ? json.createObjectNode() : json.readTree(body).path("variables");
            for (CompletionCheck check : checks) {
                Optional<String> refusal = check.refusal(guarded.taskId(), sent);
                if (refusal.isPresent()) {
                    LOG.warn("BLACKSTART-GUARD-005 refused {} {}: {}", request.getMethod(), request.getRequestURI(),
                            refusal.get().replaceAll("\\p{Cntrl}", "?"));
                    problem(response, HttpStatus.BAD_REQUEST, "Not accepted", refusal.get(), List.of());
                    return;
                }
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The variables a completion sets to a value; one sent as null or blank answers nothing. */
    private Set<String> answered(byte[] body) throws IOException {
        Set<String> answered = new TreeSet<>();
        if (body.length == 0) {
            return answered;
        }
        JsonNode variables = json.readTree(body).path("variables");
        for (Iterator<String> it = variables.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode value = variables.get(name).path("value");
            if (!value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
                answered.add(name);
            }
        }
        return answered;
    }

    /** Names as the caller sent them, without line breaks that would forge log lines. */
    private static List<String> printable(Set<String> names) {
        return names.stream().map(name -> name.replaceAll("\\p{Cntrl}", "?")).toList();
    }

    private Names named(GuardedCall call, byte[] body) throws IOException {
        Set<String> variables = new TreeSet<>();
        if (call.variableName() != null) {
            variables.add(call.variableName());
        }
        if (body.length == 0) {
            return new Names(variables, null);
        }
        JsonNode root = json.readTree(body);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Names(variables, null);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        if (call.variableName() != null) {
            return new Names(variables, null, refusedTypes(root, true));
        }
        if (call.isVariableWrite()) {
            variables.addAll(objectFieldNames(root.get("modifications")));
            Set<String> refused = refusedTypes(root.get("modifications"), false);
            JsonNode deletions = root.get("deletions");
            if (deletions != null && !deletions.isNull()) {
                if (!deletions.isArray()) {
                    throw new IllegalArgumentException("deletions");
                }
                deletions.forEach(name -> variables.add(name.asText()));
            }
            return new Names(variables, null, refused);
        }
        variables.addAll(objectFieldNames(root.get("variables")));
        String businessKey = null;
        boolean bypass = false;
        if (call.isStart()) {
            bypass = root.path("startInstructions").size() > 0 || root.path("skipCustomListeners").asBoolean(false)
                    || root.path("skipIoMappings").asBoolean(false);
            JsonNode key = root.get("businessKey");
            if (key != null && !key.isNull()) {
                if (!key.isTextual()) {
                    throw new IllegalArgumentException("businessKey");
                }
                businessKey = key.asText();
            }
        }
        return new Names(variables, businessKey, refusedTypes(root.get("variables"), false), bypass);
    }

    private static List<String> objectFieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node == null || node.isNull()) {
            return names;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("variables");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
        return bytes.length > maxBodySize ? null : bytes;
    }

    /**
     * The path as the container mapped it: decoded, with {@code ;parameters} and dot segments removed,
     * which is what Jersey routes on, so an encoded or padded path cannot slip past.
     */
    private static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        path = path.replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private void problem(HttpServletResponse response, HttpStatus status, String title, String detail, List<String> variables)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!variables.isEmpty()) {
            problem.setProperty("variables", variables);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The Java types named by Object variables in {@code values} (a map of variable name to typed value,
     * or one typed value) that the engine's deserialization allow-list refuses. Stored, such a value
     * would be deserialized later by whoever reads it; refused here, it is never stored.
     */
    private Set<String> refusedTypes(JsonNode values, boolean single) {
        Set<String> refused = new TreeSet<>();
        List<JsonNode> typed = new ArrayList<>();
        if (single) {
            typed.add(values);
        } else if (values != null && values.isObject()) {
            values.forEach(typed::add);
        }
        for (JsonNode value : typed) {
            if (value == null || !"object".equalsIgnoreCase(value.path("type").asText())) {
                continue;
            }
            String typeName = value.path("valueInfo").path("objectTypeName").asText("");
            if (typeName.isBlank()) {
                refused.add("(no type name)");
                continue;
            }
            for (String className : TYPE_NAME_SEPARATORS.split(typeName.strip())) {
                if (!className.isEmpty() && !allowedObjectType.test(className)) {
                    refused.add(className);
                }
            }
        }
        return refused;
    }

    /** @param bypassesStart a start that skips the process's own start (instructions, skipped listeners or mappings) */
    private record Names(Set<String> variables, String businessKey, Set<String> refusedTypes, boolean bypassesStart) {

        Names(Set<String> variables, String businessKey) {
            this(variables, businessKey, Set.of(), false);
        }

        Names(Set<String> variables, String businessKey, Set<String> refusedTypes) {
            this(variables, businessKey, refusedTypes, false);
        }
    }
}
