package org.blackstart.app.links;

import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/incidents/{key}/links} and {@code DELETE /api/incidents/{key}/links/{id}}: the commander's links. */
@RestController
class IncidentLinkController {

    private final IncidentLinks links;

    IncidentLinkController(IncidentLinks links) {
        this.links = links;
    }

    @PostMapping("/api/incidents/{key}/links")
    ResponseEntity<IncidentLink> link(@PathVariable String key, @Valid @RequestBody LinkRequest request, Principal user) {
        IncidentLink link = links.link(key, request.kind(), request.targetType(), request.target(), request.note(),
                user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(link);
    }

    /** Only the incident's own links: a link to it from another incident is that incident's to remove. */
    @DeleteMapping("/api/incidents/{key}/links/{id}")
    ResponseEntity<Void> unlink(@PathVariable String key, @PathVariable long id, Principal user) {
        if (!links.unlink(key, id, user.getName())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "incident " + key + " has no link " + id);
            problem.setTitle("Not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return ResponseEntity.noContent().build();
    }
}
