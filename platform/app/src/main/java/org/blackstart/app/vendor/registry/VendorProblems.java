package org.blackstart.app.vendor.registry;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused vendor request as problem JSON; {@code errors} lists each field at fault. */
@RestControllerAdvice(basePackages = "org.blackstart.app.vendor")
@Order(Ordered.HIGHEST_PRECEDENCE)
class VendorProblems {

    @ExceptionHandler(VendorProblem.class)
    ResponseEntity<ProblemDetail> problem(VendorProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setTitle(problem.title());
        if (!problem.problems().isEmpty()) {
            detail.setProperty("errors", problem.problems().stream()
                    .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        }
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }
}
