package org.blackstart.app.incident;

import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A commander reopens a monitoring incident or closes it early: {@code POST /api/incidents/{key}/reopen} and
 * {@code POST /api/incidents/{key}/close}, answered with the incident as it now is.
 */
@RestController
class IncidentLifecycleController {

    private final IncidentLifecycle lifecycle;

    IncidentLifecycleController(IncidentLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/api/incidents/{key}/reopen")
    IncidentRecord reopen(@PathVariable String key, @RequestBody LifecycleRequest request, Principal user) {
        return lifecycle.reopen(key, request.reason(), user.getName());
    }

    @PostMapping("/api/incidents/{key}/close")
    IncidentRecord close(@PathVariable String key, @RequestBody(required = false) LifecycleRequest request, Principal user) {
        return lifecycle.close(key, request == null ? null : request.reason(), user.getName());
    }
}
