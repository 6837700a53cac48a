package org.blackstart.plugins.vendormail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.vendor-mail.*}: vendors reached by e-mail only. Each account is one
 * vendor support address and the mailbox their answers arrive in.
 *
 * @param enabled    off by default; on when true and at least one account is configured
 * @param accounts   by account name (the vendor registry's {@code ticketing.account}, by default the vendor id)
 * @param claimLease how long an open, answer or close being sent is reserved for the worker sending it
 * @param timeout    connect and read timeout of SMTP and IMAP
 * @param maxAttachmentSize largest file of a vendor's e-mail that is kept, as the platform's
 *                   {@code blackstart.vendors.max-attachment-size} for a commander's files; a larger one is left
 *                   in the mailbox and the message says so
 */
@ConfigurationProperties("blackstart.plugins.vendor-mail")
@Validated
public record VendorMailProperties(
        @DefaultValue("false") boolean enabled,
        Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "account names are lower-case letters, digits and '-'")
                String, @Valid Account> accounts,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @NotNull @DefaultValue("20s") Duration timeout,
        @NotNull @DefaultValue("25MB") DataSize maxAttachmentSize) {

    public VendorMailProperties {
        accounts = accounts == null ? Map.of() : new LinkedHashMap<>(accounts);
    }

    public enum Security { NONE, STARTTLS, SSL }

    /**
     * One vendor's mail: where cases go and where answers are read.
     *
     * @param to               the vendor's support address
     * @param cc               copied on every message (our own team list, the account manager)
     * @param from             our case mailbox: the sender of every message, and the mailbox {@link #imap} reads
     * @param fromName         the name vendors see; also who closes the case ("closed by ...")
     * @param smtp             the server our messages leave through
     * @param imap             the server of {@link #from}'s mailbox
     * @param pollInterval     how often the mailbox is read
     * @param caseTag          the word before the case number in subjects: {@code [Case INC-2026-0001-STORECO]}
     * @param requestKeywords  words that make a vendor's e-mail a request for us; unset: {@link DefaultKeywords}
     *                         (English, German, Dutch, French)
     * @param disputeKeywords  words that make it a dispute (the fault is not the vendor's); unset: the defaults
     * @param resolvedKeywords words that make it a resolution; unset: the defaults
     */
    public record Account(
            @NotBlank @Email String to,
            @DefaultValue("") List<@Email String> cc,
            @NotBlank @Email String from,
            @DefaultValue("Blackstart") String fromName,
            @NotNull @Valid Smtp smtp,
            @NotNull @Valid Imap imap,
            @NotNull @DefaultValue("PT1M") Duration pollInterval,
            @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]*", message = "must be one word, e.g. Case") @DefaultValue("Case")
            String caseTag,
            List<String> requestKeywords,
            List<String> disputeKeywords,
            List<String> resolvedKeywords) {

        public Account {
            // An unset list binds as one empty string: no copy, not an address to send to.
            cc = cc == null ? List.of() : cc.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
            requestKeywords = requestKeywords == null ? DefaultKeywords.REQUEST : keywords(requestKeywords);
            disputeKeywords = disputeKeywords == null ? DefaultKeywords.DISPUTE : keywords(disputeKeywords);
            resolvedKeywords = resolvedKeywords == null ? DefaultKeywords.RESOLVED : keywords(resolvedKeywords);
        }

        @AssertTrue(message = "poll-interval must be at least 5 seconds")
        boolean isPollIntervalReasonable() {
            return pollInterval == null || pollInterval.compareTo(Duration.ofSeconds(5)) >= 0;
        }

        /** The domain of {@link #from()}: Message-IDs of our messages end in it. */
        String fromDomain() {
            int at = from.lastIndexOf('@');
            return at < 0 ? "blackstart.local" : from.substring(at + 1).strip();
        }

        private static List<String> keywords(List<String> words) {
            return words == null ? List.of()
                    : words.stream().filter(w -> w != null && !w.isBlank()).map(String::strip).toList();
        }

        @Override
        public String toString() {
            return "Account[to=" + to + ", from=" + from + ", smtp=" + smtp + ", imap=" + imap + ", pollInterval="
                    + pollInterval + "]";
        }
    }

    /**
     * @param security {@code none}, {@code starttls} or {@code ssl}
     * @param password a secret: never logged, masked in {@link #toString()}
     */
    public record Smtp(@NotBlank String host,
                       @Min(1) @Max(65535) @DefaultValue("587") int port,
                       @NotNull @DefaultValue("starttls") Security security,
                       String username,
                       String password) {

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", " + security + ", username=" + username + ", password="
                    + (password == null || password.isEmpty() ? "none" : "******") + "]";
        }
    }

    /**
     * @param ssl      IMAPS (implicit TLS) instead of plain IMAP
     * @param password a secret: never logged, masked in {@link #toString()}
     * @param folder   the folder vendors' answers arrive in
     */
    public record Imap(@NotBlank String host,
                       @Min(1) @Max(65535) @DefaultValue("993") int port,
                       @DefaultValue("true") boolean ssl,
                       @NotBlank String username,
                       String password,
                       @NotBlank @DefaultValue("INBOX") String folder) {

        @Override
        public String toString() {
            return "Imap[" + host + ":" + port + (ssl ? " ssl" : "") + ", username=" + username + ", password="
                    + (password == null || password.isEmpty() ? "none" : "******") + ", folder=" + folder + "]";
        }
    }

    @Override
    public String toString() {
        return "VendorMailProperties[enabled=" + enabled + ", accounts=" + accounts + "]";
    }
}
