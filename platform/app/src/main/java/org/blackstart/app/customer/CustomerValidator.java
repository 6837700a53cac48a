package org.blackstart.app.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a customer must satisfy, the same for a CSV row and a JSON body: the directory only ever
 * holds customers a notice can actually be sent to.
 */
final class CustomerValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    // deliberately loose: the mail server is the judge; this catches typos such as missing @ or domain
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern LANGUAGE = Pattern.compile("([a-z]{2})(-[A-Za-z]{2})?");
    /** Languages notice templates are written in. */
    static final Set<String> LANGUAGES = Set.of("en", "nl", "de", "fr", "es", "it", "pt");
    private static final int MAX_NAME = 200;
    private static final int MAX_REGION = 64;
    private static final int MAX_SERVICE = 128;
    private static final int MAX_EMAIL = 254;

    private CustomerValidator() {
    }

    /** The customer, or the problems: every problem of the fields, in the order of the fields. */
    static Validated validate(CustomerFields in) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = trimmed(in.id());
        if (id == null) {
            problems.add(new FieldProblem("id", "is required"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
        }
        String name = trimmed(in.name());
        if (name == null) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME + " characters"));
        }
        String email = trimmed(in.email());
        if (email == null) {
            problems.add(new FieldProblem("email", "is required"));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "must be an e-mail address like name@example.org, was '" + email + "'"));
        }
        String phone = trimmed(in.phone());
        if (phone != null && !E164.matcher(phone).matches()) {
            problems.add(new FieldProblem("phone", "must be in E.164 form like +31201234567, was '" + phone + "'"));
        }
        String language = language(trimmed(in.language()), problems);
        String region = trimmed(in.region());
        if (region == null) {
            problems.add(new FieldProblem("region", "is required"));
        } else if (region.length() > MAX_REGION) {
            problems.add(new FieldProblem("region", "must be at most " + MAX_REGION + " characters"));
        }
        List<String> services = services(in.services(), problems);
        List<String> channels = channels(in.channels(), phone, problems);
        if (in.keyAccount() == null) {
            problems.add(new FieldProblem("key_account", "is required: true or false"));
        }
        if (!problems.isEmpty()) {
            return new Validated(null, List.copyOf(problems));
        }
        return new Validated(new Customer(id, name, email, phone, language, region, services, channels,
                in.keyAccount(), null, null), List.of());
    }

    private static String language(String tag, List<FieldProblem> problems) {
        if (tag == null) {
            problems.add(new FieldProblem("language", "is required"));
            return null;
        }
        var matcher = LANGUAGE.matcher(tag);
        if (!matcher.matches() && !LANGUAGE.matcher(tag.toLowerCase(Locale.ROOT)).matches()) {
            problems.add(new FieldProblem("language", "must be a BCP 47 tag like en or de-CH, was '" + tag + "'"));
            return null;
        }
        String primary = tag.substring(0, 2).toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(primary)) {
            problems.add(new FieldProblem("language", "must be one of " + String.join(", ", LANGUAGES.stream().sorted().toList())
                    + " (optionally with a region, like de-CH), was '" + tag + "'"));
            return null;
        }
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static List<String> services(List<String> given, List<FieldProblem> problems) {
        Set<String> services = new LinkedHashSet<>();
        for (String service : given == null ? List.<String>of() : given) {
            String s = trimmed(service);
            if (s == null) {
                continue;
            }
            if (s.length() > MAX_SERVICE) {
                problems.add(new FieldProblem("services", "'" + s.substring(0, 20) + "…' is longer than " + MAX_SERVICE + " characters"));
                return List.of();
            }
            services.add(s);
        }
        return List.copyOf(services);
    }

    private static List<String> channels(List<String> given, String phone, List<FieldProblem> problems) {
        Set<String> channels = new LinkedHashSet<>();
        for (String code : given == null ? List.<String>of() : given) {
            if (trimmed(code) == null) {
                continue;
            }
            var channel = CustomerChannel.of(code);
            if (channel.isEmpty()) {
                problems.add(new FieldProblem("channels", "'" + code.trim() + "' is not a channel; known channels are "
                        + CustomerChannel.known()));
                return List.of();
            }
            channels.add(channel.get().code());
        }
        if (channels.isEmpty()) {
            problems.add(new FieldProblem("channels", "needs at least one of " + CustomerChannel.known()));
        } else if (phone == null && (channels.contains("sms") || channels.contains("phone"))) {
            problems.add(new FieldProblem("phone", "is required for the sms and phone channels"));
        }
        return List.copyOf(channels);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Either a customer or at least one problem. */
    record Validated(Customer customer, List<FieldProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }
}
