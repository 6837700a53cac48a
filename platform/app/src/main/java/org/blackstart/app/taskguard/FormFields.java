package org.blackstart.app.taskguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process variables a Camunda Form (form-js JSON) lets its user set: the top-level name of every
 * component's {@code key}, and of every {@code path} a group or dynamic list nests its fields under
 * (form-js submits those fields inside one object named by the path). Text, images and other
 * components without a key set nothing, and neither does a disabled field: it shows a value (the
 * vendor's case number, the incident's severity on a page) and form-js does not submit it.
 */
final class FormFields {

    static final String DECISION_PROPERTY = "blackstart.decision";

    private FormFields() {
    }

    static Set<String> declaredIn(JsonNode form) {
        Set<String> names = new TreeSet<>();
        collect(form.path("components"), names);
        return names;
    }

    private static void collect(JsonNode components, Set<String> names) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode component : components) {
            if (component.path("disabled").asBoolean(false)) {
                continue;
            }
            String path = text(component, "path");
            if (path != null) {
                // Everything below a path is submitted inside that one variable.
                names.add(topLevel(path));
                continue;
            }
            String key = text(component, "key");
            if (key != null) {
                names.add(topLevel(key));
            }
            collect(component.path("components"), names);
        }
    }

    /**
     * The decisions a form marks as owed on every completion: top-level fields with the custom property
     * {@code blackstart.decision = required} (form-js keeps custom properties and ignores them), always
     * shown and not disabled. form-js checks required fields only in the browser; the guard checks these
     * for any caller. Opt-in, so that a task some callers complete through the API without a field,
     * relying on its absence meaning "no", keeps working.
     */
    static Set<String> requiredDecisionsIn(JsonNode form) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode component : form.path("components")) {
            String key = text(component, "key");
            if (key != null && "required".equals(text(component.path("properties"), DECISION_PROPERTY))
                    && !component.path("disabled").asBoolean(false)
                    && text(component.path("conditional"), "hide") == null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** form-js reads {@code a.b} as field {@code b} of variable {@code a}. */
    private static String topLevel(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
