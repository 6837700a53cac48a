package org.blackstart.app.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.blackstart.app.incident.IncidentRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Seen before?": the closed incidents most like a given one, by its title, its affected services and its alerts'
 * labels, with their postmortems. On Elasticsearch a {@code more_like_this} over the incident documents; without it
 * (or when it fails) a simple score from the database: two points per title word both share (stop words and short
 * words left out), two per shared service, one per shared alert label. Only incidents of kind {@code incident} that
 * were closed (not cancelled) count, never the incident itself.
 */
@Component
public class SeenBefore {

    static final int MAX = 5;
    /** How many recently closed incidents the database compares with. */
    static final int CANDIDATES = 1000;
    private static final Logger log = LoggerFactory.getLogger(SeenBefore.class);
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "into", "after", "before",
            "are", "was", "were", "not", "all", "our", "its", "this", "that", "down", "some", "any", "again", "still",
            "incident", "issue", "problem", "error", "errors");

    /**
     * A closed incident like the one asked about.
     *
     * @param score         how alike: higher is more alike; comparable within one answer only
     * @param postmortemUrl its postmortem's page, {@code null} when it has none
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Similar(String incidentKey, String title, String severity, Instant closedAt, double score,
                          String postmortemUrl) {
    }

    /** How long an answer is reused for the incident tab, which reads the incident every few seconds. */
    static final Duration REUSED_FOR = Duration.ofSeconds(30);
    private static final int REUSED_INCIDENTS = 1000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ObjectProvider<ElasticsearchSeenBefore> elasticsearch;
    private final Clock clock;
    /** How long Elasticsearch may take before the database answers instead. */
    static final Duration BUDGET = Duration.ofSeconds(2);
    private static final java.util.concurrent.Executor ASKING = java.util.concurrent.Executors.newCachedThreadPool(
            work -> {
                Thread thread = new Thread(work, "blackstart-seen-before");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Duration budget;
    private final Map<String, Answer> recent = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                    return size() > REUSED_INCIDENTS;
                }
            });

    @org.springframework.beans.factory.annotation.Autowired
    SeenBefore(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<ElasticsearchSeenBefore> elasticsearch, Clock clock) {
        this(jdbc, json, elasticsearch, clock, BUDGET);
    }

    SeenBefore(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<ElasticsearchSeenBefore> elasticsearch, Clock clock,
               Duration budget) {
        this.budget = budget;
        this.jdbc = jdbc;
        this.json = json;
        this.elasticsearch = elasticsearch;
        this.clock = clock;
    }

    /** {@link #of(IncidentRecord)}, reused for 30 seconds per incident. */
    public List<Similar> recent(IncidentRecord incident) {
        Instant now = clock.instant();
        Answer answer = recent.get(incident.key());
        if (answer == null || answer.at.plus(REUSED_FOR).isBefore(now)) {
            answer = new Answer(now, of(incident));
            recent.put(incident.key(), answer);
        }
        return answer.similar;
    }

    /** At most {@value #MAX}, most alike first. */
    public List<Similar> of(IncidentRecord incident) {
        Set<String> services = new TreeSet<>(DatabaseSearch.services(incident.affectedServices()));
        Set<String> labels = labels(List.of(incident.key())).getOrDefault(incident.key(), Set.of());
        ElasticsearchSeenBefore cluster = elasticsearch.getIfAvailable();
        Map<String, Double> scores = null;
        if (cluster != null) {
            try {
                scores = bounded(() -> cluster.similar(incident, services, labels, MAX));
                if (failing.compareAndSet(true, false)) {
                    log.info("BLACKSTART-SEARCH-103 Elasticsearch answers 'seen before?' again");
                }
            } catch (RuntimeException e) {
                if (failing.compareAndSet(false, true)) {
                    log.warn("BLACKSTART-SEARCH-102 Elasticsearch failed 'seen before?'; the database answers until it "
                            + "answers again: {}", e.toString());
                }
            }
        }
        if (scores == null) {
            scores = fromDatabase(incident, services, labels);
        }
        return describe(scores);
    }

    /**
     * The answer of {@code work} if it comes within {@link #budget}. Triage waits for it inside the transaction
     * that declares the incident, so an Elasticsearch that hangs must cost a declaration a second or two, not the
     * client's full request timeout; the database answers instead.
     */
    private Map<String, Double> bounded(java.util.function.Supplier<Map<String, Double>> work) {
        CompletableFuture<Map<String, Double>> answer = CompletableFuture.supplyAsync(work, ASKING);
        try {
            return answer.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            throw new IllegalStateException("no answer within " + budget.toMillis() + " ms");
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Elasticsearch");
        }
    }

    private Map<String, Double> fromDatabase(IncidentRecord incident, Set<String> services, Set<String> labels) {
        Set<String> words = words(incident.title());
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        jdbc.query("SELECT incident_key, title, affected_services FROM bs_incident WHERE kind = 'incident' "
                + "AND closed_at IS NOT NULL AND status <> 'cancelled' AND incident_key <> ? ORDER BY closed_at DESC "
                + "FETCH FIRST " + CANDIDATES + " ROWS ONLY", rs -> {
                    candidates.put(rs.getString("incident_key"), new Candidate(words(rs.getString("title")),
                            new HashSet<>(DatabaseSearch.services(rs.getString("affected_services")))));
                }, incident.key());
        Map<String, Set<String>> labelsOf = labels.isEmpty() ? Map.of() : labels(List.copyOf(candidates.keySet()));
        Map<String, Double> scores = new HashMap<>();
        candidates.forEach((key, candidate) -> {
            long sharedWords = candidate.words.stream().filter(words::contains).count();
            long sharedServices = candidate.services.stream().filter(services::contains).count();
            long sharedLabels = labelsOf.getOrDefault(key, Set.of()).stream().filter(labels::contains).count();
            // labels alone (severity=critical) say little; a shared word or service must be there too
            if (sharedWords + sharedServices > 0) {
                scores.put(key, 2.0 * sharedWords + 2.0 * sharedServices + sharedLabels);
            }
        });
        return scores;
    }

    /** The incidents of {@code scores}, as the database has them now, best first, at most {@value #MAX}. */
    private List<Similar> describe(Map<String, Double> scores) {
        if (scores.isEmpty()) {
            return List.of();
        }
        List<String> keys = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX * 4L).map(Map.Entry::getKey).toList();
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        Set<String> withPostmortem = new HashSet<>(jdbc.queryForList("SELECT incident_key FROM bs_postmortem "
                + "WHERE incident_key IN (" + in + ")", String.class, keys.toArray()));
        List<Similar> similar = new ArrayList<>(jdbc.query("SELECT incident_key, title, severity, closed_at FROM bs_incident "
                        + "WHERE incident_key IN (" + in + ") AND kind = 'incident' AND closed_at IS NOT NULL "
                        + "AND status <> 'cancelled'",
                (rs, n) -> new Similar(rs.getString("incident_key"), rs.getString("title"), rs.getString("severity"),
                        rs.getTimestamp("closed_at").toInstant(), Math.round(scores.get(rs.getString("incident_key")) * 100) / 100.0,
                        withPostmortem.contains(rs.getString("incident_key"))
                                ? "/incidents/" + rs.getString("incident_key") + "/postmortem" : null),
                keys.toArray()));
        similar.sort(Comparator.comparingDouble(Similar::score).reversed().thenComparing(Similar::closedAt,
                Comparator.reverseOrder()));
        return similar.subList(0, Math.min(MAX, similar.size()));
    }

    /** The alerts' labels per incident, as {@code name=value}. */
    private Map<String, Set<String>> labels(List<String> incidentKeys) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (int i = 0; i < incidentKeys.size(); i += 500) {
            List<String> chunk = incidentKeys.subList(i, Math.min(incidentKeys.size(), i + 500));
            jdbc.query("SELECT incident_key, labels FROM bs_alert WHERE incident_key IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        labels.computeIfAbsent(rs.getString("incident_key"), k -> new TreeSet<>())
                                .addAll(labelPairs(rs.getString("labels")));
                    }, chunk.toArray());
        }
        return labels;
    }

    private Set<String> labelPairs(String labels) {
        try {
            Map<String, Object> map = json.readValue(labels, new TypeReference<Map<String, Object>>() { });
            return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toSet());
        } catch (java.io.IOException | IllegalArgumentException notAMap) {
            return Set.of();
        }
    }

    static Set<String> words(String title) {
        if (title == null) {
            return Set.of();
        }
        return java.util.Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 3 && !STOP_WORDS.contains(w)).collect(Collectors.toSet());
    }

    private record Candidate(Set<String> words, Set<String> services) {
    }

    private record Answer(Instant at, List<Similar> similar) {
    }
}
