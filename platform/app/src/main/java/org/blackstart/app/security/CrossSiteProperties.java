package org.blackstart.app.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.security.cross-site.*}.
 *
 * @param trustedOrigins origins (scheme, host and port, as a browser sends them in {@code Origin}) of an
 *                       operator's own front end on another host, whose pages may change state through
 *                       {@code /api} and {@code /engine-rest}, e.g. {@code https://ops.example.com}
 */
@ConfigurationProperties("blackstart.security.cross-site")
@Validated
public record CrossSiteProperties(@NotNull @DefaultValue List<@NotNull @Pattern(
        regexp = "https?://([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?",
        message = "must be an origin such as https://ops.example.com: scheme, host and optional port, no path")
        String> trustedOrigins) {
}
