package org.blackstart.app.insights;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A query the insights API cannot answer, written by Spring's problem handling as a 400. */
class InsightsProblem extends ErrorResponseException {

    private InsightsProblem(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    static InsightsProblem invalid(String detail) {
        return new InsightsProblem(detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return problem;
    }
}
