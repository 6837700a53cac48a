package org.blackstart.app.console;

import org.blackstart.app.web.ConsoleFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Blackstart's incident pages: the list of recent incidents and one incident, open or closed. The pages
 * hold no data; their script reads {@code /api/incidents} with the webapps' login, so who may read what
 * is decided where it is for every other caller. The incident tab in Tasklist renders with the same script.
 */
@Controller
class IncidentPages {

    private final ConsoleFiles files = ConsoleFiles.of("incident.html", "incidents.html", "incident-view.js",
            "incident-record.js", "incident-page.js", "incident-list.js", "console.css", "responders.js",
            "runbook-panel.js", "deferred-work.js");

    @GetMapping({"/incidents", "/incidents/"})
    ResponseEntity<String> list() {
        return files.serve("incidents.html");
    }

    @GetMapping("/incidents/{key}")
    ResponseEntity<String> incident(@PathVariable String key) {
        return files.serve("incident.html");
    }

    @GetMapping("/incidents/assets/{name}")
    ResponseEntity<String> asset(@PathVariable String name) {
        return name.endsWith(".html") ? ResponseEntity.notFound().build() : files.serve(name);
    }
}
