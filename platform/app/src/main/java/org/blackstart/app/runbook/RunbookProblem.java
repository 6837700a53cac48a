package org.blackstart.app.runbook;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A runbook request the API refuses, as a problem whose detail says why; nothing was changed. */
class RunbookProblem extends ErrorResponseException {

    RunbookProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
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
