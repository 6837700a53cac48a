package org.blackstart.app.paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/incidents/{key}/acknowledge}: stops the incident's paging, for any logged-in user. */
@RestController
class AcknowledgeController {

    static final String VIA_API = "api";

    private final PageAcknowledgement acknowledgement;

    AcknowledgeController(PageAcknowledgement acknowledgement) {
        this.acknowledgement = acknowledgement;
    }

    @PostMapping("/api/incidents/{key}/acknowledge")
    ResponseEntity<Acknowledged> acknowledge(@PathVariable String key,
                                             @Valid @RequestBody(required = false) AcknowledgeRequest request,
                                             Authentication user) {
        acknowledgement.acknowledge(key, user.getName(), VIA_API, request == null ? null : request.note());
        return ResponseEntity.ok(new Acknowledged(key, user.getName(), VIA_API));
    }

    @ExceptionHandler(NothingPagedException.class)
    ResponseEntity<ProblemDetail> nothingPaged(NothingPagedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Nothing to acknowledge");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    record AcknowledgeRequest(@Size(max = 1000, message = "must be at most 1000 characters") String note) {
    }

    record Acknowledged(String incident, String acknowledgedBy, String acknowledgedVia) {
    }
}
