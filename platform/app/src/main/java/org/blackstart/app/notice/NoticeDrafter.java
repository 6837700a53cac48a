package org.blackstart.app.notice;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.blackstart.app.customer.CustomerAudience;
import org.blackstart.app.notice.template.NoticeTemplates;
import org.blackstart.app.notice.template.NoticeVariables;
import org.blackstart.app.notice.template.RenderedNotice;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.blackstart.app.statuspage.StatusSubscribers;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;
import org.springframework.stereotype.Component;

/**
 * Serves {@code notice.draft}: fixes the notice's audience (the customers of the affected services
 * from the directory, by the channels each prefers, key accounts to phone, and the status page's
 * subscribers) and renders the notice's templates for every language of that audience and for every
 * public channel. The support agent reviews and edits all of it before anything is sent.
 */
@Component
public class NoticeDrafter {

    /** The languages the review form has a group for; other languages read {@code blackstart.notices.default-language}. */
    static final List<String> FORM_LANGUAGES = List.of("en", "nl", "de", "fr");
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WINDOW_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);

    private final CustomerAudience customers;
    private final StatusSubscribers subscribers;
    private final JdbcNoticeAudience audience;
    private final NoticeTemplates templates;
    private final ChannelProviders providers;
    private final NoticeCadence cadence;
    private final NoticeProperties properties;
    private final StatusPageProperties statusPage;
    private final Clock clock;

    public NoticeDrafter(CustomerAudience customers, StatusSubscribers subscribers, JdbcNoticeAudience audience,
                         NoticeTemplates templates, ChannelProviders providers, NoticeCadence cadence,
                         NoticeProperties properties, StatusPageProperties statusPage, Clock clock) {
        this.customers = customers;
        this.subscribers = subscribers;
        this.audience = audience;
        this.templates = templates;
        this.providers = providers;
        this.cadence = cadence;
        this.properties = properties;
        this.statusPage = statusPage;
        this.clock = clock;
    }

    public TaskResult draft(TaskContext task) {
        String incident = task.incidentKey();
        String step = orElse(task.string(CustomerNotice.Variables.STEP), "update");
        String phase = orElse(task.string(CustomerNotice.Variables.PHASE), phaseOf(step));
        Set<String> services = services(task.string("affectedServices"));

        Audience fixed = audienceOf(services);
        audience.fix(incident, step, fixed.entries());

        Map<String, Object> result = new HashMap<>();
        result.put(CustomerNotice.Variables.STEP, step);
        result.put(CustomerNotice.Variables.PHASE, phase);
        result.put(CustomerNotice.Variables.LANGUAGE, properties.defaultLanguage());
        Map<String, Object> data = data(task, incident, phase, services);
        // Kept on the notice, so that the HTML can be made again from the text the agent edits.
        result.put("statusPageUrl", data.get("statusPageUrl"));
        result.put("incidentUrl", data.get("incidentUrl"));

        Set<String> languages = new LinkedHashSet<>();
        languages.add(properties.defaultLanguage());
        fixed.languages().stream().filter(FORM_LANGUAGES::contains).forEach(languages::add);
        for (String language : languages) {
            RenderedNotice rendered = templates.render(phase, language, data);
            result.put(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.SUBJECT), rendered.subject());
            result.put(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.TEXT), rendered.text());
            result.put(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.HTML), rendered.html());
            result.put(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.SMS), rendered.sms());
            result.put(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.PHONE), rendered.phone());
            result.put("notice_" + language + "_smsInfo", rendered.smsInfo().describe());
            if (language.equals(properties.defaultLanguage())) {
                result.put(CustomerNotice.Variables.post("x"), rendered.x());
                result.put(CustomerNotice.Variables.post("mastodon"), rendered.mastodon());
                result.put(CustomerNotice.Variables.post("statuspage"), rendered.statuspage());
            }
        }
        for (String language : FORM_LANGUAGES) {
            result.put("noticeHas_" + language, languages.contains(language));
            result.put("noticeCalls_" + language, fixed.count("phone", language) > 0);
            result.put("noticeAudience_" + language, fixed.describe(language));
        }
        for (NoticeChannel channel : NoticeChannel.values()) {
            boolean offered = providers.served(channel) && (!channel.perRecipient() || fixed.count(channel.code()) > 0);
            result.put("noticeCan_" + channel.code(), offered);
            result.put("send_" + channel.code(), offered);
        }
        result.put("noticeAudienceSummary", fixed.summary(services));
        result.put("noticeAudienceLine", fixed.line());
        result.put("noticeApprovalComment", "");
        result.put("noticeDecision", "send");
        return new TaskResult(result);
    }

    /** The recipients per channel, as they will be fixed, and who reads which language. */
    private Audience audienceOf(Set<String> services) {
        List<JdbcNoticeAudience.Entry> entries = new ArrayList<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> sms = new LinkedHashSet<>();
        int customerCount = 0;
        for (CustomerAudience.Member customer : customers.usersOf(services)) {
            customerCount++;
            String language = CustomerNotice.primary(customer.language());
            if (customer.prefers("email") && emails.add(customer.email().toLowerCase(Locale.ROOT))) {
                entries.add(new JdbcNoticeAudience.Entry("email",
                        new NoticeRecipient(customer.email(), language, customer.name(), customer.id(), null)));
            }
            if (customer.prefers("sms") && customer.phone() != null && sms.add(customer.phone())) {
                entries.add(new JdbcNoticeAudience.Entry("sms",
                        new NoticeRecipient(customer.phone(), language, customer.name(), customer.id(), null)));
            }
            if (customer.keyAccount() && customer.phone() != null) {
                entries.add(new JdbcNoticeAudience.Entry("phone",
                        new NoticeRecipient(customer.phone(), language, customer.name(), customer.id(), null)));
            }
        }
        int subscriberCount = 0;
        for (NoticeRecipient subscriber : subscribers.audience(services, properties.defaultLanguage())) {
            if (emails.add(subscriber.address().toLowerCase(Locale.ROOT))) {
                subscriberCount++;
                entries.add(new JdbcNoticeAudience.Entry("email", subscriber));
            }
        }
        return new Audience(entries, customerCount, subscriberCount);
    }

    private Map<String, Object> data(TaskContext task, String incident, String phase, Set<String> services) {
        Map<String, Object> data = new HashMap<>();
        data.put("incidentKey", incident);
        data.put("title", orElse(task.string("title"), incident));
        data.put("severity", orElse(task.string("severity"), ""));
        data.put("phase", phase);
        data.put("affectedServices", services.stream()
                .map(id -> statusPage.component(id).map(StatusPageProperties.StatusComponent::name).orElse(id)).toList());
        data.put("customerImpact", orElse(task.string("customerImpact"), ""));
        data.put(NoticeVariables.RESOLUTION, orElse(task.string("resolutionSummary"), ""));
        data.put("statusPageUrl", statusPage.url("/status"));
        // The status page shows maintenance (MNT-...) under the same path as incidents.
        data.put("incidentUrl", statusPage.url("/status/incidents/" + incident));
        ZonedDateTime now = ZonedDateTime.now(clock);
        data.put("nextUpdate", phase.equals("investigating") || phase.equals("identified") || phase.equals("monitoring")
                ? local(CLOCK_TIME, now.plus(cadence.interval(task.string("severity")))) : "");
        data.put("startedAt", orElse(task.string("startedAt"), ""));
        data.put("windowStart", window(task.variables().get("windowStart")));
        data.put("windowEnd", window(task.variables().get("windowEnd")));
        data.put("advice", orElse(task.string("advice"), ""));
        data.put("signature", properties.signature());
        return data;
    }

    private String window(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return local(WINDOW_TIME, java.time.OffsetDateTime.parse(value.toString()).atZoneSameInstant(clock.getZone()));
        } catch (java.time.format.DateTimeParseException notIso) {
            return value.toString();
        }
    }

    /** "14:30 CET"; "Z" would puzzle a customer, so UTC is written as "UTC". */
    private static String local(DateTimeFormatter format, ZonedDateTime time) {
        boolean utc = time.getZone().normalized() instanceof java.time.ZoneOffset offset && offset.getTotalSeconds() == 0;
        return format.format(time) + " " + (utc ? "UTC" : ZONE.format(time));
    }

    static String phaseOf(String step) {
        if (step.equals("initial")) {
            return "investigating";
        }
        return step.equals("resolved") ? "resolved" : "investigating";
    }

    static Set<String> services(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The audience as drafted: its entries, and what the agent is told about it. */
    record Audience(List<JdbcNoticeAudience.Entry> entries, int customers, int subscribers) {

        Set<String> languages() {
            return entries.stream().map(e -> e.recipient().language()).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        long count(String channel) {
            return entries.stream().filter(e -> e.channel().equals(channel)).count();
        }

        long count(String channel, String language) {
            return entries.stream().filter(e -> e.channel().equals(channel) && e.recipient().language().equals(language)).count();
        }

        String describe(String language) {
            long email = count("email", language);
            long sms = count("sms", language);
            long calls = count("phone", language);
            return "Read by " + email + " by e-mail, " + sms + " by SMS" + (calls > 0 ? ", " + keyAccounts(calls) : "") + ".";
        }

        String line() {
            Map<String, Long> byLanguage = new TreeMap<>(entries.stream().filter(e -> !e.channel().equals("phone"))
                    .collect(Collectors.groupingBy(e -> e.recipient().language(), Collectors.counting())));
            return customers + " customers and " + subscribers + " status page subscribers; " + count("email")
                    + " by e-mail, " + count("sms") + " by SMS, " + keyAccounts(count("phone"))
                    + (byLanguage.isEmpty() ? "" : " (" + byLanguage.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
        }

        private static String keyAccounts(long calls) {
            return calls + (calls == 1 ? " key account" : " key accounts") + " to call";
        }

        String summary(Set<String> services) {
            Map<String, Long> byLanguage = new LinkedHashMap<>();
            entries.stream().filter(e -> !e.channel().equals("phone"))
                    .forEach(e -> byLanguage.merge(e.recipient().language(), 1L, Long::sum));
            return "**Audience:** " + customers + " customers of " + (services.isEmpty() ? "every service" : String.join(", ", services))
                    + " and " + subscribers + " status page subscribers: " + count("email") + " by e-mail, "
                    + count("sms") + " by SMS, " + keyAccounts(count("phone")) + "."
                    + (byLanguage.isEmpty() ? "" : " Languages: " + byLanguage.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        }
    }
}
