package org.blackstart.app.vendor.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/incidents/{key}/vendor-escalations}: commanders and admins escalate an incident to a
 * vendor of the registry (see SecurityConfiguration); anyone logged in lists the escalations.
 */
@RestController
@RequestMapping("/api/incidents/{key}/vendor-escalations")
class EscalationController {

    private final VendorEscalationStart start;
    private final VendorEscalations escalations;
    private final IncidentRepository incidents;

    EscalationController(VendorEscalationStart start, VendorEscalations escalations, IncidentRepository incidents) {
        this.start = start;
        this.escalations = escalations;
        this.incidents = incidents;
    }

    /**
     * @param subject the case's title; {@code <incident>: <title>} when left out
     * @param text    what the vendor should know beyond the incident summary, timeline and alerts it gets anyway
     */
    record StartEscalation(@NotBlank(message = "is required: a vendor id of /api/vendors") @Size(max = 64) String vendor,
                           @Size(max = 200, message = "must be at most 200 characters") String subject,
                           @Size(max = 8000, message = "must be at most 8000 characters") String text) {
    }

    @PostMapping
    ResponseEntity<VendorEscalations.Escalation> escalate(@PathVariable String key, @Valid @RequestBody StartEscalation body,
                                                          Authentication user) {
        String processInstanceId = start.start(key, body.vendor().strip(), body.subject(), body.text(), user.getName());
        VendorEscalations.Escalation started = escalations.of(key).stream()
                .filter(e -> e.processInstanceId().equals(processInstanceId)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/incidents/" + key + "/vendor-escalations")).body(started);
    }

    @GetMapping
    List<VendorEscalations.Escalation> list(@PathVariable String key) {
        if (incidents.find(key).isEmpty()) {
            throw new IncidentNotFoundException(key);
        }
        return escalations.of(key);
    }
}
