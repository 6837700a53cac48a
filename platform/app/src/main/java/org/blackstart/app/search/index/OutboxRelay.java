package org.blackstart.app.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchConfiguration;
import org.blackstart.app.search.SearchOutbox;
import org.blackstart.app.search.SearchProperties;
import org.blackstart.spi.SingleNodeLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds Elasticsearch from {@code bs_search_outbox}, on one thread of the one node that holds the lease
 * {@value #LEASE} (two relays could write an older read of a row after a newer one). Each round takes up to
 * {@code relay.batch-size} outbox rows in order, indexes the current state of each distinct row they name (or
 * deletes its document when the row is gone) through a {@code BulkIngester}, and then deletes exactly the outbox
 * rows whose operations Elasticsearch confirmed, by outbox id: a change enqueued meanwhile for the same row stays,
 * and is indexed next round. What failed stays too; while Elasticsearch is away the relay waits
 * {@code relay.initial-backoff}, doubling up to {@code relay.max-backoff}, and nothing is lost.
 *
 * <p>During a rebuild ({@link SearchReindex}) each change is written to the live alias and to the new index, and
 * the relay remembers which rows it wrote, so the rebuild can read them again before it swaps the aliases.
 */
@Component
@Conditional(SearchConfiguration.ElasticsearchConfigured.class)
class OutboxRelay implements SmartLifecycle {

    static final String LEASE = "search-relay";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final ElasticsearchClient client;
    private final SearchDocuments documents;
    private final SearchIndices indices;
    private final SearchOutbox outbox;
    private final SingleNodeLease lease;
    private final SearchProperties.Relay settings;
    private final Duration requestTimeout;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration leaseTtl;

    /** Held for a whole round; a rebuild holds it for its last pass, so no round runs meanwhile. */
    private final ReentrantLock roundLock = new ReentrantLock();
    private final ReentrantLock sleepLock = new ReentrantLock();
    private final Condition woken = sleepLock.newCondition();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean indicesReady;
    private volatile boolean reachable = true;
    private volatile Instant lastSuccessAt;
    private volatile Instant leaseRenewedAt;
    private volatile DualWrite dualWrite;

    /** The new indices of a rebuild, and the rows written to them since it began. */
    record DualWrite(Map<DocType, String> indices, Set<Key> touched) {
    }

    /** One searchable row. */
    record Key(DocType type, String id) {
    }

    OutboxRelay(JdbcTemplate jdbc, ElasticsearchClient client, SearchDocuments documents, SearchIndices indices,
                SearchOutbox outbox, SingleNodeLease lease, SearchProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.client = client;
        this.documents = documents;
        this.indices = indices;
        this.outbox = outbox;
        this.lease = lease;
        this.settings = properties.relay();
        this.requestTimeout = properties.elasticsearch().requestTimeout();
        this.clock = clock;
        this.meters = meters;
        // longer than the longest wait between two rounds, so the holder keeps it while Elasticsearch is away
        this.leaseTtl = settings.maxBackoff().plus(requestTimeout).multipliedBy(3).plusSeconds(30);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "blackstart-search-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread relay = thread;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backoff = settings.initialBackoff();
        while (running) {
            Duration wait;
            try {
                if (!holdsLease()) {
                    wait = settings.maxBackoff();
                } else {
                    if (!indicesReady) {
                        prepareIndices();
                    }
                    int taken = round();
                    backoff = settings.initialBackoff();
                    wait = taken >= settings.batchSize() ? Duration.ZERO : settings.pollInterval();
                }
            } catch (RuntimeException | java.io.IOException failure) {
                if (reachable) {
                    reachable = false;
                    log.warn("BLACKSTART-SEARCH-010 Elasticsearch unreachable, {} changes waiting; retrying with backoff "
                            + "up to {}: {}", depth(), settings.maxBackoff(), failure.toString());
                }
                wait = backoff;
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
            if (!wait.isZero()) {
                sleep(wait);
            }
        }
    }

    /** Creates what is missing; when it had to create an index, the rows that exist already are enqueued for it. */
    private void prepareIndices() throws java.io.IOException {
        List<DocType> created = indices.createMissing();
        for (DocType type : created) {
            SearchTables table = SearchTables.of(type);
            outbox.changedWhere(type, table.key, "FROM " + table.table);
        }
        if (!created.isEmpty()) {
            log.info("BLACKSTART-SEARCH-001 Created the search indices {} and enqueued their rows", created.stream()
                    .map(indices::alias).toList());
        }
        indicesReady = true;
    }

    /**
     * One round; returns how many outbox rows it took.
     *
     * @throws IllegalStateException when Elasticsearch confirmed none of the round's operations
     */
    int round() {
        roundLock.lock();
        try {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, doc_type, doc_id FROM bs_search_outbox "
                    + "ORDER BY id FETCH FIRST " + settings.batchSize() + " ROWS ONLY");
            if (rows.isEmpty()) {
                markReachable();
                return 0;
            }
            Map<Key, List<Long>> outboxIds = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                DocType type = DocType.of((String) row.get("doc_type")).orElse(null);
                long outboxId = ((Number) row.get("id")).longValue();
                if (type == null) {
                    // written by a newer version of Blackstart; nothing here can index it
                    delete(List.of(outboxId));
                    continue;
                }
                outboxIds.computeIfAbsent(new Key(type, (String) row.get("doc_id")), k -> new ArrayList<>()).add(outboxId);
            }
            Map<Key, Integer> failedByKey = new ConcurrentHashMap<>();
            List<Long> done = write(outboxIds, failedByKey);
            delete(done);
            if (!outboxIds.isEmpty() && done.isEmpty()) {
                throw new IllegalStateException("Elasticsearch confirmed none of " + outboxIds.size() + " changes");
            }
            markReachable();
            lastSuccessAt = clock.instant();
            return rows.size();
        } finally {
            roundLock.unlock();
        }
    }

    /** Indexes the current state of each row (to the alias, and to the rebuild's index); returns the outbox ids done. */
    private List<Long> write(Map<Key, List<Long>> outboxIds, Map<Key, Integer> failedByKey) {
        Map<DocType, List<String>> idsByType = new EnumMap<>(DocType.class);
        outboxIds.keySet().forEach(key -> idsByType.computeIfAbsent(key.type(), t -> new ArrayList<>()).add(key.id()));
        DualWrite dual = dualWrite;
        List<Bulk.Operation> operations = new ArrayList<>();
        List<Key> keyOf = new ArrayList<>();
        idsByType.forEach((type, ids) -> {
            Map<String, Map<String, Object>> docs = documents.load(type, ids);
            for (String id : ids) {
                Map<String, Object> doc = docs.get(id);
                operations.add(new Bulk.Operation(indices.alias(type), id, doc));
                keyOf.add(new Key(type, id));
                if (dual != null) {
                    operations.add(new Bulk.Operation(dual.indices().get(type), id, doc));
                    keyOf.add(new Key(type, id));
                    dual.touched().add(new Key(type, id));
                }
            }
        });
        Bulk.Outcome outcome = Bulk.run(client, operations, Math.max(1, operations.size()), requestTimeout.multipliedBy(2));
        for (int i = 0; i < operations.size(); i++) {
            if (!outcome.succeeded().contains(i)) {
                failedByKey.merge(keyOf.get(i), 1, Integer::sum);
            }
        }
        List<Long> done = new ArrayList<>();
        Map<DocType, int[]> counts = new EnumMap<>(DocType.class);
        outboxIds.forEach((key, ids) -> {
            int[] count = counts.computeIfAbsent(key.type(), t -> new int[2]);
            if (failedByKey.containsKey(key)) {
                count[1]++;
            } else {
                done.addAll(ids);
                count[0]++;
            }
        });
        counts.forEach((type, count) -> {
            counter("blackstart.search.indexed", type).increment(count[0]);
            counter("blackstart.search.failed", type).increment(count[1]);
        });
        if (!failedByKey.isEmpty() && !done.isEmpty()) {
            log.warn("BLACKSTART-SEARCH-012 Elasticsearch refused {} of {} changes; they stay in the outbox: {}",
                    failedByKey.size(), outboxIds.size(), outcome.firstError());
        }
        return done;
    }

    private Counter counter(String name, DocType type) {
        return Counter.builder(name).tag("type", type.code()).register(meters);
    }

    private void delete(List<Long> outboxIds) {
        for (int from = 0; from < outboxIds.size(); from += SearchDocuments.CHUNK) {
            List<Long> chunk = outboxIds.subList(from, Math.min(outboxIds.size(), from + SearchDocuments.CHUNK));
            jdbc.update("DELETE FROM bs_search_outbox WHERE id IN (" + SearchDocuments.placeholders(chunk.size()) + ")",
                    chunk.toArray());
        }
    }

    private void markReachable() {
        if (!reachable) {
            reachable = true;
            log.info("BLACKSTART-SEARCH-011 Elasticsearch back, catching up: {} changes waiting", depth());
        }
    }

    /** Renews the lease now and then, well before it runs out, instead of on every round. */
    private boolean holdsLease() {
        Instant now = clock.instant();
        Instant renewed = leaseRenewedAt;
        if (renewed != null && renewed.plus(leaseTtl.dividedBy(3)).isAfter(now)) {
            return true;
        }
        boolean held = lease.tryHold(LEASE, leaseTtl);
        leaseRenewedAt = held ? now : null;
        return held;
    }

    /** Whether this node relays (holds the lease now); renews it. */
    boolean holdsLeaseNow() {
        return holdsLease();
    }

    /** The node that holds the relay's lease, if any. */
    String leaseHolder() {
        return jdbc.queryForList("SELECT holder FROM bs_node_lease WHERE name = ?", String.class, LEASE).stream()
                .findFirst().orElse(null);
    }

    long depth() {
        Long depth = jdbc.queryForObject("SELECT COUNT(*) FROM bs_search_outbox", Long.class);
        return depth == null ? 0 : depth;
    }

    boolean reachable() {
        return reachable;
    }

    Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    /** Runs {@code work} with no round running, and none starting until it returns. */
    <T> T exclusively(Supplier<T> work) {
        roundLock.lock();
        try {
            return work.get();
        } finally {
            roundLock.unlock();
        }
    }

    /** From the next round on, every change also goes to these new indices; the rows written are remembered. */
    void startDualWrites(Map<DocType, String> newIndices) {
        exclusively(() -> {
            dualWrite = new DualWrite(Map.copyOf(newIndices), ConcurrentHashMap.newKeySet());
            return null;
        });
    }

    /** The rows written to the new indices since {@link #startDualWrites}. Call it under {@link #exclusively}. */
    Set<Key> touched() {
        DualWrite dual = dualWrite;
        return dual == null ? Set.of() : Set.copyOf(dual.touched());
    }

    /** Back to the alias only. Call it under {@link #exclusively} (with the swap) or when a rebuild gives up. */
    void stopDualWrites() {
        dualWrite = null;
    }

    /** Starts the next round now instead of after the poll interval. */
    void wake() {
        sleepLock.lock();
        try {
            woken.signalAll();
        } finally {
            sleepLock.unlock();
        }
    }

    private void sleep(Duration wait) {
        sleepLock.lock();
        try {
            woken.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            sleepLock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
