package org.blackstart.app.notice;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
        result.put("reportUrl", data.get("reportUrl"));

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
        return new TaskResult(result);
    }

    /** The recipients per channel, as they will be fixed, and who reads which language. */
    private Audience audienceOf(Set<String> services) {
        List<JdbcNoticeAudience.Entry> entries = new ArrayList<>();
        List<Reader> readers = new ArrayList<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> sms = new LinkedHashSet<>();
        for (CustomerAudience.Member customer : customers.usersOf(services)) {
            String language = CustomerNotice.primary(customer.language());
            int before = entries.size();
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
            readers.add(new Reader(language, false, entries.size() > before));
        }
        for (NoticeRecipient subscriber : subscribers.audience(services, properties.defaultLanguage())) {
            if (emails.add(subscriber.address().toLowerCase(Locale.ROOT))) {
                entries.add(new JdbcNoticeAudience.Entry("email", subscriber));
                readers.add(new Reader(subscriber.language(), true, true));
            }
        }
        return new Audience(entries, readers, properties.defaultLanguage());
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
        // The postmortem's report: its public page, and what the approved postmortem tells customers.
        data.put("reportUrl", statusPage.url("/status/incidents/" + incident + "/report"));
        data.put("customerSummary", orElse(task.string("customerSummary"), ""));
        data.put("customerChanges", orElse(task.string("customerChanges"), ""));
        ZonedDateTime now = ZonedDateTime.now(clock);
        data.put("nextUpdate", phase.equals("investigating") || phase.equals("identified") || phase.equals("monitoring")
                || phase.equals("reopened") ? local(CLOCK_TIME, now.plus(cadence.interval(task.string("severity")))) : "");
        // Set when Resolve completes; a notice of another phase, or of a reopened incident, has nothing to say of it.
        data.put(NoticeVariables.MONITORING_UNTIL, phase.equals("resolved") ? window(task.variables().get(NoticeVariables.MONITORING_UNTIL)) : "");
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
        if (value instanceof java.util.Date date) {
            return local(WINDOW_TIME, date.toInstant().atZone(clock.getZone()));
        }
        if (value instanceof java.time.Instant instant) {
            return local(WINDOW_TIME, instant.atZone(clock.getZone()));
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

    /**
     * Someone a notice is for, once: a customer of the affected services, or a status page subscriber
     * who is not also such a customer. {@code reached} is false for a customer none of whose chosen
     * channels has an address on file.
     */
    record Reader(String language, boolean subscriber, boolean reached) {
    }

    /**
     * The audience as drafted: its entries (one per message or call), the people they are for, and
     * what the agent is told about it. People and messages are counted apart, so that each line adds
     * up: a customer who takes e-mail and SMS is one reader and two messages.
     */
    record Audience(List<JdbcNoticeAudience.Entry> entries, List<Reader> readers, String defaultLanguage) {

        Set<String> languages() {
            return entries.stream().map(e -> e.recipient().language()).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        long count(String channel) {
            return entries.stream().filter(e -> e.channel().equals(channel)).count();
        }

        long count(String channel, String language) {
            return entries.stream().filter(e -> e.channel().equals(channel) && e.recipient().language().equals(language)).count();
        }

        long customers() {
            return readers.stream().filter(r -> !r.subscriber()).count();
        }

        long subscribers() {
            return readers.stream().filter(Reader::subscriber).count();
        }

        /** Readers by the language of the text they get: a language the form has no draft for reads the default. */
        Map<String, Long> readersByLanguage() {
            Map<String, Long> byLanguage = new TreeMap<>(Comparator.comparingInt(NoticeDrafter::formOrder)
                    .thenComparing(Comparator.naturalOrder()));
            readers.forEach(r -> byLanguage.merge(reads(r.language()), 1L, Long::sum));
            return byLanguage;
        }

        String describe(String language) {
            long readers = readersByLanguage().getOrDefault(language, 0L);
            long email = entries.stream().filter(e -> e.channel().equals("email") && reads(e.recipient().language()).equals(language)).count();
            long sms = entries.stream().filter(e -> e.channel().equals("sms") && reads(e.recipient().language()).equals(language)).count();
            long calls = entries.stream().filter(e -> e.channel().equals("phone") && reads(e.recipient().language()).equals(language)).count();
            return "Read by " + people(readers) + ": " + email + " by e-mail, " + sms + " by SMS"
                    + (calls > 0 ? ", " + keyAccounts(calls) : "") + ".";
        }

        String line() {
            return plural(customers(), "customer", "customers") + " and " + plural(subscribers(), "status page subscriber",
                    "status page subscribers") + languagesInBrackets() + "; " + count("email") + " by e-mail, "
                    + count("sms") + " by SMS, " + keyAccounts(count("phone")) + unreachable();
        }

        String summary(Set<String> services) {
            return "**Audience:** " + plural(customers(), "customer", "customers") + " of "
                    + (services.isEmpty() ? "every service" : String.join(", ", services)) + " and "
                    + plural(subscribers(), "status page subscriber", "status page subscribers") + languagesInBrackets()
                    + ". Messages: " + count("email") + " by e-mail, " + count("sms") + " by SMS; "
                    + keyAccounts(count("phone")) + unreachable() + ".";
        }

        private String languagesInBrackets() {
            Map<String, Long> byLanguage = readersByLanguage();
            return byLanguage.isEmpty() ? "" : ", " + people(readers.size()) + " reading " + byLanguage.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        }

        private String unreachable() {
            long none = readers.stream().filter(r -> !r.reached()).count();
            return none == 0 ? "" : "; " + plural(none, "customer gets", "customers get")
                    + " nothing: no channel they chose has an address on file";
        }

        private String reads(String language) {
            String primary = CustomerNotice.primary(language);
            return FORM_LANGUAGES.contains(primary) ? primary : defaultLanguage;
        }

        private static String people(long count) {
            return plural(count, "person", "people");
        }

        private static String keyAccounts(long calls) {
            return plural(calls, "key account", "key accounts") + " to call";
        }

        private static String plural(long count, String one, String many) {
            return count + " " + (count == 1 ? one : many);
        }
    }

    private static int formOrder(String language) {
        int index = FORM_LANGUAGES.indexOf(language);
        return index < 0 ? FORM_LANGUAGES.size() : index;
    }
}
