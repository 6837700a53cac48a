package org.blackstart.app.runbook;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/runbooks}: the runbooks a commander can run; {@code POST /api/incidents/{key}/runbooks} runs one for
 * the incident (commanders and admins, see SecurityConfiguration); {@code GET /api/incidents/{key}/runbooks}: its runs.
 */
@RestController
class RunbookController {

    private final RunbookCatalog catalog;
    private final RunbookStarter starter;
    private final RunbookReader reader;
    private final IncidentRepository incidents;

    RunbookController(RunbookCatalog catalog, RunbookStarter starter, RunbookReader reader, IncidentRepository incidents) {
        this.catalog = catalog;
        this.starter = starter;
        this.reader = reader;
        this.incidents = incidents;
    }

    /** A runbook as the API lists it. */
    record RunbookEntry(String key, String name, String description, int version) {
    }

    record StartRequest(@NotBlank @Size(max = 255) String runbook) {
    }

    @GetMapping("/api/runbooks")
    List<RunbookEntry> list() {
        return catalog.list().stream().map(r -> new RunbookEntry(r.key(), r.name(), r.description(), r.version())).toList();
    }

    @PostMapping("/api/incidents/{key}/runbooks")
    ResponseEntity<RunbookView> start(@PathVariable String key, @Valid @RequestBody StartRequest request, Authentication user) {
        RunbookRuns.Run run = starter.start(key, request.runbook().strip(), user.getName());
        return ResponseEntity.created(URI.create("/api/incidents/" + key + "/runbooks")).body(reader.view(run));
    }

    @GetMapping("/api/incidents/{key}/runbooks")
    List<RunbookView> runs(@PathVariable String key) {
        if (incidents.find(key).isEmpty()) {
            throw new IncidentNotFoundException(key);
        }
        return reader.ofIncident(key);
    }
}
