package org.blackstart.app.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.api.*}.
 *
 * @param maxRequestSize      limit for request bodies on every path without a limit of its own: {@code /api},
 *                            {@code /engine-rest}, the webapps, the status page, the actuator
 * @param maxAlertPayloadSize limit for alert sources ({@code /api/alerts/**}, {@code /api/events}): an
 *                            Alertmanager group of 500 alerts is about 400 KB
 * @param maxCustomerImportSize limit for {@code POST /api/customers/import}: a CSV customer directory
 *                            of 50,000 rows is about 10 MB
 * @param maxDeploymentSize   limit for deployments through {@code /engine-rest}: BPMN, DMN and forms
 */
@ConfigurationProperties("blackstart.api")
@Validated
public record ApiProperties(@NotNull @DefaultValue("64KB") DataSize maxRequestSize,
                            @NotNull @DefaultValue("4MB") DataSize maxAlertPayloadSize,
                            @NotNull @DefaultValue("10MB") DataSize maxCustomerImportSize,
                            @NotNull @DefaultValue("10MB") DataSize maxDeploymentSize) {
}
