package org.blackstart.plugins.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.email.*}.
 *
 * @param host       SMTP server
 * @param port       SMTP port
 * @param security   {@code none}, {@code starttls} or {@code ssl}
 * @param username   SMTP user, if the server wants one
 * @param password   SMTP password; a secret: never logged, masked in {@link #toString()}
 * @param from       sender address of customer notices
 * @param fromName   sender display name
 * @param timeout    connect and read timeout
 * @param claimLease how long a claimed delivery is reserved for the worker sending it
 * @param dependsOn  infrastructure this channel needs, so fallbacks can choose one that is independent
 */
@ConfigurationProperties("blackstart.plugins.email")
@Validated
public record EmailProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("localhost") String host,
        @Min(1) @Max(65535) @DefaultValue("25") int port,
        @NotNull @DefaultValue("none") Security security,
        String username,
        String password,
        @NotBlank @Email @DefaultValue("status@blackstart.local") String from,
        @DefaultValue("Blackstart") String fromName,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @DefaultValue("own mail servers") List<String> dependsOn) {

    public enum Security { NONE, STARTTLS, SSL }

    /** The domain of {@link #from()}, used to make Message-IDs. */
    String fromDomain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "blackstart.local" : from.substring(at + 1);
    }

    @Override
    public String toString() {
        return "EmailProperties[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password == null ? "none" : "******") + ", from=" + from + "]";
    }
}
