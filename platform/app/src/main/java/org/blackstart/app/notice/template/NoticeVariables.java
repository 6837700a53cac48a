package org.blackstart.app.notice.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every name a notice template may use, with what it holds and the sample value templates are checked
 * with when they are saved. A template that names anything else is refused at save time, so a typo
 * never reaches a customer as an empty gap.
 */
public final class NoticeVariables {

    /** One variable of the catalogue. */
    public record Variable(String name, String description, Object sample) {
    }

    public static final String AFFECTED_SERVICES = "affectedServices";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String PARAGRAPHS = "paragraphs";
    public static final String PHASE = "phase";
    public static final String RESOLUTION = "resolution";
    public static final String MONITORING_UNTIL = "monitoringUntil";

    public static final List<Variable> ALL = List.of(
            new Variable("incidentKey", "the incident's key (INC-2026-0042) or the maintenance's (MNT-2026-0007)",
                    "INC-2026-0042"),
            new Variable("title", "the incident's title, as the customer sees it", "E-mail delivery delayed"),
            new Variable("severity", "SEV1, SEV2, ...", "SEV1"),
            new Variable(PHASE, "the phase of this notice: investigating, identified, ..., postmortem", "investigating"),
            new Variable(AFFECTED_SERVICES, "the display names of the affected components; a list: "
                    + "{{#affectedServices}}{{.}}{{^-last}}, {{/-last}}{{/affectedServices}} iterates it, "
                    + "{{affectedServices}} prints it joined with commas", List.of("Mail delivery", "Webmail")),
            new Variable("customerImpact", "what customers notice, in the agent's words",
                    "Messages to external addresses are delayed by up to 30 minutes. No messages are lost."),
            new Variable(RESOLUTION, "resolved: what fixed it, as the commander wrote it at Resolve (the agent reviews "
                    + "it in the draft); empty before Resolve. The root cause is never offered: it is internal",
                    "We replaced the failed power supply and moved the mail queues back to their servers."),
            new Variable("statusPageUrl", "the public status page", "https://status.example.com"),
            new Variable("incidentUrl", "this incident's (or maintenance's) page on the status page",
                    "https://status.example.com/incidents/INC-2026-0042"),
            new Variable("reportUrl", "postmortem: the public report on the status page",
                    "https://status.example.com/incidents/INC-2026-0042/report"),
            new Variable("customerSummary", "postmortem: what happened, as the approved postmortem tells customers; "
                    + "empty in other phases", "A power failure in our datacenter stopped the mail servers for nine hours."),
            new Variable("customerChanges", "postmortem: what we are changing, as the approved postmortem tells customers; "
                    + "empty in other phases", "We now test the emergency generator under full load every month."),
            new Variable("nextUpdate", "when the next update comes, as local time; may be empty", "14:30 CET"),
            new Variable(MONITORING_UNTIL, "resolved: until when the fix is watched (alerts firing again reopen the "
                    + "incident), as local time; empty when not watched", "Tue 8 Dec 2026 08:00 CET"),
            new Variable("startedAt", "when the incident started, as local time", "13:45 CET"),
            new Variable("windowStart", "maintenance: start of the window, as local time", "Tue 3 Mar 2026 22:00 CET"),
            new Variable("windowEnd", "maintenance: end of the window, as local time", "Wed 4 Mar 2026 02:00 CET"),
            new Variable("advice", "maintenance: what customers should do or avoid",
                    "Please do not schedule mailings during the window."),
            new Variable("signature", "how notices are signed (blackstart.notices.signature)", "The operations team"),
            new Variable(CUSTOMER_NAME, "the customer's name; only in subject, text and phone (empty elsewhere)",
                    "Acme Retail"),
            new Variable(PARAGRAPHS, "html only: the final e-mail text, split on blank lines; a list",
                    List.of("Sample paragraph one.", "Sample paragraph two.")));

    /**
     * Names jmustache gives the current item inside a list section: the item itself, and whether it is the
     * first or last, and its index.
     */
    public static final Set<String> ITERATION_NAMES = Set.of(".", "this", "-first", "-last", "-index");

    public static final Set<String> NAMES = ALL.stream().map(Variable::name).collect(Collectors.toUnmodifiableSet());

    private NoticeVariables() {
    }

    /** The sample data: every variable with its sample value. */
    public static Map<String, Object> samples() {
        Map<String, Object> samples = new LinkedHashMap<>();
        ALL.forEach(v -> samples.put(v.name(), v.sample()));
        return samples;
    }

    public static boolean allowed(String name) {
        return NAMES.contains(name) || ITERATION_NAMES.contains(name);
    }
}
