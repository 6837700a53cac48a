package org.blackstart.plugins.resttickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.vendor.VendorMessage;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.plugins.rest-tickets.*}: vendors whose portal has its own REST API, each
 * described by URL templates, JSON body templates and JSON Pointers into the answers. The plugin is
 * active when at least one account is configured. Templates may use {@code ${subject}},
 * {@code ${description}}, {@code ${text}}, {@code ${priority}} (1..4), {@code ${priorityLabel}}
 * (P1..P4), {@code ${severity}}, {@code ${incidentKey}}, {@code ${vendor}}, {@code ${vendorName}},
 * {@code ${step}}, {@code ${reference}} and, once the case exists, {@code ${caseId}} and
 * {@code ${caseNumber}}; values are JSON-escaped in bodies and URL-encoded in paths. An unknown
 * placeholder or a body that is not JSON once filled in stops the platform at start, naming the key.
 *
 * @param accounts       the portals, by the name the vendor registry uses
 * @param requestTimeout connect and response timeout of API calls
 * @param claimLease     how long a claimed case step is reserved for the worker sending it
 * @param dependsOn      infrastructure this channel needs, so that fallbacks can pick an independent one
 */
@ConfigurationProperties(RestTicketsProperties.PREFIX)
@Validated
public record RestTicketsProperties(
        @Valid Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "account names are lower-case letters, digits and '-'")
                String, @Valid @NotNull Account> accounts,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @NotNull @DefaultValue("2m") Duration claimLease,
        @DefaultValue("vendor support portals") List<String> dependsOn) {

    public static final String PREFIX = "blackstart.plugins.rest-tickets";

    public RestTicketsProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /**
     * One vendor portal.
     *
     * @param baseUrl       the API's root, e.g. {@code https://support.vendor.example}
     * @param auth          how calls authenticate
     * @param open          the call that opens a case, and where its answer has the case's number, id and URL
     * @param update        the call that adds a comment (an answer, a raised priority, a reopening)
     * @param close         the call that closes a case; without it, closing the incident leaves the vendor's case as it is
     * @param attachments   where files are uploaded, one multipart request each; without it files are only named in the text
     * @param webhookSecret the shared secret the portal sends with every webhook delivery; a secret
     * @param secretHeader  the header the portal sends it in
     * @param inbound       where a webhook delivery has what the vendor did
     */
    public record Account(
            @NotNull URI baseUrl,
            @NotNull @Valid @DefaultValue Auth auth,
            @NotNull @Valid @DefaultValue Open open,
            @NotNull @Valid @DefaultValue Update update,
            @Valid Close close,
            @Valid Attachments attachments,
            @NotBlank String webhookSecret,
            @NotBlank @DefaultValue("X-Blackstart-Secret") String secretHeader,
            @NotNull @Valid @DefaultValue Inbound inbound) {

        /** An assertion rather than {@code @Size}: a rejected value would show the secret in the startup failure. */
        @AssertTrue(message = "webhook-secret must be at least 24 characters: it is all that authenticates a webhook")
        boolean isWebhookSecretLongEnough() {
            return webhookSecret == null || webhookSecret.isBlank() || webhookSecret.length() >= 24;
        }

        @AssertTrue(message = "base-url must be an absolute http(s) URL without query, e.g. https://support.vendor.example")
        boolean isBaseUrlUsable() {
            return baseUrl == null || (baseUrl.isAbsolute() && baseUrl.getHost() != null && baseUrl.getRawQuery() == null
                    && ("https".equalsIgnoreCase(baseUrl.getScheme()) || "http".equalsIgnoreCase(baseUrl.getScheme())));
        }

        /** The root without a trailing slash, ready for a path. */
        String base() {
            String base = baseUrl.toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        @Override
        public String toString() {
            return "Account[baseUrl=" + baseUrl + ", auth=" + auth + ", open=" + open + ", update=" + update
                    + ", close=" + close + ", attachments=" + attachments + ", webhookSecret="
                    + (webhookSecret == null || webhookSecret.isBlank() ? "none" : "******") + ", secretHeader="
                    + secretHeader + ", inbound=" + inbound + "]";
        }
    }

    /**
     * @param type     {@code none}, {@code basic} (username, password), {@code bearer} (token) or
     *                 {@code header} (a header name and value, e.g. an API key)
     * @param password a secret
     * @param token    a secret
     * @param value    the header's value; a secret
     */
    public record Auth(@NotNull @DefaultValue("none") Type type, String username, String password, String token,
                       String name, String value) {

        public enum Type { NONE, BASIC, BEARER, HEADER }

        @AssertTrue(message = "auth basic needs username and password, bearer needs token, header needs name and value")
        boolean isComplete() {
            return switch (type == null ? Type.NONE : type) {
                case NONE -> true;
                case BASIC -> present(username) && password != null && !password.isEmpty();
                case BEARER -> present(token);
                case HEADER -> present(name) && name.matches("[A-Za-z0-9-]+") && present(value);
            };
        }

        @Override
        public String toString() {
            return "Auth[type=" + type + ", username=" + username + ", password=" + masked(password) + ", token="
                    + masked(token) + ", name=" + name + ", value=" + masked(value) + "]";
        }
    }

    /**
     * @param caseNumber JSON Pointer to the case number in the answer, e.g. {@code /data/caseNumber}
     * @param caseId     JSON Pointer to the id later paths use; the number when not given
     * @param url        JSON Pointer to the case's page for people, if the answer has one
     */
    public record Open(@NotBlank @DefaultValue("POST") @Pattern(regexp = METHODS, message = METHODS_MESSAGE) String method,
                       @NotBlank @DefaultValue("/api/cases") String path,
                       @NotBlank @DefaultValue(OPEN_BODY) String body,
                       @NotBlank String caseNumber,
                       String caseId,
                       String url) {
    }

    public record Update(@NotBlank @DefaultValue("POST") @Pattern(regexp = METHODS, message = METHODS_MESSAGE) String method,
                         @NotBlank @DefaultValue("/api/cases/${caseId}/comments") String path,
                         @NotBlank @DefaultValue(UPDATE_BODY) String body) {
    }

    public record Close(@NotBlank @DefaultValue("POST") @Pattern(regexp = METHODS, message = METHODS_MESSAGE) String method,
                        @NotBlank String path,
                        @NotBlank @DefaultValue("{}") String body) {
    }

    /** @param field the multipart field the file goes in */
    public record Attachments(@NotBlank @DefaultValue("/api/cases/${caseId}/files") String path,
                              @NotBlank @DefaultValue("file") String field) {
    }

    /**
     * JSON Pointers into a webhook delivery. Without a case number the message is parked for a
     * person; without a message id the delivery is refused (400), since a retry could not be told
     * from a new message.
     *
     * @param kind        where the delivery says what happened; its value is looked up in {@code kinds}, then
     *                    taken as a kind's own name (reply, request, dispute, resolved, closed, acknowledged)
     * @param kinds       the portal's words for the kinds, e.g. {@code waiting-on-customer: REQUEST}
     * @param defaultKind what a delivery is when its kind is missing or unknown
     */
    public record Inbound(@NotBlank @DefaultValue("/caseNumber") String caseNumber,
                          @NotBlank @DefaultValue("/id") String messageId,
                          @DefaultValue("/author") String author,
                          @DefaultValue("/text") String text,
                          @DefaultValue("/kind") String kind,
                          String status,
                          String subject,
                          Map<String, VendorMessage.Kind> kinds,
                          @NotNull @DefaultValue("REPLY") VendorMessage.Kind defaultKind) {

        public Inbound {
            kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
        }
    }

    static final String METHODS = "POST|PUT|PATCH";
    static final String METHODS_MESSAGE = "must be POST, PUT or PATCH";
    static final String OPEN_BODY = "{\"subject\": \"${subject}\", \"description\": \"${description}\", "
            + "\"priority\": ${priority}, \"reference\": \"${reference}\"}";
    static final String UPDATE_BODY = "{\"text\": \"${text}\"}";

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String masked(String secret) {
        return present(secret) ? "******" : "none";
    }
}
