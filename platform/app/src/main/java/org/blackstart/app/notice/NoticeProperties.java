package org.blackstart.app.notice;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.notices.*}.
 *
 * @param defaultLanguage language of notices when no template exists in the customer's
 * @param signature       how notices are signed
 */
@ConfigurationProperties("blackstart.notices")
@Validated
public record NoticeProperties(@NotBlank @DefaultValue("en") String defaultLanguage,
                               @NotBlank @DefaultValue("The operations team") String signature) {
}
