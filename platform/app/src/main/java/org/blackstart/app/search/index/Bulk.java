package org.blackstart.app.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One batch of index and delete operations through a {@link BulkIngester}, and which of them Elasticsearch
 * confirmed. A delete of a document that was never indexed counts as done (the document is absent, as wanted).
 */
final class Bulk {

    /** One operation: index {@code document} as {@code id} into {@code index}, or delete it when {@code document} is null. */
    record Operation(String index, String id, Map<String, Object> document) {
    }

    /** What came back: the positions (in the list given) of the operations that succeeded, and the first error seen. */
    record Outcome(Set<Integer> succeeded, String firstError) {

        boolean allSucceeded(int count) {
            return succeeded.size() == count;
        }
    }

    private Bulk() {
    }

    static Outcome run(ElasticsearchClient client, List<Operation> operations, int maxOperations, Duration timeout) {
        Set<Integer> succeeded = ConcurrentHashMap.newKeySet();
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        if (operations.isEmpty()) {
            return new Outcome(succeeded, null);
        }
        CountDownLatch answered = new CountDownLatch(operations.size());
        BulkListener<Integer> listener = new BulkListener<>() {
            @Override
            public void beforeBulk(long executionId, BulkRequest request, List<Integer> contexts) {
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<Integer> contexts, BulkResponse response) {
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < contexts.size(); i++) {
                    BulkResponseItem item = items.get(i);
                    boolean deletedAbsent = item.operationType().jsonValue().equals("delete") && item.status() == 404;
                    if (item.error() == null || deletedAbsent) {
                        succeeded.add(contexts.get(i));
                    } else {
                        errors.add(item.error().type() + ": " + item.error().reason());
                    }
                    answered.countDown();
                }
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<Integer> contexts, Throwable failure) {
                errors.add(failure.getClass().getSimpleName() + ": " + failure.getMessage());
                contexts.forEach(context -> answered.countDown());
            }
        };
        BulkIngester<Integer> ingester = BulkIngester.of(b -> b.client(client).maxOperations(maxOperations)
                .maxConcurrentRequests(1).listener(listener));
        try {
            for (int i = 0; i < operations.size(); i++) {
                Operation operation = operations.get(i);
                if (operation.document() == null) {
                    ingester.add(op -> op.delete(d -> d.index(operation.index()).id(operation.id())), i);
                } else {
                    ingester.add(op -> op.index(x -> x.index(operation.index()).id(operation.id())
                            .document(operation.document())), i);
                }
            }
        } finally {
            ingester.close();
        }
        try {
            if (!answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                errors.add("no answer within " + timeout);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            errors.add("interrupted");
        }
        return new Outcome(Set.copyOf(succeeded), errors.isEmpty() ? null : errors.get(0));
    }
}
