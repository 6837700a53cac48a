package org.blackstart.app.search.query;

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
 * The search page. Like the incident pages it holds no data: its script asks {@code /api/search} with the webapps'
 * login, so the API decides what each reader finds.
 */
@Controller
class SearchPage {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final Map<String, MediaType> ASSETS = Map.of(
            "search.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "search.css", new MediaType("text", "css", StandardCharsets.UTF_8));

    private final String page = read("search.html");

    @GetMapping({"/search", "/search/"})
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(page);
    }

    @GetMapping("/search/assets/{name}")
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
