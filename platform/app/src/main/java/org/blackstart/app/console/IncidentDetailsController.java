package org.blackstart.app.console;

import org.blackstart.app.search.Audience;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One incident in full. {@code ?deliveries=false} leaves out the per-recipient delivery list, which the
 * incident tab does not show and would otherwise fetch every few seconds.
 */
@RestController
class IncidentDetailsController {

    private final IncidentDetailsReader reader;

    IncidentDetailsController(IncidentDetailsReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/incidents/{key}")
    IncidentDetails get(@PathVariable String key, @RequestParam(defaultValue = "true") boolean deliveries,
                        Authentication caller) {
        Audience audience = Audience.of(caller);
        return reader.read(key, deliveries, audience == null ? Audience.ON_CALL : audience);
    }
}
