package org.blackstart.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Timeline entries as incidents write them, generated from a seed so both sides of a benchmark (and every run) get the
 * same ones: a few thousand incidents (key, title, severity, services, vendors) and, per entry, a line of mixed words
 * as responders type them (common words often, rare ones seldom: a Zipf-like pick), host names, incident and case
 * numbers, and now and then a Dutch, German or French phrase. {@link #document} has the fields and values
 * {@code SearchDocuments} gives a timeline entry (type {@code timeline}, audience {@code on-call}, the incident's
 * title, severity, services and vendors), so Elasticsearch stores and scores what the platform would index.
 */
final class TimelineCorpus {

    static final String[] KINDS = {"note", "step", "status", "page", "notice", "vendor", "alert"};
    static final String[] SEVERITIES = {"SEV1", "SEV2", "SEV3", "SEV4"};
    static final String[] SERVICES = {"mail", "webmail", "mailings", "app-builder", "dns", "status", "storage", "api",
            "billing", "login"};
    static final String[] VENDORS = {"hostly", "storeco", "netlink", "powergrid", "cloudbase"};
    static final String[] ACTORS = {"commander", "agent", "oncall-1", "oncall-2", "system", "admin"};

    /** Ordered from common to rare: the pick favours the front. */
    private static final String[] WORDS = ("the a to of and is on in for we with database storage controller failover "
            + "restart mail queue delayed customers rack power disk latency replica primary secondary backup restore "
            + "patch vendor ticket escalated acknowledged mitigated resolved monitoring alert page call sms timeout "
            + "errors connection refused cluster node network switch firmware upgrade rollback config deploy release "
            + "certificate expired dns record propagation cache purge load balancer health check session service "
            + "login webmail imap smtp relay bounce spam filter quota mailbox index corrupt duplicate replay history "
            + "blank mailboxes off-site lab dry-run runbook checklist status page update notice approved sent twitter "
            + "mastodon phone support callback datacenter generator ups battery cooling temperature technician site "
            + "visit lunchtime load peak throttle blocked api gateway billing invoice scheduled maintenance window "
            + "postmortem lesson action item owner deadline overdue follow-up architecture half survive redundancy "
            + "storeco hostly netlink powergrid cloudbase rotterdam amsterdam frankfurt paris mailing selection "
            + "static time-bound clicked campaign paused resumed throughput degraded partial outage recovered stable")
            .split(" ");
    private static final String[] FOREIGN = {
            "de storing is verholpen", "klanten ontvangen geen mail", "de opslagleverancier onderzoekt het probleem",
            "die Störung ist behoben", "Kunden erhalten keine E-Mails", "der Speicherhersteller untersucht den Fehler",
            "la panne est résolue", "les clients ne reçoivent pas de courriels", "le fournisseur analyse l'incident"};

    private final int incidents;
    private final long seed;

    /** @param incidents how many incidents the entries are spread over */
    TimelineCorpus(int incidents, long seed) {
        this.incidents = incidents;
        this.seed = seed;
    }

    static String incidentKey(int incident) {
        return String.format("INC-%d-%04d", 2020 + incident / 10_000 % 7, incident % 10_000);
    }

    /** The incident entry {@code id} belongs to. */
    int incidentOf(long id) {
        return (int) (new SplittableRandom(seed ^ id).nextInt(incidents));
    }

    String title(int incident) {
        SplittableRandom random = new SplittableRandom(seed * 31 + incident);
        return capitalised(words(random, 3 + random.nextInt(4)));
    }

    String severity(int incident) {
        return SEVERITIES[new SplittableRandom(seed * 37 + incident).nextInt(SEVERITIES.length)];
    }

    List<String> services(int incident) {
        SplittableRandom random = new SplittableRandom(seed * 41 + incident);
        List<String> services = new ArrayList<>();
        services.add(SERVICES[random.nextInt(SERVICES.length)]);
        if (random.nextInt(3) == 0) {
            String second = SERVICES[random.nextInt(SERVICES.length)];
            if (!services.contains(second)) {
                services.add(second);
            }
        }
        return services;
    }

    List<String> vendors(int incident) {
        SplittableRandom random = new SplittableRandom(seed * 43 + incident);
        return random.nextInt(3) == 0 ? List.of(VENDORS[random.nextInt(VENDORS.length)]) : List.of();
    }

    /** When the incident was declared: spread over six years, so date filters and histograms have something to split. */
    Instant declaredAt(int incident) {
        return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(new SplittableRandom(seed * 47 + incident)
                .nextLong(6L * 365 * 24 * 3600));
    }

    /** The entry's own values: kind, actor, text, when (after its incident's declaration). */
    Entry entry(long id) {
        int incident = incidentOf(id);
        SplittableRandom random = new SplittableRandom(seed * 53 + id);
        StringBuilder text = new StringBuilder(capitalised(words(random, 6 + random.nextInt(14))));
        if (random.nextInt(4) == 0) {
            text.append(" on ").append(SERVICES[random.nextInt(SERVICES.length)]).append('-')
                    .append(String.format("%02d", random.nextInt(40))).append(".rack-")
                    .append((char) ('a' + random.nextInt(6))).append(random.nextInt(9));
        }
        if (random.nextInt(6) == 0) {
            text.append(", see ").append(incidentKey(random.nextInt(incidents)));
        }
        if (random.nextInt(8) == 0) {
            text.append(", case CS-").append(10_000 + random.nextInt(90_000));
        }
        if (random.nextInt(10) == 0) {
            text.append(". ").append(FOREIGN[random.nextInt(FOREIGN.length)]);
        }
        return new Entry(id, incident, KINDS[random.nextInt(KINDS.length)], ACTORS[random.nextInt(ACTORS.length)],
                text.append('.').toString(), declaredAt(incident).plusSeconds(random.nextInt(48 * 3600)));
    }

    /** What the platform indexes for entry {@code id}: the fields of {@code SearchDocuments}' timeline document. */
    Map<String, Object> document(long id) {
        Entry entry = entry(id);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "timeline");
        doc.put("id", Long.toString(id));
        doc.put("incidentKey", incidentKey(entry.incident()));
        doc.put("audience", "on-call");
        doc.put("occurredAt", entry.occurredAt().toString());
        doc.put("text", entry.text());
        doc.put("kind", entry.kind());
        doc.put("actor", entry.actor());
        doc.put("severity", severity(entry.incident()));
        doc.put("services", services(entry.incident()));
        List<String> vendors = vendors(entry.incident());
        if (!vendors.isEmpty()) {
            doc.put("vendors", vendors);
        }
        doc.put("title", title(entry.incident()));
        return doc;
    }

    /** One timeline entry. */
    record Entry(long id, int incident, String kind, String actor, String text, Instant occurredAt) {
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            // squaring a uniform pick favours the common words at the front, as language does
            double u = random.nextDouble();
            out.append(WORDS[(int) (u * u * WORDS.length)]);
        }
        return out.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
