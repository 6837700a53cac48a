package org.blackstart.app.oncall;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Why an on-call edit or lookup was refused; the controller turns it into a problem response. */
public class OnCallProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<Violation> violations;

    private OnCallProblem(HttpStatus status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    static OnCallProblem invalid(List<Violation> violations) {
        return new OnCallProblem(HttpStatus.BAD_REQUEST, "Invalid request",
                String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList()), violations);
    }

    static OnCallProblem notFound(Kind kind, String name) {
        return new OnCallProblem(HttpStatus.NOT_FOUND, "Not found", "no " + kind.label() + " '" + name + "'", List.of());
    }

    static OnCallProblem managedInConfiguration(Kind kind, String name, String path) {
        return new OnCallProblem(HttpStatus.CONFLICT, "Managed in configuration", kind.label() + " '" + name
                + "' is managed in configuration (" + path + "); change it there, the API cannot", List.of());
    }

    static OnCallProblem stillReferenced(Kind kind, String name, List<String> referrers) {
        return new OnCallProblem(HttpStatus.CONFLICT, "Still referenced", kind.label() + " '" + name
                + "' is still referenced by " + String.join(", ", referrers) + "; change those first", List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
