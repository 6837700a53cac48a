package org.blackstart.app.statuspage;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public status page: no login, server-side HTML, an Atom feed and a JSON summary. */
@RestController
class StatusPageController {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType ATOM = new MediaType(MediaType.APPLICATION_ATOM_XML, StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    private final StatusPages pages;

    StatusPageController(StatusPages pages) {
        this.pages = pages;
    }

    @GetMapping({"/status", "/status/"})
    ResponseEntity<String> index() {
        return ResponseEntity.ok().contentType(HTML).body(pages.index(Links.live(), Map.of()));
    }

    @GetMapping("/status/incidents/{key}")
    ResponseEntity<String> event(@PathVariable String key) {
        return pages.event(key, Links.live()).map(html -> ResponseEntity.ok().contentType(HTML).body(html))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body(pages.message(Links.live(),
                        "Not found", "There is no incident or maintenance " + key + " on this status page.", null, null)));
    }

    /** A published postmortem's report; any other incident is not found, the same as one that does not exist. */
    @GetMapping("/status/incidents/{key}/report")
    ResponseEntity<String> report(@PathVariable String key) {
        return pages.report(key, Links.live()).map(html -> ResponseEntity.ok().contentType(HTML).body(html))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).body(pages.message(Links.live(),
                        "Not found", "There is no incident report for " + key + " on this status page.", null, null)));
    }

    @GetMapping("/status/history")
    ResponseEntity<String> history() {
        return ResponseEntity.ok().contentType(HTML).body(pages.history(Links.live()));
    }

    @GetMapping("/status/feed.atom")
    ResponseEntity<String> feed() {
        return ResponseEntity.ok().contentType(ATOM).body(pages.feed());
    }

    @GetMapping("/status/summary.json")
    ResponseEntity<String> summary() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pages.summary());
    }

    @GetMapping("/status/status.css")
    ResponseEntity<String> css() {
        return ResponseEntity.ok().contentType(CSS).body(pages.css());
    }
}
