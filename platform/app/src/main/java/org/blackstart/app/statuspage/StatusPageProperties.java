package org.blackstart.app.statuspage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.statuspage.*}: the public status page.
 *
 * @param title           heading of the page
 * @param publicUrl       the platform's public base URL; links in notices, e-mails and the static copy point here
 * @param historyDays     days of history bars per component
 * @param components      what the page shows; each id is a service name as triage names it in {@code affectedServices}
 * @param exportDirectory when set, a static copy of the page is rewritten there after every change
 * @param tokenSecret     HMAC key of the confirm and unsubscribe links; required unless demo mode is on
 */
@ConfigurationProperties("blackstart.statuspage")
@Validated
public record StatusPageProperties(
        @NotBlank @DefaultValue("Service status") String title,
        @NotBlank @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query or fragment")
        @DefaultValue("http://localhost:8080") String publicUrl,
        @Min(1) @Max(366) @DefaultValue("90") int historyDays,
        @Valid @DefaultValue List<StatusComponent> components,
        Path exportDirectory,
        String tokenSecret) {

    /**
     * @param id          service name, lower case: {@code mail}
     * @param name        as the public reads it
     * @param description one line under the name, optional
     * @param group       heading the component is listed under, optional
     */
    public record StatusComponent(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "must be lower-case letters, digits, '.', '_' or '-'") String id,
            @NotBlank String name, String description, String group) {
    }

    public StatusPageProperties {
        components = components == null ? List.of() : List.copyOf(components);
        Set<String> ids = new HashSet<>();
        for (StatusComponent component : components) {
            if (component.id() != null && !ids.add(component.id())) {
                throw new IllegalArgumentException("blackstart.statuspage.components: component id '" + component.id()
                        + "' is listed twice; ids must be unique");
            }
        }
        publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }

    public Optional<StatusComponent> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The component's name as the public reads it; an id the page does not list stays as it is. */
    public String componentName(String id) {
        return component(id).map(StatusComponent::name).orElse(id);
    }

    public boolean knows(String id) {
        return component(id).isPresent();
    }

    /** An absolute URL on the platform, e.g. {@code url("/status/incidents/INC-2026-0001")}. */
    public String url(String path) {
        return publicUrl + path;
    }

    URI uri() {
        return URI.create(publicUrl);
    }
}
