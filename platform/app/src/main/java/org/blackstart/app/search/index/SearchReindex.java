package org.blackstart.app.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.search.DocType;
import org.blackstart.app.search.SearchConfiguration;
import org.blackstart.app.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every index from the database while searches keep answering from the old ones: new concrete indices;
 * the relay writes each change to the live alias AND the new index and remembers the rows it wrote; every row of
 * every table is loaded into the new indices; then, with no relay round running, the rows the relay wrote during
 * the load are read again into the new indices (the load may have written an older read of such a row after the
 * relay wrote a newer one), all aliases move to the new indices in one atomic {@code _aliases} request, the relay
 * goes back to the aliases alone, and the old indices are deleted.
 */
@Component
@Conditional(SearchConfiguration.ElasticsearchConfigured.class)
class SearchReindex {

    private static final Logger log = LoggerFactory.getLogger(SearchReindex.class);
    /** Rows read and sent per batch. */
    static final int BATCH = 1000;
    /** How long a search may still read an index after its alias moved on, before the index is deleted. */
    static final java.time.Duration IN_FLIGHT = java.time.Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final ElasticsearchClient client;
    private final SearchDocuments documents;
    private final SearchIndices indices;
    private final OutboxRelay relay;
    private final Clock clock;
    private final java.time.Duration timeout;
    private volatile Progress last;

    SearchReindex(JdbcTemplate jdbc, ElasticsearchClient client, SearchDocuments documents, SearchIndices indices,
                  OutboxRelay relay, Clock clock, SearchProperties properties) {
        this.jdbc = jdbc;
        this.client = client;
        this.documents = documents;
        this.indices = indices;
        this.relay = relay;
        this.clock = clock;
        this.timeout = properties.elasticsearch().requestTimeout().multipliedBy(3);
    }

    /** A rebuild's state, per type: rows to load, indexed, failed. */
    static final class Progress {
        final Instant startedAt;
        volatile String status = "running";
        volatile Instant finishedAt;
        volatile String error;
        final Map<DocType, long[]> counts = new EnumMap<>(DocType.class);

        Progress(Instant startedAt) {
            this.startedAt = startedAt;
            for (DocType type : DocType.values()) {
                counts.put(type, new long[3]);
            }
        }

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("status", status);
            view.put("startedAt", startedAt.toString());
            view.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
            Map<String, Object> types = new LinkedHashMap<>();
            counts.forEach((type, c) -> types.put(type.code(), Map.of("rows", c[0], "indexed", c[1], "failed", c[2])));
            view.put("types", types);
            if (error != null) {
                view.put("error", error);
            }
            return view;
        }
    }

    /** Why a rebuild cannot start now. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws Refused when one is running, or when another node relays (only the relay's node may swap the aliases)
     */
    synchronized Progress start() {
        if (last != null && "running".equals(last.status)) {
            throw new Refused("a reindex is running since " + last.startedAt + "; see GET /api/admin/search/reindex");
        }
        if (!relay.holdsLeaseNow()) {
            String holder = relay.leaseHolder();
            throw new Refused("this node does not feed Elasticsearch; node " + (holder == null ? "(none yet)" : holder)
                    + " does: ask that node");
        }
        Progress progress = new Progress(clock.instant());
        last = progress;
        Thread worker = new Thread(() -> run(progress), "blackstart-search-reindex");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    Progress last() {
        return last;
    }

    private void run(Progress progress) {
        Map<DocType, String> fresh = Map.of();
        try {
            log.info("BLACKSTART-SEARCH-020 Reindex started");
            for (SearchTables table : SearchTables.values()) {
                Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.table, Long.class);
                progress.counts.get(table.type)[0] = rows == null ? 0 : rows;
            }
            fresh = indices.createIndices();
            relay.startDualWrites(fresh);
            for (SearchTables table : SearchTables.values()) {
                load(table, fresh.get(table.type), progress);
            }
            Map<DocType, String> target = fresh;
            Map<DocType, String> old = relay.exclusively(() -> {
                try {
                    repair(relay.touched(), target, progress);
                    // what the load wrote is only searchable after a refresh: swapping earlier shows fewer hits
                    indices.refresh(target.values());
                    Map<DocType, String> left = indices.swap(target);
                    relay.stopDualWrites();
                    return left;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // searches that resolved the aliases just before the swap still read the old indices: let them finish
            Thread.sleep(IN_FLIGHT.toMillis());
            indices.delete(old.values());
            progress.status = "finished";
            log.info("BLACKSTART-SEARCH-021 Reindex finished: {}", progress.view().get("types"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            progress.status = "finished";
        } catch (RuntimeException | IOException failure) {
            relay.stopDualWrites();
            progress.status = "failed";
            progress.error = failure.toString();
            log.warn("BLACKSTART-SEARCH-022 Reindex failed, the old indices keep answering: {}", failure.toString());
            try {
                indices.delete(fresh.values());
            } catch (IOException | RuntimeException cleanup) {
                log.warn("BLACKSTART-SEARCH-023 Could not delete the unfinished indices {}: {}", fresh.values(),
                        cleanup.toString());
            }
        } finally {
            progress.finishedAt = clock.instant();
        }
    }

    /** Every row of one table into its new index, in key order, a batch at a time. */
    private void load(SearchTables table, String index, Progress progress) {
        Object after = table.numeric ? (Object) Long.MIN_VALUE : "";
        while (true) {
            List<Object> keys = jdbc.queryForList("SELECT " + table.key + " FROM " + table.table + " WHERE " + table.key
                    + " > ? ORDER BY " + table.key + " FETCH FIRST " + BATCH + " ROWS ONLY", Object.class, after);
            if (keys.isEmpty()) {
                return;
            }
            List<String> ids = keys.stream().map(String::valueOf).toList();
            Map<String, Map<String, Object>> docs = documents.load(table.type, ids);
            List<Bulk.Operation> operations = new ArrayList<>();
            docs.forEach((id, doc) -> operations.add(new Bulk.Operation(index, id, doc)));
            send(table.type, operations, progress);
            after = keys.get(keys.size() - 1);
        }
    }

    /** The rows the relay wrote during the load, read again now that no round runs. */
    private void repair(Set<OutboxRelay.Key> touched, Map<DocType, String> target, Progress progress) {
        Map<DocType, List<String>> byType = new EnumMap<>(DocType.class);
        touched.forEach(key -> byType.computeIfAbsent(key.type(), t -> new ArrayList<>()).add(key.id()));
        byType.forEach((type, ids) -> {
            Map<String, Map<String, Object>> docs = documents.load(type, ids);
            List<Bulk.Operation> operations = ids.stream()
                    .map(id -> new Bulk.Operation(target.get(type), id, docs.get(id))).toList();
            Bulk.Outcome outcome = Bulk.run(client, operations, BATCH, timeout);
            if (!outcome.allSucceeded(operations.size())) {
                throw new IllegalStateException("could not write the rows changed during the reindex: "
                        + outcome.firstError());
            }
        });
    }

    private void send(DocType type, List<Bulk.Operation> operations, Progress progress) {
        Bulk.Outcome outcome = Bulk.run(client, operations, BATCH, timeout);
        long[] counts = progress.counts.get(type);
        counts[1] += outcome.succeeded().size();
        counts[2] += operations.size() - outcome.succeeded().size();
        if (!outcome.allSucceeded(operations.size())) {
            // never swap to an index that misses documents: the old ones keep answering instead
            throw new IllegalStateException("Elasticsearch refused " + (operations.size() - outcome.succeeded().size())
                    + " of " + operations.size() + " " + type.code() + " documents: " + outcome.firstError());
        }
    }
}
