package org.blackstart.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
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

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final Map<String, MediaType> ASSETS = Map.of(
            "incident-view.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "incident-record.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "incident-page.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "incident-list.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "console.css", new MediaType("text", "css", StandardCharsets.UTF_8));

    private final String incidentPage = read("incident.html");
    private final String listPage = read("incidents.html");

    @GetMapping({"/incidents", "/incidents/"})
    ResponseEntity<String> list() {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(listPage);
    }

    @GetMapping("/incidents/{key}")
    ResponseEntity<String> incident(@PathVariable String key) {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(incidentPage);
    }

    @GetMapping("/incidents/assets/{name}")
    ResponseEntity<String> asset(@PathVariable String name) {
        MediaType type = ASSETS.get(name);
        if (type == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache()).body(read(name));
    }

    private static String read(String name) {
        try (InputStream in = new ClassPathResource("console/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("console/" + name + " is missing from the application", e);
        }
    }
}
