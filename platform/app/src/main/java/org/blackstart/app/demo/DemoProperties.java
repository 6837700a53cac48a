package org.blackstart.app.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.demo.*}: the embedded default's demo users and mail sink. For trying
 * Blackstart out only: the demo users' passwords are their names.
 */
@ConfigurationProperties("blackstart.demo")
@Validated
public record DemoProperties(@DefaultValue("false") boolean enabled, @Valid @DefaultValue Mail mail) {

    /**
     * @param enabled  run an in-process SMTP + IMAP server (GreenMail) that keeps every message sent
     * @param smtpPort its SMTP port on 127.0.0.1
     * @param imapPort its IMAP port on 127.0.0.1; any user name and password log in
     */
    public record Mail(@DefaultValue("false") boolean enabled,
                       @Min(1) @Max(65535) @DefaultValue("2525") int smtpPort,
                       @Min(1) @Max(65535) @DefaultValue("2143") int imapPort) {
    }
}
