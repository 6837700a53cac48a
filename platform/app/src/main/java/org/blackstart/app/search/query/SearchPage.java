package org.blackstart.app.search.query;

import org.blackstart.app.web.ConsoleFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The search page: its script asks {@code /api/search}, so the API decides what each reader finds. */
@Controller
class SearchPage {

    private final ConsoleFiles files = ConsoleFiles.of("search.html", "search.js", "search.css");

    @GetMapping({"/search", "/search/"})
    ResponseEntity<String> page() {
        return files.serve("search.html");
    }

    @GetMapping("/search/assets/{name}")
    ResponseEntity<String> asset(@PathVariable String name) {
        return name.endsWith(".html") ? ResponseEntity.notFound().build() : files.serve(name);
    }
}
