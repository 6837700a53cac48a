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
 * @param connections SMTP connections used in parallel by one fan-out, each kept open across its messages
 * @param maxPerSecond most messages per second across all connections; 0 = as fast as the server takes them
 * @param unavailableAfterAttempts from this task attempt on, an SMTP server that cannot be reached (refused
 *                   connection, failed login, unknown host) ends the task with {@code CHANNEL_UNAVAILABLE},
 *                   so the process goes on with channels that do not need the mail servers; before it, the
 *                   task fails and the bridge retries
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
        @DefaultValue("own mail servers") List<String> dependsOn,
        @Min(1) @Max(64) @DefaultValue("2") int connections,
        @Min(0) @DefaultValue("0") int maxPerSecond,
        @Min(1) @DefaultValue("3") int unavailableAfterAttempts) {

    public enum Security { NONE, STARTTLS, SSL }

    /** The domain of {@link #from()}, used to make Message-IDs. */
    String fromDomain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "blackstart.local" : from.substring(at + 1);
    }

    @Override
    public String toString() {
        return "EmailProperties[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password == null ? "none" : "******") + ", from=" + from + ", connections=" + connections
                + ", maxPerSecond=" + maxPerSecond + "]";
    }
}
