package org.blackstart.app.postmortem;

import org.blackstart.app.web.ConsoleFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /incidents/{key}/postmortem}: the internal postmortem page, beside the incident page and in its style. Like
 * the incident pages it holds no data; its script reads {@code /api/incidents/{key}/postmortem} with the webapps' login.
 */
@Controller
class PostmortemPage {

    private final ConsoleFiles files = ConsoleFiles.of("postmortem.html", "postmortem-page.js");

    @GetMapping("/incidents/{key}/postmortem")
    ResponseEntity<String> page(@PathVariable String key) {
        return files.serve("postmortem.html");
    }

    @GetMapping("/incidents/assets/postmortem-page.js")
    ResponseEntity<String> script() {
        return files.serve("postmortem-page.js");
    }
}
