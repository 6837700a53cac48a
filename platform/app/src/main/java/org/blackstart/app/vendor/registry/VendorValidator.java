package org.blackstart.app.vendor.registry;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.blackstart.app.incident.Severity;

/**
 * The rules a vendor must satisfy, the same for configuration and the API: an escalation must be
 * able to open a case (a known ticketing system), time the vendor's answer (a response time for
 * every severity) and call its duty manager (a dialable number).
 */
public final class VendorValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A host name of two or more labels: letters, digits and inner '-', as DNS has them (IDNs in their xn-- form). */
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** The local part of an address as senders write it: no space, no quotes, no '@'. */
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final int MAX_MAIL_SENDERS = 100;
    /** The ticketing plugins' slugs. */
    public static final List<String> SYSTEMS = List.of("servicenow", "jira", "rest", "email");
    private static final Set<String> TICKETING_FIELDS = Set.of("system", "account");
    static final String DEFAULT_SYSTEM = "email";
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 1000;
    /** Ids that name a resource of their own under /api/vendors, so a vendor with one could never be read. */
    private static final Set<String> RESERVED_IDS = Set.of("stats");

    private VendorValidator() {
    }

    /** The vendor, or every problem found. */
    public record Result(Vendor vendor, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result validate(String id, VendorSpec spec) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must be 1 to 64 of a-z, 0-9 and '-', starting with a letter or digit, was '"
                    + id + "'"));
        } else if (RESERVED_IDS.contains(id)) {
            problems.add(new FieldProblem("id", "'" + id + "' is reserved: /api/vendors/" + id + " is not a vendor"));
        }
        if (spec == null) {
            problems.add(new FieldProblem("name", "is required"));
            return new Result(null, problems);
        }
        String name = trimmed(spec.name());
        if (name == null) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME + " characters"));
        }
        VendorKind kind = kind(trimmed(spec.kind()), problems);
        String contract = trimmed(spec.contract());
        if (contract != null && contract.length() > MAX_TEXT) {
            problems.add(new FieldProblem("contract", "must be at most " + MAX_TEXT + " characters"));
        }
        List<String> channels = new ArrayList<>();
        List<String> givenChannels = spec.supportChannels() == null ? List.of() : spec.supportChannels();
        for (int i = 0; i < givenChannels.size(); i++) {
            String channel = trimmed(givenChannels.get(i));
            if (channel == null) {
                problems.add(new FieldProblem("supportChannels[" + i + "]", "must not be empty"));
            } else if (channel.length() > MAX_TEXT) {
                problems.add(new FieldProblem("supportChannels[" + i + "]", "must be at most " + MAX_TEXT + " characters"));
            } else {
                channels.add(channel);
            }
        }
        Map<Severity, Duration> sla = ackSla(spec.ackSla(), problems);
        List<Vendor.Contact> contacts = contacts(spec.contacts(), problems);
        Vendor.Ticketing ticketing = ticketing(id, spec.ticketing(), problems);
        MailSenders mailSenders = mailSenders(spec.mailSenders(), problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new Vendor(id, name, kind, contract, channels, sla, contacts, ticketing, mailSenders), List.of());
    }

    private static VendorKind kind(String kind, List<FieldProblem> problems) {
        if (kind == null) {
            problems.add(new FieldProblem("kind", "is required: one of " + VendorKind.slugs()));
            return null;
        }
        return VendorKind.ofSlug(kind.toLowerCase(Locale.ROOT)).orElseGet(() -> {
            problems.add(new FieldProblem("kind", "must be one of " + VendorKind.slugs() + ", was '" + kind + "'"));
            return null;
        });
    }

    private static Map<Severity, Duration> ackSla(Map<String, String> given, List<FieldProblem> problems) {
        Map<Severity, Duration> sla = new EnumMap<>(Severity.class);
        Map<String, String> entries = given == null ? Map.of() : given;
        entries.forEach((key, value) -> {
            Severity severity = severity(key);
            if (severity == null) {
                problems.add(new FieldProblem("ackSla." + key, "is not a severity; use SEV1, SEV2, SEV3 and SEV4"));
                return;
            }
            String field = "ackSla." + severity.name();
            String text = trimmed(value);
            if (text == null) {
                return;
            }
            try {
                Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (duration.isNegative() || duration.isZero()) {
                    problems.add(new FieldProblem(field, "must be longer than zero, was '" + text + "'"));
                } else {
                    sla.put(severity, duration);
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field, "must be an ISO-8601 duration like PT30M, PT2H or P1D, was '" + text + "'"));
            }
        });
        for (Severity severity : Severity.values()) {
            String field = "ackSla." + severity.name();
            if (!sla.containsKey(severity) && problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new FieldProblem(field,
                        "is required: the vendor's response time for " + severity.name() + " incidents, e.g. PT2H"));
            }
        }
        return sla;
    }

    private static Severity severity(String key) {
        if (key == null) {
            return null;
        }
        try {
            return Severity.valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Vendor.Contact> contacts(List<VendorSpec.ContactSpec> given, List<FieldProblem> problems) {
        List<Vendor.Contact> contacts = new ArrayList<>();
        List<VendorSpec.ContactSpec> entries = given == null ? List.of() : given;
        for (int i = 0; i < entries.size(); i++) {
            String at = "contacts[" + i + "].";
            VendorSpec.ContactSpec contact = entries.get(i);
            if (contact == null) {
                problems.add(new FieldProblem("contacts[" + i + "]", "must not be empty"));
                continue;
            }
            String name = trimmed(contact.name());
            if (name == null) {
                problems.add(new FieldProblem(at + "name", "is required"));
            } else if (name.length() > MAX_NAME) {
                problems.add(new FieldProblem(at + "name", "must be at most " + MAX_NAME + " characters"));
            }
            String role = trimmed(contact.role());
            if (role != null && !ROLE.matcher(role).matches()) {
                problems.add(new FieldProblem(at + "role", "must be a-z, 0-9 and '-', e.g. duty-manager, was '" + role + "'"));
            }
            String phone = trimmed(contact.phone());
            if (phone != null && !E164.matcher(phone).matches()) {
                problems.add(new FieldProblem(at + "phone",
                        "must be an E.164 number: + then 8 to 15 digits without spaces, e.g. +31201110000, was '" + phone + "'"));
            }
            String email = trimmed(contact.email());
            if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                problems.add(new FieldProblem(at + "email", "must be an e-mail address like name@example.org, was '" + email + "'"));
            }
            contacts.add(new Vendor.Contact(name, role, phone, email));
        }
        return contacts;
    }

    private static Vendor.Ticketing ticketing(String id, Map<String, String> given, List<FieldProblem> problems) {
        Map<String, String> entries = given == null ? Map.of() : given;
        entries.keySet().stream().filter(key -> !TICKETING_FIELDS.contains(key)).sorted().forEach(key ->
                problems.add(new FieldProblem("ticketing." + key, "is not a ticketing field; ticketing has system ("
                        + String.join(", ", SYSTEMS) + ") and account (the plugin's account name)")));
        String system = trimmed(entries.get("system"));
        system = system == null ? DEFAULT_SYSTEM : system.toLowerCase(Locale.ROOT);
        if (!SYSTEMS.contains(system)) {
            problems.add(new FieldProblem("ticketing.system", "must be one of " + String.join(", ", SYSTEMS)
                    + ", was '" + entries.get("system") + "'"));
        }
        String account = trimmed(entries.get("account"));
        account = account == null ? id : account;
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            problems.add(new FieldProblem("ticketing.account",
                    "must be 1 to 64 letters, digits, '.', '_' or '-', was '" + account + "'"));
        }
        return new Vendor.Ticketing(system, account);
    }

    /**
     * Addresses and {@code @domains}, lower-cased (mail domains are not case-sensitive, and a check
     * that compares lower-cased text cannot be fooled by case), each once.
     */
    private static MailSenders mailSenders(List<String> given, List<FieldProblem> problems) {
        List<String> entries = new ArrayList<>();
        List<String> written = given == null ? List.of() : given;
        if (written.size() > MAX_MAIL_SENDERS) {
            problems.add(new FieldProblem("mailSenders", "must name at most " + MAX_MAIL_SENDERS + " addresses or domains"));
            return MailSenders.NONE;
        }
        for (int i = 0; i < written.size(); i++) {
            String entry = trimmed(written.get(i));
            String sender = entry == null ? null : entry.toLowerCase(Locale.ROOT);
            if (sender == null || !isMailSender(sender)) {
                problems.add(new FieldProblem("mailSenders[" + i + "]", "must be an e-mail address like support@storeco.example "
                        + "or a whole domain like @storeco.example, was '" + written.get(i) + "'"));
            } else if (!entries.contains(sender)) {
                entries.add(sender);
            }
        }
        return new MailSenders(entries);
    }

    private static boolean isMailSender(String sender) {
        int at = sender.lastIndexOf('@');
        if (at < 0 || sender.length() > 254 || sender.indexOf('@') != at) {
            return false;
        }
        String local = sender.substring(0, at);
        String domain = sender.substring(at + 1);
        boolean localOk = at == 0 || (LOCAL_PART.matcher(local).matches() && !local.startsWith(".") && !local.endsWith(".")
                && !local.contains(".."));
        return localOk && domain.length() <= 253 && DOMAIN.matcher(domain).matches();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
