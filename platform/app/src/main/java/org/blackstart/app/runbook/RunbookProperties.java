package org.blackstart.app.runbook;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.runbooks}: what people may attach to a runbook step. Multipart uploads are also held to
 * {@code blackstart.vendors.max-attachment-size}, so a larger evidence limit than that has no effect.
 *
 * @param maxEvidenceSize the largest file for one step
 * @param evidenceTypes   the content types accepted (screenshots, logs, exports); see {@link EvidenceTypes}
 */
@ConfigurationProperties("blackstart.runbooks")
@Validated
public record RunbookProperties(@NotNull @DefaultValue("10MB") DataSize maxEvidenceSize,
                                @NotEmpty @DefaultValue({"image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
                                        "text/csv", "application/json", "application/pdf", "application/gzip",
                                        "application/zip"}) List<String> evidenceTypes) {

    public RunbookProperties {
        if (maxEvidenceSize.toBytes() <= 0) {
            throw new IllegalArgumentException("blackstart.runbooks.max-evidence-size must be larger than 0, was "
                    + maxEvidenceSize);
        }
        for (String type : evidenceTypes) {
            if (type == null || !type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                throw new IllegalArgumentException("blackstart.runbooks.evidence-types: '" + type
                        + "' is not a content type such as image/png");
            }
        }
    }
}
