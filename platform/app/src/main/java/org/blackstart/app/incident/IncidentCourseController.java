package org.blackstart.app.incident;

import jakarta.validation.Valid;
import java.security.Principal;
import org.blackstart.app.search.Audience;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commander changing course, and anyone working the incident writing down what they know:
 * {@code POST /api/incidents/{key}/notes} and {@code POST /api/incidents/{key}/triage}.
 */
@RestController
class IncidentCourseController {

    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final Retriage retriage;

    IncidentCourseController(IncidentRepository incidents, Timeline timeline, Retriage retriage) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.retriage = retriage;
    }

    /**
     * Closed incidents take notes too: what is learnt afterwards belongs on their timeline, for the postmortem. A note
     * for commanders only ({@code "visibility": "commanders"}) is for commanders and admins to write as to read.
     */
    @PostMapping("/api/incidents/{key}/notes")
    ResponseEntity<TimelineEntry> note(@PathVariable String key, @Valid @RequestBody NoteRequest request,
                                       Authentication user) {
        incidents.find(key).orElseThrow(() -> new IncidentNotFoundException(key));
        String visibility = request.visibilityOrAll();
        if (TimelineEntry.COMMANDERS.equals(visibility) && Audience.of(user) != Audience.COMMANDERS) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "only commanders and admins write notes for commanders only");
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        TimelineEntry entry = timeline.add(key, TimelineKind.NOTE, user.getName(), request.text().strip(), visibility);
        return ResponseEntity.status(HttpStatus.CREATED).body(entry);
    }

    @PostMapping("/api/incidents/{key}/triage")
    IncidentRecord triage(@PathVariable String key, @Valid @RequestBody RetriageRequest request, Principal user) {
        return retriage.retriage(key, request, user.getName());
    }
}
