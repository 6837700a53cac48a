package org.blackstart.app.actions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change to an action item the API refuses, answered as a problem whose detail says why; nothing was changed. */
class ActionItemProblem extends ErrorResponseException {

    private ActionItemProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static ActionItemProblem invalid(String detail) {
        return new ActionItemProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    static ActionItemProblem notFound(String detail) {
        return new ActionItemProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    static ActionItemProblem forbidden(String detail) {
        return new ActionItemProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    static ActionItemProblem conflict(String detail) {
        return new ActionItemProblem(HttpStatus.CONFLICT, "Conflict", detail);
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
