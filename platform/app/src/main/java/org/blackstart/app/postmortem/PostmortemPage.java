package org.blackstart.app.postmortem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
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

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final String page = read("postmortem.html");
    private final String script = read("postmortem-page.js");

    @GetMapping("/incidents/{key}/postmortem")
    ResponseEntity<String> page(@PathVariable String key) {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(page);
    }

    @GetMapping("/incidents/assets/postmortem-page.js")
    ResponseEntity<String> script() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(script);
    }

    private static String read(String name) {
        try (InputStream in = new ClassPathResource("console/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("console/" + name + " is missing from the application", e);
        }
    }
}
