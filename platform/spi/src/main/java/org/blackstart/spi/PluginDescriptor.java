package org.blackstart.spi;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a plugin says about itself; {@code GET /api/plugins} lists these.
 *
 * @param slug             short unique name, also its configuration prefix {@code blackstart.plugins.<slug>}
 * @param title            name for people
 * @param version          the plugin's own version
 * @param description      one sentence
 * @param topics           external-task topics it serves
 * @param inboundEndpoints HTTP paths or URIs through which it brings events in
 * @param dependsOn        infrastructure it needs to work ("own mail servers", "twitter.com"), so that
 *                         a fallback can pick a channel that does not share the failure
 */
public record PluginDescriptor(String slug, String title, String version, String description,
                               Set<String> topics, List<String> inboundEndpoints, List<String> dependsOn) {

    public PluginDescriptor {
        Objects.requireNonNull(slug, "slug");
        if (!slug.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("plugin slug must be lower-case letters, digits and '-': " + slug);
        }
        title = title == null ? slug : title;
        version = version == null ? "unknown" : version;
        description = description == null ? "" : description;
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        inboundEndpoints = inboundEndpoints == null ? List.of() : List.copyOf(inboundEndpoints);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
