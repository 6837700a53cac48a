package org.blackstart.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.blackstart.testkit.elasticsearch.ElasticsearchServer;

/**
 * The test kit's Elasticsearch (a real 9.2 server as a local process, see {@link ElasticsearchServer}) and a client
 * on it, for the search and indexing benchmarks: both sides of each talk to this one server. The heap defaults to
 * 2 GB here ({@code blackstart.test.elasticsearch-heap}): a million documents with their doc values and the page cache
 * for them, not the kit's test size.
 */
final class BenchElasticsearch implements AutoCloseable {

    /** Operations per bulk request: a few MB of timeline entries, the size Elasticsearch's guide starts from. */
    static final int BULK_OPERATIONS = 5_000;

    private final URI baseUrl;
    private final Rest5Client restClient;
    private final ElasticsearchClient client;

    private BenchElasticsearch(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.restClient = Rest5Client.builder(List.of(baseUrl)).build();
        this.client = new ElasticsearchClient(new Rest5ClientTransport(restClient, new JacksonJsonpMapper(new ObjectMapper())));
    }

    static BenchElasticsearch start() {
        if (System.getProperty("blackstart.test.elasticsearch-heap") == null) {
            System.setProperty("blackstart.test.elasticsearch-heap", "2g");
        }
        return new BenchElasticsearch(URI.create(ElasticsearchServer.shared().baseUrl().toString()));
    }

    URI baseUrl() {
        return baseUrl;
    }

    ElasticsearchClient client() {
        return client;
    }

    /** Waits until the platform has made {@code alias} (it creates its indices from the template at start). */
    void awaitAlias(String alias, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform did not create the alias " + alias + " within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    /**
     * Indexes documents {@code first .. first + count - 1} into {@code alias} with a bare {@link BulkIngester} (two
     * requests in flight, {@link #BULK_OPERATIONS} per request), and returns once every one is acknowledged.
     *
     * @return how many the bulk responses reported as failed (0 expected)
     */
    long bulkIndex(String alias, long first, long count, LongFunction<Map<String, Object>> document)
            throws InterruptedException {
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        BulkListener<Void> listener = new BulkListener<>() {
            @Override
            public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
                response.items().stream().filter(item -> item.error() != null).forEach(item -> {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, item.error().reason());
                });
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
                failed.addAndGet(request.operations().size());
                firstFailure.compareAndSet(null, failure.toString());
            }
        };
        BulkIngester<Void> ingester = BulkIngester.of(b -> b.client(client).maxOperations(BULK_OPERATIONS)
                .maxConcurrentRequests(2).maxSize(32L * 1024 * 1024).flushInterval(1, TimeUnit.SECONDS).listener(listener));
        try {
            for (long id = first; id < first + count; id++) {
                Map<String, Object> doc = document.apply(id);
                String docId = Long.toString(id);
                ingester.add(op -> op.index(i -> i.index(alias).id(docId).document(doc)));
            }
        } finally {
            ingester.close(); // flushes and waits for every request in flight
        }
        if (failed.get() > 0) {
            BenchConsole.progress(failed.get() + " documents failed to index into " + alias + ", first: " + firstFailure.get());
        }
        return failed.get();
    }

    long count(String alias) throws IOException {
        client.indices().refresh(r -> r.index(alias));
        return client.count(c -> c.index(alias)).count();
    }

    /** Removes the run's indices and the platform's template for them, so a run leaves nothing behind. */
    void deleteAll(String prefix) {
        try {
            client.indices().delete(d -> d.index(prefix + "-*").expandWildcards(
                    co.elastic.clients.elasticsearch._types.ExpandWildcard.All));
            client.indices().deleteIndexTemplate(d -> d.name(prefix + "-documents"));
        } catch (IOException | RuntimeException e) {
            BenchConsole.progress("could not remove the indices " + prefix + "-*: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        restClient.close();
    }
}
