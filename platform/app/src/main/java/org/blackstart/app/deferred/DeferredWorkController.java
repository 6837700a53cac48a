package org.blackstart.app.deferred;

import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/incidents/{key}/deferred-work} (commanders and admins): review the jobs a scheduler held back
 * during the outage window. Answers 202 with the review's process instance; the review itself is a Tasklist task.
 */
@RestController
class DeferredWorkController {

    private final DeferredWorkStarter starter;

    DeferredWorkController(DeferredWorkStarter starter) {
        this.starter = starter;
    }

    @PostMapping("/api/incidents/{key}/deferred-work")
    ResponseEntity<DeferredWorkStarter.Started> start(@PathVariable String key, @Valid @RequestBody DeferredWorkRequest request,
                                                      Principal user) {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(starter.start(key, request, user.getName()));
        } catch (DeferredWorkStarter.Refused refused) {
            HttpStatus status = refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
            problem.setTitle(refused.conflict() ? "Review under way" : "Invalid outage window");
            throw new ErrorResponseException(status, problem, refused);
        }
    }
}
