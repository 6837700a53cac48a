package org.blackstart.app.postmortem;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/incidents/{key}/postmortem} (JSON), {@code GET /api/incidents/{key}/postmortem.md} (the whole
 * document) and {@code POST /api/incidents/{key}/postmortem}: a commander asks for the postmortem of a closed incident
 * that did not get one with its close (SEV3, SEV4, never triaged).
 */
@RestController
class PostmortemController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final Postmortems postmortems;
    private final PostmortemStarter starter;
    private final IncidentRepository incidents;

    PostmortemController(Postmortems postmortems, PostmortemStarter starter, IncidentRepository incidents) {
        this.postmortems = postmortems;
        this.starter = starter;
        this.incidents = incidents;
    }

    @GetMapping("/api/incidents/{key}/postmortem")
    ResponseEntity<PostmortemView> get(@PathVariable String key) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(view(key));
    }

    @GetMapping("/api/incidents/{key}/postmortem.md")
    ResponseEntity<String> markdown(@PathVariable String key) {
        return ResponseEntity.ok().contentType(MARKDOWN).cacheControl(CacheControl.noCache())
                .header("Content-Disposition", "inline; filename=\"" + key + "-postmortem.md\"")
                .body(PostmortemMarkdown.render(view(key)));
    }

    @PostMapping("/api/incidents/{key}/postmortem")
    ResponseEntity<PostmortemView> start(@PathVariable String key, Principal user) {
        try {
            starter.request(key, user.getName());
        } catch (PostmortemStarter.Refused refused) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, refused.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(key));
    }

    private PostmortemView view(String key) {
        return postmortems.view(key).orElseThrow(() -> {
            incidents.find(key).orElseThrow(() -> new IncidentNotFoundException(key));
            return new ResponseStatusException(HttpStatus.NOT_FOUND, key + " has no postmortem");
        });
    }
}
