package org.blackstart.app.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.search.*}: where Elasticsearch is, and how the outbox feeds it. Without
 * {@code elasticsearch.uris} there is no Elasticsearch: search and insights answer from the database, and no
 * outbox rows are written (a reindex builds the indices once Elasticsearch is configured).
 *
 * @param indexPrefix   every index and alias Blackstart owns starts with this and a dash
 * @param elasticsearch the cluster
 * @param relay         the outbox relay
 */
@ConfigurationProperties("blackstart.search")
@Validated
public record SearchProperties(@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,30}",
                                       message = "must be 1 to 31 lower-case letters, digits or '_', starting with a letter")
                               @DefaultValue("blackstart") String indexPrefix,
                               @Valid @NotNull @DefaultValue Elasticsearch elasticsearch,
                               @Valid @NotNull @DefaultValue Relay relay) {

    /** Whether an Elasticsearch cluster is configured. */
    public boolean elasticsearchEnabled() {
        return !elasticsearch.uris().isEmpty();
    }

    /**
     * @param uris           the nodes' HTTP addresses, {@code http://127.0.0.1:9200}; empty: no Elasticsearch
     * @param username       basic authentication, with {@code password}; or none
     * @param password       never logged
     * @param apiKey         an API key (the encoded form Elasticsearch returns), instead of a user; never logged
     * @param connectTimeout to open a connection
     * @param requestTimeout for one request's answer; a search that takes longer falls back to the database
     */
    public record Elasticsearch(@NotNull @DefaultValue List<URI> uris, String username, String password, String apiKey,
                                @NotNull @DefaultValue("2s") Duration connectTimeout,
                                @NotNull @DefaultValue("10s") Duration requestTimeout) {

        public Elasticsearch {
            for (URI uri : uris) {
                if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException("blackstart.search.elasticsearch.uris must be http(s)://host:port "
                            + "addresses, was '" + uri + "'");
                }
            }
            if ((username == null || username.isBlank()) != (password == null || password.isBlank())) {
                throw new IllegalArgumentException("blackstart.search.elasticsearch.username and .password go together: "
                        + "set both or neither");
            }
            if (apiKey != null && !apiKey.isBlank() && username != null && !username.isBlank()) {
                throw new IllegalArgumentException("blackstart.search.elasticsearch: set api-key or username/password, "
                        + "not both");
            }
            requirePositive("connect-timeout", connectTimeout);
            requirePositive("request-timeout", requestTimeout);
        }

        /** Without the secrets. */
        @Override
        public String toString() {
            return "Elasticsearch" + uris + (username == null || username.isBlank() ? "" : " as " + username)
                    + (apiKey == null || apiKey.isBlank() ? "" : " with an API key");
        }
    }

    /**
     * @param pollInterval   how often the relay looks for new outbox rows while Elasticsearch answers
     * @param batchSize      outbox rows taken per round
     * @param initialBackoff the wait after the first failure; doubled per failure in a row
     * @param maxBackoff     the longest wait between attempts while Elasticsearch is away
     */
    public record Relay(@NotNull @DefaultValue("250ms") Duration pollInterval,
                        @Min(1) @Max(10_000) @DefaultValue("1000") int batchSize,
                        @NotNull @DefaultValue("500ms") Duration initialBackoff,
                        @NotNull @DefaultValue("30s") Duration maxBackoff) {

        public Relay {
            requirePositive("relay.poll-interval", pollInterval);
            requirePositive("relay.initial-backoff", initialBackoff);
            requirePositive("relay.max-backoff", maxBackoff);
        }
    }

    private static void requirePositive(String property, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("blackstart.search.elasticsearch." + property
                    + " must be a positive duration such as 2s, was " + duration);
        }
    }
}
