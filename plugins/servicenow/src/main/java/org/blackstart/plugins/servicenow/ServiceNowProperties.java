package org.blackstart.plugins.servicenow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.servicenow.*}: one entry under {@code accounts} per ServiceNow instance
 * (or integration user) vendors keep their cases in. The vendor registry names the account.
 *
 * @param accounts       by name, as the vendor registry's {@code ticketing.account} says
 * @param requestTimeout connect and response timeout of every call to ServiceNow
 * @param claimLease     how long a claimed case step is reserved for the worker sending it
 */
@ConfigurationProperties("blackstart.plugins.servicenow")
@Validated
public record ServiceNowProperties(
        @NotEmpty(message = "must configure at least one ServiceNow account") Map<String, @Valid Account> accounts,
        @NotNull @DefaultValue("20s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration claimLease) {

    public ServiceNowProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    }

    /** The account {@code name}, or {@code null} when none is configured under that name. */
    Account account(String name) {
        return name == null ? null : accounts.get(name);
    }

    @AssertTrue(message = "account names must be lower-case letters, digits and '-', as they appear in webhook URLs")
    boolean isAccountNamesUsable() {
        return accounts.keySet().stream().allMatch(name -> name.matches("[a-z0-9][a-z0-9-]*"));
    }

    /** How we authenticate to the instance's REST API. */
    public enum Auth { BASIC, OAUTH }

    /** Impact and urgency, 1 (high) to 3 (low), from which ServiceNow computes the priority. */
    public record Urgency(@Min(1) @Max(3) int impact, @Min(1) @Max(3) int urgency) {
    }

    /**
     * One ServiceNow instance and integration user.
     *
     * @param baseUrl            the instance, {@code https://<instance>.service-now.com}
     * @param table              the table cases live in
     * @param auth               {@code basic}, or {@code oauth} (password grant at {@code /oauth_token.do})
     * @param username           the integration user; with {@code oauth} the resource owner of the password grant.
     *                           Its own journal entries are not read back as vendor messages.
     * @param password           a secret; never logged
     * @param clientId           OAuth application registry client id ({@code oauth} only)
     * @param clientSecret       a secret; never logged ({@code oauth} only)
     * @param callerId           sys_id or user name the cases are opened for
     * @param assignmentGroup    the vendor's support group, if the instance wants one
     * @param company            the customer company, if the instance wants one
     * @param category           incident category, if the instance wants one
     * @param priorities         P1..P4 to impact and urgency
     * @param closeState         the state a closed incident gets: 6 Resolved, or 7 Closed where the table allows it
     * @param closeCode          close code of the close step
     * @param closeNotes         close notes of the close step; the step's own text follows
     * @param webhookSecret      what the instance's business rule sends in {@code X-Blackstart-Secret}; empty: no webhook
     * @param pollInterval       how often the plugin reads new comments and states; zero turns polling off
     * @param requestStates      states that mean the vendor waits for us
     * @param requestHoldReasons on-hold reasons that mean the vendor waits for us (1 = Awaiting Caller)
     * @param disputeCloseCodes  close codes that mean the vendor says the fault is not theirs
     * @param dependsOn          infrastructure this account needs, default the instance's host
     */
    public record Account(
            @NotNull URI baseUrl,
            @NotBlank @Pattern(regexp = "[a-z0-9_]+", message = "must be a table name such as incident") @DefaultValue("incident")
            String table,
            @NotNull @DefaultValue("basic") Auth auth,
            String username,
            String password,
            String clientId,
            String clientSecret,
            String callerId,
            String assignmentGroup,
            String company,
            String category,
            Map<String, @Valid Urgency> priorities,
            @Min(1) @Max(99) @DefaultValue("6") int closeState,
            @NotBlank @DefaultValue("Solved (Permanently)") String closeCode,
            @DefaultValue("Closed by Blackstart: the incident is closed.") String closeNotes,
            String webhookSecret,
            @NotNull @DefaultValue("PT1M") Duration pollInterval,
            @DefaultValue("") List<String> requestStates,
            @DefaultValue("1") List<String> requestHoldReasons,
            @DefaultValue({"Not a product defect", "Not Solved (Not Reproducible)"}) List<String> disputeCloseCodes,
            List<String> dependsOn) {

        static final Map<String, Urgency> DEFAULT_PRIORITIES = Map.of(
                "P1", new Urgency(1, 1), "P2", new Urgency(2, 2), "P3", new Urgency(2, 3), "P4", new Urgency(3, 3));

        public Account {
            Map<String, Urgency> merged = new LinkedHashMap<>(DEFAULT_PRIORITIES);
            if (priorities != null) {
                merged.putAll(priorities);
            }
            priorities = Map.copyOf(merged);
            requestStates = clean(requestStates);
            requestHoldReasons = clean(requestHoldReasons);
            disputeCloseCodes = clean(disputeCloseCodes);
            dependsOn = dependsOn == null || dependsOn.isEmpty()
                    ? (baseUrl == null || baseUrl.getHost() == null ? List.of() : List.of(baseUrl.getHost()))
                    : clean(dependsOn);
            closeNotes = closeNotes == null ? "" : closeNotes;
        }

        private static List<String> clean(List<String> values) {
            return values == null ? List.of()
                    : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        }

        @AssertTrue(message = "base-url must be an absolute http(s) URL without path or query, e.g. https://acme.service-now.com")
        boolean isBaseUrlUsable() {
            return baseUrl == null || (baseUrl.isAbsolute() && baseUrl.getHost() != null && baseUrl.getRawQuery() == null
                    && (baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty() || baseUrl.getRawPath().equals("/"))
                    && ("https".equalsIgnoreCase(baseUrl.getScheme()) || "http".equalsIgnoreCase(baseUrl.getScheme())));
        }

        @AssertTrue(message = "basic auth needs username and password")
        boolean isBasicComplete() {
            return auth != Auth.BASIC || (present(username) && present(password));
        }

        @AssertTrue(message = "oauth needs client-id, client-secret, username and password (password grant)")
        boolean isOauthComplete() {
            return auth != Auth.OAUTH || (present(clientId) && present(clientSecret) && present(username) && present(password));
        }

        @AssertTrue(message = "webhook-secret must be at least 24 characters, or left out to receive no webhooks")
        boolean isWebhookSecretStrong() {
            return webhookSecret == null || webhookSecret.isEmpty() || webhookSecret.length() >= 24;
        }

        @AssertTrue(message = "poll-interval must be zero (off) or at least 1 second")
        boolean isPollIntervalUsable() {
            return pollInterval == null || pollInterval.isZero()
                    || (!pollInterval.isNegative() && pollInterval.toSeconds() >= 1);
        }

        @AssertTrue(message = "priorities may only name P1, P2, P3 and P4")
        boolean isPrioritiesKnown() {
            return priorities.keySet().stream().allMatch(p -> p.matches("P[1-4]"));
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        /** The instance URL without a trailing slash, ready for a path. */
        String base() {
            String base = baseUrl.toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        Urgency urgencyOf(int priority) {
            return priorities.getOrDefault("P" + priority, DEFAULT_PRIORITIES.get("P3"));
        }

        boolean acceptsWebhooks() {
            return webhookSecret != null && !webhookSecret.isEmpty();
        }

        boolean polls() {
            return !pollInterval.isZero();
        }

        @Override
        public String toString() {
            return "Account[baseUrl=" + baseUrl + ", table=" + table + ", auth=" + auth + ", username=" + username
                    + ", password=" + mask(password) + ", clientId=" + clientId + ", clientSecret=" + mask(clientSecret)
                    + ", webhookSecret=" + mask(webhookSecret) + ", pollInterval=" + pollInterval + "]";
        }

        private static String mask(String secret) {
            return secret == null || secret.isEmpty() ? "none" : "******";
        }
    }
}
