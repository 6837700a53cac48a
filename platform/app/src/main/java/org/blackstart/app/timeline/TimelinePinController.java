package org.blackstart.app.timeline;

import org.blackstart.app.search.Audience;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT} and {@code DELETE /api/incidents/{key}/timeline/{entryId}/pin}: whoever works the incident marks what
 * the postmortem must tell. An entry of another incident is not found here, so a pin never crosses incidents.
 */
@RestController
class TimelinePinController {

    private final IncidentRepository incidents;
    private final Timeline timeline;

    TimelinePinController(IncidentRepository incidents, Timeline timeline) {
        this.incidents = incidents;
        this.timeline = timeline;
    }

    @PutMapping("/api/incidents/{key}/timeline/{entryId}/pin")
    TimelineEntry pin(@PathVariable String key, @PathVariable long entryId, Authentication user) {
        readable(key, entryId, user);
        return timeline.pin(key, entryId, user.getName()).orElseThrow(() -> noSuchEntry(key, entryId));
    }

    @DeleteMapping("/api/incidents/{key}/timeline/{entryId}/pin")
    TimelineEntry unpin(@PathVariable String key, @PathVariable long entryId, Authentication user) {
        readable(key, entryId, user);
        return timeline.pin(key, entryId, null).orElseThrow(() -> noSuchEntry(key, entryId));
    }

    /** A commanders-only entry does not exist for anyone else: a pin would answer with its text. */
    private void readable(String key, long entryId, Authentication user) {
        incidents.find(key).orElseThrow(() -> new IncidentNotFoundException(key));
        TimelineEntry entry = timeline.find(key, entryId).orElseThrow(() -> noSuchEntry(key, entryId));
        if (entry.commandersOnly() && Audience.of(user) != Audience.COMMANDERS) {
            throw noSuchEntry(key, entryId);
        }
    }

    private static ErrorResponseException noSuchEntry(String key, long entryId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "incident " + key + " has no timeline entry " + entryId);
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
