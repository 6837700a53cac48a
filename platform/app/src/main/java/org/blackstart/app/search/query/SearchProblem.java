package org.blackstart.app.search.query;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A search the API refuses, written by Spring's problem handling: 400 for bad input, 429 for too many. */
class SearchProblem extends ErrorResponseException {

    private SearchProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static SearchProblem invalid(String detail) {
        return new SearchProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    static SearchProblem tooMany(Duration retryAfter) {
        SearchProblem problem = new SearchProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many searches",
                "at most " + SearchController.PER_SECOND + " searches per second; try again in " + retryAfter.toSeconds() + " s");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return problem;
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
