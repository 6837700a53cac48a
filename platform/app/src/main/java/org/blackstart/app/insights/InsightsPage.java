package org.blackstart.app.insights;

import org.blackstart.app.web.ConsoleFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The insights page: its script reads {@code /api/insights}, so the API decides who may see the figures. */
@Controller
class InsightsPage {

    private final ConsoleFiles files = ConsoleFiles.of("insights.html", "insights.js", "insights.css");

    @GetMapping({"/insights", "/insights/"})
    ResponseEntity<String> page() {
        return files.serve("insights.html");
    }

    @GetMapping("/insights/assets/{name}")
    ResponseEntity<String> asset(@PathVariable String name) {
        return name.endsWith(".html") ? ResponseEntity.notFound().build() : files.serve(name);
    }
}
