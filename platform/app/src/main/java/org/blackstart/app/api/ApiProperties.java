package org.blackstart.app.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** {@code blackstart.api.*}. */
@ConfigurationProperties("blackstart.api")
@Validated
public record ApiProperties(@NotNull @DefaultValue("64KB") DataSize maxRequestSize) {
}
