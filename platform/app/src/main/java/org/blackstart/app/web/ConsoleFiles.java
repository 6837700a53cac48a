package org.blackstart.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The files of Blackstart's own pages ({@code console/} on the class path), read once when the application starts, so
 * a file missing from the build stops the start instead of failing a person at 3 a.m. The pages hold no data: their
 * scripts read {@code /api} with the webapps' login, so the API decides what each reader sees. Only the files named
 * are served; any other name is 404.
 */
public final class ConsoleFiles {

    private static final Map<String, MediaType> TYPES = Map.of(
            "html", new MediaType("text", "html", StandardCharsets.UTF_8),
            "js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "css", new MediaType("text", "css", StandardCharsets.UTF_8));

    private final Map<String, String> files = new LinkedHashMap<>();

    private ConsoleFiles(String... names) {
        for (String name : names) {
            type(name);
            files.put(name, read(name));
        }
    }

    /** The named files of {@code console/}: pages ({@code .html}) and their assets ({@code .js}, {@code .css}). */
    public static ConsoleFiles of(String... names) {
        return new ConsoleFiles(names);
    }

    /** The file, never cached by the browser without asking (a new version shows at the next load); 404 if not named. */
    public ResponseEntity<String> serve(String name) {
        String body = files.get(name);
        if (body == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type(name)).cacheControl(CacheControl.noCache()).body(body);
    }

    private static MediaType type(String name) {
        MediaType type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            throw new IllegalArgumentException("console/" + name + ": only .html, .js and .css are served");
        }
        return type;
    }

    private static String read(String name) {
        try (InputStream in = new ClassPathResource("console/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("console/" + name + " is missing from the application", e);
        }
    }
}
