package org.blackstart.app.statuspage;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Renders the pages from {@code statuspage/*.mustache}; every value is HTML-escaped. */
@Component
class StatusPageRenderer {

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
            .emptyStringIsFalse(true).zeroIsFalse(true).withLoader(name -> reader(name + ".mustache"));
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    String render(String page, Map<String, Object> data) {
        return templates.computeIfAbsent(page, name -> {
            try (Reader reader = reader(name + ".mustache")) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("status page template " + name + " cannot be read", e);
            }
        }).execute(data);
    }

    String css() {
        try {
            return new ClassPathResource("statuspage/status.css").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("status page CSS cannot be read", e);
        }
    }

    private static Reader reader(String name) throws IOException {
        return new InputStreamReader(new ClassPathResource("statuspage/" + name).getInputStream(), StandardCharsets.UTF_8);
    }
}
