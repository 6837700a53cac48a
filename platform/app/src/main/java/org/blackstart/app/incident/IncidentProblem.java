package org.blackstart.app.incident;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change to an incident the API refuses, answered as a problem whose detail says why; nothing was
 * changed. Spring's problem handling ({@code ApiProblems}) writes it as it is.
 */
public class IncidentProblem extends ErrorResponseException {

    private IncidentProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    /** The incident is not in a state that allows the change: ended, or not triaged yet. */
    public static IncidentProblem conflict(String detail) {
        return new IncidentProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    /** The request names something the incident or the platform does not know, or changes nothing. */
    public static IncidentProblem invalid(String detail) {
        return new IncidentProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
