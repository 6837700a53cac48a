package org.blackstart.plugins.jira;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.jira.*}: one account per vendor service desk. The plugin is active when
 * at least one account is configured; a vendor's registry entry names the account
 * ({@code ticketing.account}, default the vendor's id).
 *
 * @param accounts       the service desks, by the name the vendor registry uses
 * @param requestTimeout connect and response timeout of API calls
 * @param claimLease     how long a claimed case step is reserved for the worker sending it
 * @param dependsOn      infrastructure this channel needs, so that fallbacks can pick an independent one
 */
@ConfigurationProperties("blackstart.plugins.jira")
@Validated
public record JiraProperties(
        @Valid Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "account names are lower-case letters, digits and '-'")
                String, @Valid @NotNull Account> accounts,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @DefaultValue("Jira Service Management Cloud") List<String> dependsOn,
        @Valid Actions actions) {

    public static final String PREFIX = "blackstart.plugins.jira";
    /** The webhook account name of the team's own tracker: {@code POST /api/vendor-webhooks/jira/actions}. */
    public static final String ACTIONS = "actions";

    public JiraProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    @AssertTrue(message = "no vendor account may be named 'actions': that name is the webhook of the team's tracker "
            + "(blackstart.plugins.jira.actions)")
    boolean isActionsNameFree() {
        return !accounts.containsKey(ACTIONS);
    }

    /**
     * The team's own Jira, where postmortem action items become issues ({@code actions.ticket.open} and
     * {@code .close}); off when not configured.
     *
     * @param baseUrl        the site, e.g. {@code https://team.atlassian.net}
     * @param email          the Atlassian account's e-mail, for HTTP Basic with {@code apiToken}
     * @param apiToken       an Atlassian API token; a secret
     * @param bearerToken    instead of e-mail and API token: an OAuth 2.0 or personal access token; a secret
     * @param project        the key of the project the issues are created in, e.g. {@code OPS}
     * @param issueType      the issue type's name
     * @param labels         labels every action item's issue carries
     * @param doneTransition names of the workflow transitions (or target statuses) that finish an issue, tried in order
     * @param ownAccountId   the API user's account id, so its own changes coming back by webhook are told apart
     * @param webhookSecret  the secret of the Jira webhook that reports to {@code /api/vendor-webhooks/jira/actions}
     */
    public record Actions(
            @NotNull URI baseUrl,
            String email,
            String apiToken,
            String bearerToken,
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be a Jira project key, e.g. OPS") String project,
            @NotBlank @DefaultValue("Task") String issueType,
            @DefaultValue({"blackstart", "action-item"}) List<String> labels,
            @DefaultValue("Done") List<String> doneTransition,
            String ownAccountId,
            @NotBlank String webhookSecret) implements JiraSite {

        public Actions {
            labels = Account.clean(labels);
            doneTransition = Account.clean(doneTransition);
        }

        @AssertTrue(message = "give either email and api-token (HTTP Basic) or bearer-token, not both and not neither")
        boolean isAuthenticationComplete() {
            boolean basic = Account.present(email) && Account.present(apiToken);
            return basic != Account.present(bearerToken);
        }

        /** An assertion rather than {@code @Size}: a rejected value would show the secret in the startup failure. */
        @AssertTrue(message = "webhook-secret must be at least 24 characters: it is all that authenticates a webhook")
        boolean isWebhookSecretLongEnough() {
            return webhookSecret == null || webhookSecret.isBlank() || webhookSecret.length() >= 24;
        }

        @AssertTrue(message = "base-url must be an absolute http(s) URL without query, e.g. https://team.atlassian.net")
        boolean isBaseUrlUsable() {
            return Account.usable(baseUrl);
        }

        @AssertTrue(message = "done-transition needs at least one transition name")
        boolean isDoneTransitionNamed() {
            return !doneTransition.isEmpty();
        }

        @Override
        public String base() {
            String base = baseUrl.toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        @Override
        public boolean usesBearer() {
            return Account.present(bearerToken);
        }

        @Override
        public String toString() {
            return "Actions[baseUrl=" + baseUrl + ", email=" + email + ", apiToken=" + Account.masked(apiToken)
                    + ", bearerToken=" + Account.masked(bearerToken) + ", project=" + project + ", issueType=" + issueType
                    + ", webhookSecret=" + Account.masked(webhookSecret) + "]";
        }
    }

    /** The account {@code name}, or {@code null} when none is configured under that name. */
    Account account(String name) {
        return name == null ? null : accounts.get(name);
    }

    /**
     * One vendor's Jira Service Management site and desk.
     *
     * @param baseUrl              the site, e.g. {@code https://vendor.atlassian.net}
     * @param email                the Atlassian account's e-mail, for HTTP Basic with {@code apiToken}
     * @param apiToken             an Atlassian API token; a secret
     * @param bearerToken          instead of e-mail and API token: an OAuth 2.0 or personal access token; a secret
     * @param serviceDeskId        the service desk requests are raised in
     * @param requestTypeId        the request type of escalations (its fields must include summary and description)
     * @param priorities           our P1..P4 to the site's priority names; Atlassian's defaults when not set
     * @param raiseOnBehalfOf      account id of the customer the requests are raised for, if not the API user
     * @param ownAccountId         the API user's account id, so its own comments and changes coming back by webhook
     *                             are not taken for the vendor's; its e-mail is compared too
     * @param webhookSecret        the secret of the Jira webhook that reports to us; signs each delivery. A secret
     * @param closeTransition      names of the workflow transitions that close a request, tried in this order
     * @param acknowledgedStatuses statuses that mean the vendor took the case
     * @param requestStatuses      statuses that mean the vendor waits for us
     * @param resolvedStatuses     statuses that mean the vendor says it is fixed
     * @param closedStatuses       statuses that mean the vendor closed the case
     * @param disputeResolutions   resolutions that mean the vendor says the fault is not theirs
     */
    public record Account(
            @NotNull URI baseUrl,
            String email,
            String apiToken,
            String bearerToken,
            @NotBlank @Pattern(regexp = "[0-9]+", message = "must be the service desk's numeric id") String serviceDeskId,
            @NotBlank @Pattern(regexp = "[0-9]+", message = "must be the request type's numeric id") String requestTypeId,
            Map<String, String> priorities,
            String raiseOnBehalfOf,
            String ownAccountId,
            @NotBlank String webhookSecret,
            @DefaultValue({"Resolve", "Close"}) List<String> closeTransition,
            @DefaultValue("In Progress") List<String> acknowledgedStatuses,
            @DefaultValue("Waiting for customer") List<String> requestStatuses,
            @DefaultValue({"Resolved", "Done"}) List<String> resolvedStatuses,
            @DefaultValue("Closed") List<String> closedStatuses,
            @DefaultValue({"Won't Do", "Not a bug"}) List<String> disputeResolutions) implements JiraSite {

        private static final Map<String, String> ATLASSIAN_PRIORITIES =
                Map.of("P1", "Highest", "P2", "High", "P3", "Medium", "P4", "Low");

        public Account {
            Map<String, String> merged = new LinkedHashMap<>(ATLASSIAN_PRIORITIES);
            if (priorities != null) {
                priorities.forEach((level, name) -> merged.put(level.strip().toUpperCase(Locale.ROOT), name));
            }
            priorities = Map.copyOf(merged);
            closeTransition = clean(closeTransition);
            acknowledgedStatuses = clean(acknowledgedStatuses);
            requestStatuses = clean(requestStatuses);
            resolvedStatuses = clean(resolvedStatuses);
            closedStatuses = clean(closedStatuses);
            disputeResolutions = clean(disputeResolutions);
        }

        @AssertTrue(message = "give either email and api-token (HTTP Basic) or bearer-token, not both and not neither")
        boolean isAuthenticationComplete() {
            boolean basic = present(email) && present(apiToken);
            boolean bearer = present(bearerToken);
            return basic != bearer;
        }

        /** An assertion rather than {@code @Size}: a rejected value would show the secret in the startup failure. */
        @AssertTrue(message = "webhook-secret must be at least 24 characters: it is all that authenticates a webhook")
        boolean isWebhookSecretLongEnough() {
            return webhookSecret == null || webhookSecret.isBlank() || webhookSecret.length() >= 24;
        }

        @AssertTrue(message = "base-url must be an absolute http(s) URL without query, e.g. https://vendor.atlassian.net")
        boolean isBaseUrlUsable() {
            return usable(baseUrl);
        }

        static boolean usable(URI baseUrl) {
            return baseUrl == null || (baseUrl.isAbsolute() && baseUrl.getHost() != null && baseUrl.getRawQuery() == null
                    && ("https".equalsIgnoreCase(baseUrl.getScheme()) || "http".equalsIgnoreCase(baseUrl.getScheme())));
        }

        @AssertTrue(message = "priorities may map only P1, P2, P3 and P4, each to a priority name")
        boolean isPriorityMappingComplete() {
            return priorities.keySet().stream().allMatch(level -> level.matches("P[1-4]"))
                    && priorities.values().stream().allMatch(Account::present);
        }

        @AssertTrue(message = "close-transition needs at least one transition name")
        boolean isCloseTransitionNamed() {
            return !closeTransition.isEmpty();
        }

        /** The site's priority name for our priority 1..4. */
        String priorityName(int priority) {
            return priorities.get("P" + priority);
        }

        /** The site without a trailing slash, ready for a path. */
        @Override
        public String base() {
            String base = baseUrl.toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        @Override
        public boolean usesBearer() {
            return present(bearerToken);
        }

        static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        static List<String> clean(List<String> names) {
            return names == null ? List.of() : names.stream().filter(Account::present).map(String::strip).toList();
        }

        @Override
        public String toString() {
            return "Account[baseUrl=" + baseUrl + ", email=" + email + ", apiToken=" + masked(apiToken)
                    + ", bearerToken=" + masked(bearerToken) + ", serviceDeskId=" + serviceDeskId + ", requestTypeId="
                    + requestTypeId + ", priorities=" + priorities + ", raiseOnBehalfOf=" + raiseOnBehalfOf
                    + ", webhookSecret=" + masked(webhookSecret) + ", closeTransition=" + closeTransition + "]";
        }

        static String masked(String secret) {
            return present(secret) ? "******" : "none";
        }
    }
}
