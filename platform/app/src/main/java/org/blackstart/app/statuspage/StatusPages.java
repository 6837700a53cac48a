package org.blackstart.app.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every page of the status site, rendered for the live site or for the static copy. */
@Component
class StatusPages {

    /** Updates in the feed: enough for any reader that polls now and then. */
    static final int FEED_ENTRIES = 200;

    private final StatusPageModel model;
    private final StatusPageRenderer renderer;
    private final StatusStore store;
    private final StatusPageProperties properties;
    private final ObjectMapper json;

    StatusPages(StatusPageModel model, StatusPageRenderer renderer, StatusStore store, StatusPageProperties properties,
                ObjectMapper json) {
        this.model = model;
        this.renderer = renderer;
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    String index(Links links, Map<String, Object> form) {
        Map<String, Object> data = model.index(model.snapshot(), links);
        data.putAll(form);
        return renderer.render("index", data);
    }

    Optional<String> event(String key, Links links) {
        return model.event(model.snapshot(), key, links).map(data -> renderer.render("event", data));
    }

    /** The public report of a published postmortem; empty for any other incident, known or not. */
    Optional<String> report(String key, Links links) {
        return model.report(model.snapshot(), key, links).map(data -> renderer.render("report", data));
    }

    String history(Links links) {
        return renderer.render("history", model.history(model.snapshot(), links));
    }

    /** A short page: a heading, a sentence, and optionally one button that posts to {@code action}. */
    String message(Links links, String heading, String text, String buttonLabel, String action) {
        Map<String, Object> data = new HashMap<>();
        data.put("pageTitle", heading + " · " + properties.title());
        data.put("title", properties.title());
        data.put("links", links);
        data.put("heading", heading);
        data.put("text", text);
        data.put("generatedAt", StatusPageModel.time(java.time.Instant.now()));
        if (buttonLabel != null) {
            data.put("button", Map.of("label", buttonLabel, "action", action));
        }
        return renderer.render("message", data);
    }

    String feed() {
        Map<String, String> titles = new HashMap<>();
        return AtomFeed.render(properties.title(), properties.publicUrl(), store.latestUpdates(FEED_ENTRIES),
                key -> titles.computeIfAbsent(key, this::titleOf), StatusPageModel.PHASES, java.time.Instant.now());
    }

    String summary() {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(model.summary(model.snapshot()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the status summary could not be written", e);
        }
    }

    String css() {
        return renderer.css();
    }

    /** The static copy: file name → content, with relative links between the files. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        Links top = Links.exported("", properties.publicUrl());
        Links nested = Links.exported("../", properties.publicUrl());
        StatusPageModel.Snapshot snapshot = model.snapshot();
        files.put("index.html", renderer.render("index", model.index(snapshot, top)));
        files.put("history.html", renderer.render("history", model.history(snapshot, top)));
        files.put("feed.atom", feed());
        files.put("summary.json", summary());
        files.put("status.css", css());
        snapshot.incidents().forEach(i -> model.event(snapshot, i.key(), nested)
                .ifPresent(data -> files.put("incidents/" + i.key() + ".html", renderer.render("event", data))));
        snapshot.incidents().stream().filter(i -> snapshot.reported().contains(i.key()))
                .forEach(i -> model.report(snapshot, i.key(), nested).ifPresent(data ->
                        files.put("incidents/" + i.key() + "-report.html", renderer.render("report", data))));
        snapshot.maintenance().forEach(m -> model.event(snapshot, m.key(), nested)
                .ifPresent(data -> files.put("incidents/" + m.key() + ".html", renderer.render("event", data))));
        return files;
    }

    private String titleOf(String key) {
        return store.incident(key).map(StatusStore.Incident::title)
                .or(() -> store.maintenance(key).map(StatusStore.Maintenance::title)).orElse(key);
    }
}
